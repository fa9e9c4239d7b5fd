# The torch-free checkpoint sources: file mapping, zip, pickle, legacy and
# safetensors parsing, key selection and the torch.save-compatible writer.
# Shared by mplug2_model and the fuzz targets (tests/fuzz), which must build
# without LibTorch.
set(MPLUG2_CHECKPOINT_PARSER_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/bytesink.cpp
  ${CMAKE_CURRENT_LIST_DIR}/checkpointindex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/elementtype.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mappedfile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/picklegraph.cpp
  ${CMAKE_CURRENT_LIST_DIR}/picklewriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pickletensorcollector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/safetensorsformat.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torchlegacyformat.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torchsavewriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torchzipformat.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unpickler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/weightselection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ziparchive.cpp
  ${CMAKE_CURRENT_LIST_DIR}/zipwriter.cpp)
