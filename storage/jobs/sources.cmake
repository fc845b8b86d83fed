# Jobs (issue #5): backup, journal, audit, plan, migrate, validate, rollback, snapshot, archive.
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET GLOBAL libarchive)
target_link_libraries(pmkv_storage PUBLIC PkgConfig::LIBARCHIVE)
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/filesync.h
  ${CMAKE_CURRENT_LIST_DIR}/filesync.cpp
  ${CMAKE_CURRENT_LIST_DIR}/backupformat.h
  ${CMAKE_CURRENT_LIST_DIR}/backupjob.h
  ${CMAKE_CURRENT_LIST_DIR}/backupjob.cpp
  ${CMAKE_CURRENT_LIST_DIR}/backupverifier.h
  ${CMAKE_CURRENT_LIST_DIR}/backupverifier.cpp)
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/jobpaths.h
  ${CMAKE_CURRENT_LIST_DIR}/jobpaths.cpp
  ${CMAKE_CURRENT_LIST_DIR}/auditlog.h
  ${CMAKE_CURRENT_LIST_DIR}/auditlog.cpp)
