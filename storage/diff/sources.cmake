# Diff engine (issue #6): sides, structural JSON diff, RFC 6902 patches, reports.
file(GLOB pmkv_diff_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_diff_sources})
