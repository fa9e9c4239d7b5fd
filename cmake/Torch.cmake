# LibTorch, wrapped in one INTERFACE target (mplug2::torch) that carries its
# libraries, include folders and ABI flag. Works with Debian's LibTorch 1.13
# (CPU) and with the LibTorch inside a pip PyTorch 2.x (pass
# -DCMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')).
find_package(Torch REQUIRED)

add_library(mplug2_torch INTERFACE)
add_library(mplug2::torch ALIAS mplug2_torch)
target_link_libraries(mplug2_torch INTERFACE ${TORCH_LIBRARIES})
if(TORCH_INCLUDE_DIRS)
  target_include_directories(mplug2_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
endif()
# TORCH_CXX_FLAGS holds the libstdc++ ABI define the library was built with.
separate_arguments(_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
target_compile_options(mplug2_torch INTERFACE ${_torch_flags})

set(MPLUG2_HAS_CUDA OFF)
if(TARGET torch_cuda OR TORCH_CUDA_LIBRARIES)
  set(MPLUG2_HAS_CUDA ON)
endif()
message(STATUS "LibTorch ${Torch_VERSION} (CUDA: ${MPLUG2_HAS_CUDA}) flags: ${TORCH_CXX_FLAGS}")
