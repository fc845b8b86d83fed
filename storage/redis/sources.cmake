# Direct Redis over hiredis on the Qt event loop (issue #3).
file(GLOB pmkv_redis_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_redis_sources})
