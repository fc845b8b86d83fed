# `pmkv env`: the local redis-server + pmkv-proxy pair (issue #3).
file(GLOB pmkv_env_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_env_sources})
