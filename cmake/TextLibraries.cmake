# Optional libraries of the tokenizers (model/text). None is required: a
# core-only build on a machine with nothing but a pip PyTorch still builds,
# and what needs a missing library is left out (the parity runner reports
# those cases as skipped).
#   utf8proc       -> WordPiece, CLIP BPE (Unicode categories, NFD, case)  MPLUG2_HAS_UTF8PROC
#   zlib           -> CLIP BPE (reads bpe_simple_vocab_16e6.txt.gz)        MPLUG2_HAS_ZLIB
#   sentencepiece  -> the libmplug2_sentencepiece.so plug-in               MPLUG2_HAS_SENTENCEPIECE
# mplug2_text_deps carries the libraries and the MPLUG2_HAS_* definitions.
add_library(mplug2_text_deps INTERFACE)

find_path(MPLUG2_UTF8PROC_INCLUDE utf8proc.h)
find_library(MPLUG2_UTF8PROC_LIBRARY utf8proc)
if(MPLUG2_UTF8PROC_INCLUDE AND MPLUG2_UTF8PROC_LIBRARY)
  set(MPLUG2_HAS_UTF8PROC ON)
  target_include_directories(mplug2_text_deps SYSTEM INTERFACE "${MPLUG2_UTF8PROC_INCLUDE}")
  target_link_libraries(mplug2_text_deps INTERFACE "${MPLUG2_UTF8PROC_LIBRARY}")
  target_compile_definitions(mplug2_text_deps INTERFACE MPLUG2_HAS_UTF8PROC=1)
else()
  set(MPLUG2_HAS_UTF8PROC OFF)
endif()

find_package(ZLIB QUIET)
if(ZLIB_FOUND)
  set(MPLUG2_HAS_ZLIB ON)
  target_link_libraries(mplug2_text_deps INTERFACE ZLIB::ZLIB)
  target_compile_definitions(mplug2_text_deps INTERFACE MPLUG2_HAS_ZLIB=1)
else()
  set(MPLUG2_HAS_ZLIB OFF)
endif()

find_path(MPLUG2_SENTENCEPIECE_INCLUDE sentencepiece_processor.h)
find_library(MPLUG2_SENTENCEPIECE_LIBRARY sentencepiece)
find_library(MPLUG2_SENTENCEPIECE_TRAIN_LIBRARY sentencepiece_train)
if(MPLUG2_SENTENCEPIECE_INCLUDE AND MPLUG2_SENTENCEPIECE_LIBRARY AND MPLUG2_SENTENCEPIECE_TRAIN_LIBRARY)
  set(MPLUG2_SENTENCEPIECE_LIBRARY_FOUND ON)
else()
  set(MPLUG2_SENTENCEPIECE_LIBRARY_FOUND OFF)
endif()
set(MPLUG2_HAS_SENTENCEPIECE ${MPLUG2_SENTENCEPIECE_LIBRARY_FOUND})
# AddressSanitizer cannot load a library with RTLD_DEEPBIND, which is what
# keeps SentencePiece's protobuf apart from LibTorch's: no plug-in there.
if(MPLUG2_SANITIZE)
  set(MPLUG2_HAS_SENTENCEPIECE OFF)
  target_compile_definitions(mplug2_text_deps INTERFACE MPLUG2_NO_DEEPBIND=1)
endif()
if(MPLUG2_HAS_SENTENCEPIECE)
  target_compile_definitions(mplug2_text_deps INTERFACE MPLUG2_HAS_SENTENCEPIECE=1)
endif()
target_link_libraries(mplug2_text_deps INTERFACE ${CMAKE_DL_LIBS})

message(STATUS "Tokenizers: utf8proc=${MPLUG2_HAS_UTF8PROC} zlib=${MPLUG2_HAS_ZLIB} "
               "sentencepiece plug-in=${MPLUG2_HAS_SENTENCEPIECE}")
