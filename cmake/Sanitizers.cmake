# AddressSanitizer + UndefinedBehaviorSanitizer for the whole build (asan preset).
# RTLD_DEEPBIND (used to keep SentencePiece's protobuf away from LibTorch's) is
# not supported under ASan, so that build leaves the SentencePiece plug-in out.
if(MPLUG2_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer targets are built by clang in their own build folder (fuzz preset).
if(MPLUG2_BUILD_FUZZERS AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "MPLUG2_BUILD_FUZZERS needs clang (use the 'fuzz' preset)")
endif()
