# The tokenizer fuzz targets (included from tests/fuzz/CMakeLists.txt).
set(fuzz_targets)
if(MPLUG2_HAS_UTF8PROC)
  list(APPEND fuzz_targets wordpiece)
  if(MPLUG2_HAS_ZLIB)
    list(APPEND fuzz_targets clipbpe)
  endif()
endif()
# The SentencePiece target links libsentencepiece itself (no LibTorch here).
if(MPLUG2_SENTENCEPIECE_LIBRARY_FOUND)
  list(APPEND fuzz_targets sentencepiece)
endif()
if(NOT fuzz_targets)
  return()
endif()

set(fuzz_flags)
if(MPLUG2_BUILD_FUZZERS)
  set(fuzz_flags -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer)
endif()

# The tokenizer sources, compiled once for all targets (torch-free).
add_library(mplug2_text_fuzzable OBJECT ${MPLUG2_TEXT_SOURCES})
target_include_directories(mplug2_text_fuzzable PUBLIC "${PROJECT_SOURCE_DIR}")
target_link_libraries(mplug2_text_fuzzable PUBLIC mplug2::base mplug2_text_deps PRIVATE mplug2_warnings)
if(MPLUG2_BUILD_FUZZERS)
  target_compile_options(mplug2_text_fuzzable PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                                      -fno-omit-frame-pointer)
endif()

foreach(name IN LISTS fuzz_targets)
  set(target ${name}-fuzzer)
  add_executable(${target} ${name}fuzzer.cpp)
  target_link_libraries(${target} PRIVATE mplug2_text_fuzzable mplug2_warnings)
  target_compile_definitions(${target} PRIVATE
    MPLUG2_FUZZ_VOCAB="${PROJECT_SOURCE_DIR}/resources/vocab/bert-base-uncased-vocab.txt"
    MPLUG2_FUZZ_CLIP_BPE="${MPLUG2_SHARED_DIR}/data/bpe_simple_vocab_16e6.txt.gz")
  if(name STREQUAL "sentencepiece")
    target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/model/text/sentencepieceplugin/sentencepieceplugin.cpp")
    target_include_directories(${target} SYSTEM PRIVATE "${MPLUG2_SENTENCEPIECE_INCLUDE}")
    target_link_libraries(${target} PRIVATE
      "${MPLUG2_SENTENCEPIECE_TRAIN_LIBRARY}" "${MPLUG2_SENTENCEPIECE_LIBRARY}")
  endif()
  if(MPLUG2_BUILD_FUZZERS)
    target_compile_options(${target} PRIVATE ${fuzz_flags})
    target_link_options(${target} PRIVATE ${fuzz_flags})
  else()
    target_sources(${target} PRIVATE fuzzreplaymain.cpp)
    add_test(NAME fuzz-replay-${name} COMMAND ${target} "${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name}")
    set_tests_properties(fuzz-replay-${name} PROPERTIES LABELS "quick;fuzz")
  endif()
  add_dependencies(fuzzers ${target})
endforeach()
