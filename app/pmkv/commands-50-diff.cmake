# Diff and sync between any two sides (issue #6).
pmkv_cli_command(DiffCommand diffcommand.h diffcommand.cpp diffoptionsparser.h
  diffoptionsparser.cpp)
pmkv_cli_command(SyncCommand synccommand.h synccommand.cpp)
