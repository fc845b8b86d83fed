target_sources(pmkv_storage PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/namesafety.h
  ${CMAKE_CURRENT_LIST_DIR}/namesafety.cpp
  ${CMAKE_CURRENT_LIST_DIR}/entityref.h
  ${CMAKE_CURRENT_LIST_DIR}/entityref.cpp
  ${CMAKE_CURRENT_LIST_DIR}/keylayout.h
  ${CMAKE_CURRENT_LIST_DIR}/keylayout.cpp
  ${CMAKE_CURRENT_LIST_DIR}/keymapper.h
  ${CMAKE_CURRENT_LIST_DIR}/keymapper.cpp)
