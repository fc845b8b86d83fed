# Upstash REST transport (issue #4).
target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/upstashrestoptions.h
  ${CMAKE_CURRENT_LIST_DIR}/restcodec.h
  ${CMAKE_CURRENT_LIST_DIR}/restcodec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/httpclientresponse.h
  ${CMAKE_CURRENT_LIST_DIR}/httpclientconnection.h
  ${CMAKE_CURRENT_LIST_DIR}/httpclientconnection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/restbatchrun.h
  ${CMAKE_CURRENT_LIST_DIR}/restbatchrun.cpp
  ${CMAKE_CURRENT_LIST_DIR}/upstashreststore.h
  ${CMAKE_CURRENT_LIST_DIR}/upstashreststore.cpp)
