# Connection profiles (issue #4).
pmkv_cli_command(ConnCommand conncommand.h conncommand.cpp)
