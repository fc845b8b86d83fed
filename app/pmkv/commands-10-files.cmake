# Commands over a pm/ folder (issue #2).
pmkv_cli_command(ScanCommand scancommand.h scancommand.cpp)
pmkv_cli_command(KeysCommand keyscommand.h keyscommand.cpp)
pmkv_cli_command(GenerateCommand generatecommand.h generatecommand.cpp)
