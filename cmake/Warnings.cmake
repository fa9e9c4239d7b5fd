# Warnings for our own code, as an INTERFACE target that each of our targets
# links privately. Third-party headers come in as SYSTEM includes and stay quiet.
add_library(mplug2_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(mplug2_warnings INTERFACE -Wall -Wextra -Wpedantic
    -Wno-unused-parameter)
  if(MPLUG2_WARNINGS_AS_ERRORS)
    target_compile_options(mplug2_warnings INTERFACE -Werror)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # GCC 12's flow-based string warnings fire on std::string internals
      # inlined at -O3 (GCC bug 105651): off; the array/uninitialised ones
      # stay visible as warnings.
      target_compile_options(mplug2_warnings INTERFACE -Wno-stringop-overflow -Wno-restrict
        -Wno-error=array-bounds -Wno-error=maybe-uninitialized)
    endif()
  endif()
endif()
