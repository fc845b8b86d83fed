# The local Redis + pmkv-proxy pair (issue #3).
pmkv_cli_command(EnvCommand envcommand.h envcommand.cpp)
