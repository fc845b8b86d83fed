# Sync (issue #6): apply a diff from one side to the other through a journal, undoable.
file(GLOB pmkv_sync_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(${pmkv_layer} PRIVATE ${pmkv_sync_sources})
