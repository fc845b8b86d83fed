# The storage layers, lowest first: each layer's folders, and the layers (or packages) it
# links. A folder may include its own headers and those of the layers below its own (the
# DEPENDS, followed down). tests/layers/check-layers.py reads this file to check includes.
set(PMKV_STORAGE_LAYERS core model transport connections engine env proxy workflows)

set(PMKV_LAYER_core_AREAS core)
set(PMKV_LAYER_core_DEPENDS Qt6::Core)

set(PMKV_LAYER_model_AREAS files layout generate)
set(PMKV_LAYER_model_DEPENDS pmkv_core Qt6::Concurrent nlohmann_json::nlohmann_json)

set(PMKV_LAYER_transport_AREAS kv redis rest)
set(PMKV_LAYER_transport_DEPENDS pmkv_core Qt6::Network PkgConfig::HIREDIS)

set(PMKV_LAYER_connections_AREAS connections)
set(PMKV_LAYER_connections_DEPENDS pmkv_transport)

set(PMKV_LAYER_engine_AREAS jobs diff sync)
set(PMKV_LAYER_engine_DEPENDS pmkv_model pmkv_transport Qt6::Sql)

set(PMKV_LAYER_env_AREAS env)
set(PMKV_LAYER_env_DEPENDS pmkv_core Qt6::Network)

set(PMKV_LAYER_proxy_AREAS proxy)
set(PMKV_LAYER_proxy_DEPENDS pmkv_transport)

set(PMKV_LAYER_workflows_AREAS workflows)
set(PMKV_LAYER_workflows_DEPENDS pmkv_engine pmkv_connections pmkv_env)
