# One precompiled header for the torch includes. Only .cpp files of model/ and
# the Qt-free tools include torch; each torch-using target either owns this
# PCH (mplug2_model) or reuses it.
set(MPLUG2_TORCH_PCH "${CMAKE_CURRENT_LIST_DIR}/../model/torchpch.h")

function(mplug2_use_torch_pch target)
  if(MPLUG2_SANITIZE OR MPLUG2_BUILD_FUZZERS)
    return()
  endif()
  if(target STREQUAL "mplug2_model")
    target_precompile_headers(${target} PRIVATE "${MPLUG2_TORCH_PCH}")
  else()
    target_precompile_headers(${target} REUSE_FROM mplug2_model)
  endif()
endfunction()
