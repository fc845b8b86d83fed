# Connection profiles, secrets, read-only guard and the store factory (issue #4).
find_package(Qt6Keychain REQUIRED)
target_link_libraries(${pmkv_layer} PUBLIC Qt6Keychain::Qt6Keychain)
file(GLOB pmkv_connections_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_connections_sources})
