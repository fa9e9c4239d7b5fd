# Unity builds for our libraries. On 2 cores most of a clean build was the
# fixed cost of each translation unit: an empty file with the torch PCH spends
# ~7 s instantiating the header's templates, and a Qt file ~3 s parsing Qt.
# Batching a library's sources into a few unity files pays that cost once per
# batch. Tests stay one executable per file. Turn it off
# (-DMPLUG2_UNITY_BUILD=OFF) to compile file by file while editing one library.
option(MPLUG2_UNITY_BUILD "Compile each library's sources in batches (unity build)" ON)

function(mplug2_unity_build target batch_size)
  if(MPLUG2_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES
      UNITY_BUILD ON
      UNITY_BUILD_BATCH_SIZE ${batch_size})
  endif()
endfunction()
