target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/jsstringify.h
  ${CMAKE_CURRENT_LIST_DIR}/jsstringify.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsprettyprint.h
  ${CMAKE_CURRENT_LIST_DIR}/jsprettyprint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entity.h
  ${CMAKE_CURRENT_LIST_DIR}/entity.cpp
  ${CMAKE_CURRENT_LIST_DIR}/problem.h
  ${CMAKE_CURRENT_LIST_DIR}/problem.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pmindex.h
  ${CMAKE_CURRENT_LIST_DIR}/pmindex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/documentvalidator.h
  ${CMAKE_CURRENT_LIST_DIR}/documentvalidator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pmreader.h
  ${CMAKE_CURRENT_LIST_DIR}/pmreader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/treecheck.h
  ${CMAKE_CURRENT_LIST_DIR}/treecheck.cpp)
