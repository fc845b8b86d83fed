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
  ${CMAKE_CURRENT_LIST_DIR}/auditlog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/journalrecords.h
  ${CMAKE_CURRENT_LIST_DIR}/journal.h
  ${CMAKE_CURRENT_LIST_DIR}/journal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/keycapture.h
  ${CMAKE_CURRENT_LIST_DIR}/keycapture.cpp
  ${CMAKE_CURRENT_LIST_DIR}/keyspaceprefetch.h
  ${CMAKE_CURRENT_LIST_DIR}/keyspaceprefetch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jobprogress.h
  ${CMAKE_CURRENT_LIST_DIR}/jobprogress.cpp
  ${CMAKE_CURRENT_LIST_DIR}/migrationplan.h
  ${CMAKE_CURRENT_LIST_DIR}/migrationplan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sourcevalues.h
  ${CMAKE_CURRENT_LIST_DIR}/sourcevalues.cpp
  ${CMAKE_CURRENT_LIST_DIR}/planner.h
  ${CMAKE_CURRENT_LIST_DIR}/planner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/batchsettlement.h
  ${CMAKE_CURRENT_LIST_DIR}/batchsettlement.cpp
  ${CMAKE_CURRENT_LIST_DIR}/migrator.h
  ${CMAKE_CURRENT_LIST_DIR}/migrator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rollbackjob.h
  ${CMAKE_CURRENT_LIST_DIR}/rollbackjob.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validator.h
  ${CMAKE_CURRENT_LIST_DIR}/validator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jobreport.h
  ${CMAKE_CURRENT_LIST_DIR}/jobreport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/snapshotjob.h
  ${CMAKE_CURRENT_LIST_DIR}/snapshotjob.cpp
  ${CMAKE_CURRENT_LIST_DIR}/archivejob.h
  ${CMAKE_CURRENT_LIST_DIR}/archivejob.cpp)
