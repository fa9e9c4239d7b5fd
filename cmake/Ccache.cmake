# Use ccache when it is installed. The sloppiness settings let ccache cache
# translation units that use the precompiled torch header.
find_program(MPLUG2_CCACHE ccache)
if(MPLUG2_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(_launcher "${CMAKE_COMMAND}" -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      "${MPLUG2_CCACHE}")
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_C_COMPILER_LAUNCHER ${_launcher})
  message(STATUS "ccache: ${MPLUG2_CCACHE}")
endif()
