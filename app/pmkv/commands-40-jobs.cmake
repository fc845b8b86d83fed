# The migration engine's commands (issue #5).
pmkv_cli_command(BackupCommand backupcommand.h backupcommand.cpp jobsupport.h jobsupport.cpp)
pmkv_cli_command(VerifyCommand verifycommand.h verifycommand.cpp)
pmkv_cli_command(RestoreCommand restorecommand.h restorecommand.cpp)
