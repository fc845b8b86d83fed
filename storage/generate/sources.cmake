target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/splitmix64.h
  ${CMAKE_CURRENT_LIST_DIR}/treegenerator.h
  ${CMAKE_CURRENT_LIST_DIR}/treegenerator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/documentfactory.h
  ${CMAKE_CURRENT_LIST_DIR}/documentfactory.cpp)
