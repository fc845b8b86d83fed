target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/result.h
  ${CMAKE_CURRENT_LIST_DIR}/logging.h
  ${CMAKE_CURRENT_LIST_DIR}/logging.cpp
  ${CMAKE_CURRENT_LIST_DIR}/textposition.h
  ${CMAKE_CURRENT_LIST_DIR}/textposition.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hexdigit.h
  ${CMAKE_CURRENT_LIST_DIR}/hexdigit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsonstring.h
  ${CMAKE_CURRENT_LIST_DIR}/jsonstring.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bytewriter.h
  ${CMAKE_CURRENT_LIST_DIR}/jsonstringrun.h
  ${CMAKE_CURRENT_LIST_DIR}/utf8.h
  ${CMAKE_CURRENT_LIST_DIR}/utf8.cpp
  ${CMAKE_CURRENT_LIST_DIR}/offthreadrelease.h
  ${CMAKE_CURRENT_LIST_DIR}/permutationsort.h
  ${CMAKE_CURRENT_LIST_DIR}/prefault.h
  ${CMAKE_CURRENT_LIST_DIR}/prefault.cpp)
