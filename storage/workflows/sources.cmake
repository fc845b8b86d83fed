# The workflow layer (issue #17): one class per user-level operation, shared by `pmkv` and
# pmkv-studio; the target session and its write rule.
file(GLOB pmkv_workflows_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_workflows_sources})
