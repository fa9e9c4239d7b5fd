# The checkpoint-parser fuzz targets (included from tests/fuzz/CMakeLists.txt).
set(checkpoint_fuzz_targets unpickler:pickle torchcheckpoint:checkpoint safetensors:safetensors)

if(MPLUG2_BUILD_FUZZERS)
  include(${PROJECT_SOURCE_DIR}/model/checkpoint/parsersources.cmake)
  set(fuzz_flags -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)

  add_library(mplug2_checkpoint_parsers STATIC ${MPLUG2_CHECKPOINT_PARSER_SOURCES} fuzzseeds.cpp)
  target_include_directories(mplug2_checkpoint_parsers PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(mplug2_checkpoint_parsers PUBLIC mplug2::base PRIVATE mplug2_warnings)
  target_compile_options(mplug2_checkpoint_parsers PRIVATE ${fuzz_flags})

  foreach(pair IN LISTS checkpoint_fuzz_targets)
    string(REPLACE ":" ";" pair "${pair}")
    list(GET pair 0 name)
    add_executable(${name}fuzzer ${name}fuzzer.cpp)
    target_link_libraries(${name}fuzzer PRIVATE mplug2_checkpoint_parsers mplug2_warnings)
    target_compile_options(${name}fuzzer PRIVATE ${fuzz_flags})
    target_link_options(${name}fuzzer PRIVATE -fsanitize=fuzzer,address,undefined)
    add_dependencies(fuzzers ${name}fuzzer)
  endforeach()

  add_executable(mplug2-fuzz-seeds writefuzzseeds.cpp)
  target_link_libraries(mplug2-fuzz-seeds PRIVATE mplug2_checkpoint_parsers mplug2_warnings)
  target_compile_options(mplug2-fuzz-seeds PRIVATE ${fuzz_flags})
  target_link_options(mplug2-fuzz-seeds PRIVATE -fsanitize=address,undefined)
  add_dependencies(fuzzers mplug2-fuzz-seeds)
  return()
endif()

# The driver's main() calls the LLVMFuzzerTestOneInput of the target it is linked with.
add_library(mplug2_fuzzreplay STATIC fuzzreplay.cpp fuzzseeds.cpp)
target_link_libraries(mplug2_fuzzreplay PUBLIC mplug2::model mplug2_testsupport PRIVATE mplug2_warnings)
foreach(pair IN LISTS checkpoint_fuzz_targets)
  string(REPLACE ":" ";" pair "${pair}")
  list(GET pair 0 name)
  list(GET pair 1 seeds)
  add_executable(${name}replay ${name}fuzzer.cpp)
  target_link_libraries(${name}replay PRIVATE mplug2_fuzzreplay mplug2_warnings)
  add_test(NAME fuzz-replay-${name}
    COMMAND ${name}replay --seeds ${seeds} "${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name}")
  set_tests_properties(fuzz-replay-${name} PROPERTIES LABELS "quick;checkpoint"
    PASS_REGULAR_EXPRESSION "replayed [1-9][0-9]* seeds and [1-9][0-9]* corpus files")
endforeach()
