target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/kvreply.h
  ${CMAKE_CURRENT_LIST_DIR}/kvreply.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kvstore.h
  ${CMAKE_CURRENT_LIST_DIR}/kvstore.cpp)
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/keyscanner.h
  ${CMAKE_CURRENT_LIST_DIR}/keyscanner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kvwait.h
  ${CMAKE_CURRENT_LIST_DIR}/kvwait.cpp)
