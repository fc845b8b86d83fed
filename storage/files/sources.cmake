target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/jsstringify.h
  ${CMAKE_CURRENT_LIST_DIR}/jsstringify.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jscodepoint.h
  ${CMAKE_CURRENT_LIST_DIR}/jsobjectmembers.h
  ${CMAKE_CURRENT_LIST_DIR}/jsobjectmembers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsstringarray.h
  ${CMAKE_CURRENT_LIST_DIR}/jsstringarray.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsprettyprint.h
  ${CMAKE_CURRENT_LIST_DIR}/jsprettyprint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entity.h
  ${CMAKE_CURRENT_LIST_DIR}/entity.cpp
  ${CMAKE_CURRENT_LIST_DIR}/problem.h
  ${CMAKE_CURRENT_LIST_DIR}/problem.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pmindex.h
  ${CMAKE_CURRENT_LIST_DIR}/pmindex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/compactjson.h
  ${CMAKE_CURRENT_LIST_DIR}/compactjson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/documentvalidator.h
  ${CMAKE_CURRENT_LIST_DIR}/documentvalidator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pmreader.h
  ${CMAKE_CURRENT_LIST_DIR}/pmreader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/treecheck.h
  ${CMAKE_CURRENT_LIST_DIR}/treecheck.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsnumber.h
  ${CMAKE_CURRENT_LIST_DIR}/jsnumber.cpp
  ${CMAKE_CURRENT_LIST_DIR}/folderlisting.h
  ${CMAKE_CURRENT_LIST_DIR}/folderlisting.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sha256.h
  ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filebatchreader.h
  ${CMAKE_CURRENT_LIST_DIR}/filebatchreader.cpp)

# Optional: libcrypto's SHA-256 (see sha256.h); QCryptographicHash without it.
find_package(OpenSSL QUIET COMPONENTS Crypto)
if(OpenSSL_FOUND)
  target_link_libraries(pmkv_storage PRIVATE OpenSSL::Crypto)
  set_property(SOURCE ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp APPEND PROPERTY
    COMPILE_DEFINITIONS PMKV_HAVE_OPENSSL_CRYPTO)
endif()

# Optional: io_uring for reading many small files (see filebatchreader.h); plain calls without it.
pkg_check_modules(LIBURING QUIET IMPORTED_TARGET GLOBAL liburing)
if(LIBURING_FOUND)
  target_link_libraries(pmkv_storage PRIVATE PkgConfig::LIBURING)
  set_property(SOURCE ${CMAKE_CURRENT_LIST_DIR}/filebatchreader.cpp APPEND PROPERTY
    COMPILE_DEFINITIONS PMKV_HAVE_LIBURING)
endif()
