# Jobs (issue #5): backup, journal, audit, plan, migrate, validate, rollback, snapshot, archive.
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET GLOBAL libarchive)
target_link_libraries(${pmkv_layer} PUBLIC PkgConfig::LIBARCHIVE)
file(GLOB pmkv_jobs_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_jobs_sources})
