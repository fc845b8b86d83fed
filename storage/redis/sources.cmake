# Direct Redis over hiredis on the Qt event loop (issue #3).
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/redisaddress.h
  ${CMAKE_CURRENT_LIST_DIR}/redisaddress.cpp
  ${CMAKE_CURRENT_LIST_DIR}/redisclient.h
  ${CMAKE_CURRENT_LIST_DIR}/redisclient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/redisstore.h
  ${CMAKE_CURRENT_LIST_DIR}/redisstore.cpp)
