file(GLOB pmkv_files_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_files_sources})

# Optional: libcrypto's SHA-256 (see sha256.h); QCryptographicHash without it.
find_package(OpenSSL QUIET COMPONENTS Crypto)
if(OpenSSL_FOUND)
  target_link_libraries(${pmkv_layer} PRIVATE OpenSSL::Crypto)
  set_property(SOURCE ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp APPEND PROPERTY
    COMPILE_DEFINITIONS PMKV_HAVE_OPENSSL_CRYPTO)
endif()

# Optional: io_uring for reading many small files (see filebatchreader.h); plain calls without it.
pkg_check_modules(LIBURING QUIET IMPORTED_TARGET GLOBAL liburing)
if(LIBURING_FOUND)
  target_link_libraries(${pmkv_layer} PRIVATE PkgConfig::LIBURING)
  set_property(SOURCE ${CMAKE_CURRENT_LIST_DIR}/filebatchreader.cpp APPEND PROPERTY
    COMPILE_DEFINITIONS PMKV_HAVE_LIBURING)
endif()
