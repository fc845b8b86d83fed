# `pmkv env`: the local redis-server + pmkv-proxy pair (issue #3).
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/localenv.h
  ${CMAKE_CURRENT_LIST_DIR}/localenv.cpp)
