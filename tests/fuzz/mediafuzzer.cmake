# media-fuzzer: open + probe + sample + decode of arbitrary bytes
# (mediafuzzer.cpp). With MPLUG2_BUILD_FUZZERS (the 'fuzz-media' preset,
# clang) it is a libFuzzer program and mplug2_media is instrumented for
# coverage, AddressSanitizer and UBSan:
#   cmake --preset fuzz-media && cmake --build build/fuzz-media -j2 --target media-fuzzer
#   tests/fuzz/make-media-seeds.sh build/fuzz-media/seeds
#   build/fuzz-media/bin/media-fuzzer -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
#       build/fuzz-media/corpus build/fuzz-media/seeds tests/fuzz/corpus/media
# In every other build it gets the replay main() instead, and CTest replays
# the seeds (made with the ffmpeg CLI at test time) and the committed inputs
# of tests/fuzz/corpus/media (hand-made hostile files, past findings).
add_executable(media-fuzzer mediafuzzer.cpp)
target_link_libraries(media-fuzzer PRIVATE mplug2::media mplug2_warnings)
if(MPLUG2_BUILD_FUZZERS)
  set(media_fuzz_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(mplug2_media PRIVATE -fsanitize=fuzzer-no-link ${media_fuzz_flags})
  target_compile_options(media-fuzzer PRIVATE -fsanitize=fuzzer ${media_fuzz_flags})
  target_link_options(media-fuzzer PRIVATE -fsanitize=fuzzer ${media_fuzz_flags})
else()
  target_sources(media-fuzzer PRIVATE fuzzreplaymain.cpp)
  set(seeds "${CMAKE_CURRENT_BINARY_DIR}/media-seeds")
  add_test(NAME fuzz-media-seeds COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/make-media-seeds.sh" "${seeds}")
  set_tests_properties(fuzz-media-seeds PROPERTIES FIXTURES_SETUP media-seeds LABELS "media;fuzz" SKIP_RETURN_CODE 77)
  add_test(NAME fuzz-replay-media
    COMMAND media-fuzzer "${seeds}" "${CMAKE_CURRENT_SOURCE_DIR}/corpus/media")
  set_tests_properties(fuzz-replay-media PROPERTIES FIXTURES_REQUIRED media-seeds LABELS "media;fuzz" TIMEOUT 300)
endif()
