# pmkv-proxy's testable core (issue #3): HTTP/1.1 parsing with limits, the Upstash REST
# mapping, JSON encoding rules, auth, and the server on QTcpServer + RedisClient.
file(GLOB pmkv_proxy_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_proxy_sources})
