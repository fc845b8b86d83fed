# Connection profiles, secrets, read-only guard and the store factory (issue #4).
find_package(Qt6Keychain REQUIRED)
target_link_libraries(pmkv_storage PUBLIC Qt6Keychain::Qt6Keychain)
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/commandallowlist.h
  ${CMAKE_CURRENT_LIST_DIR}/commandallowlist.cpp
  ${CMAKE_CURRENT_LIST_DIR}/connectiontester.h
  ${CMAKE_CURRENT_LIST_DIR}/connectiontester.cpp
  ${CMAKE_CURRENT_LIST_DIR}/connectionprofile.h
  ${CMAKE_CURRENT_LIST_DIR}/connectionprofile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/connectionsecrets.h
  ${CMAKE_CURRENT_LIST_DIR}/envfileimport.h
  ${CMAKE_CURRENT_LIST_DIR}/envfileimport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/profilestore.h
  ${CMAKE_CURRENT_LIST_DIR}/profilestore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/readonlystore.h
  ${CMAKE_CURRENT_LIST_DIR}/readonlystore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/secretresolver.h
  ${CMAKE_CURRENT_LIST_DIR}/secretresolver.cpp
  ${CMAKE_CURRENT_LIST_DIR}/secretslot.h
  ${CMAKE_CURRENT_LIST_DIR}/secretstore.h
  ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sessionsecrets.h
  ${CMAKE_CURRENT_LIST_DIR}/sessionsecrets.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storefactory.h
  ${CMAKE_CURRENT_LIST_DIR}/storefactory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storethread.h
  ${CMAKE_CURRENT_LIST_DIR}/storethread.cpp)
