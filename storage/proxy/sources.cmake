# pmkv-proxy's testable core (issue #3): HTTP/1.1 parsing with limits, the Upstash REST
# mapping, JSON encoding rules, auth, and the server on QTcpServer + RedisClient.
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/httprequest.h
  ${CMAKE_CURRENT_LIST_DIR}/httprequest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/httprequestparser.h
  ${CMAKE_CURRENT_LIST_DIR}/httprequestparser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/httpresponse.h
  ${CMAKE_CURRENT_LIST_DIR}/httpresponse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/commandjson.h
  ${CMAKE_CURRENT_LIST_DIR}/commandjson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/base64writer.h
  ${CMAKE_CURRENT_LIST_DIR}/base64writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/replyjson.h
  ${CMAKE_CURRENT_LIST_DIR}/replyjson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proxyauth.h
  ${CMAKE_CURRENT_LIST_DIR}/proxyauth.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proxyplan.h
  ${CMAKE_CURRENT_LIST_DIR}/proxyrouter.h
  ${CMAKE_CURRENT_LIST_DIR}/proxyrouter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proxyexecutor.h
  ${CMAKE_CURRENT_LIST_DIR}/proxyexecutor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proxyconfig.h
  ${CMAKE_CURRENT_LIST_DIR}/proxyconfig.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proxyconnection.h
  ${CMAKE_CURRENT_LIST_DIR}/proxyconnection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proxyserver.h
  ${CMAKE_CURRENT_LIST_DIR}/proxyserver.cpp)
