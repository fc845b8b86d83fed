# Upstash REST transport (issue #4).
file(GLOB pmkv_rest_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_rest_sources})
