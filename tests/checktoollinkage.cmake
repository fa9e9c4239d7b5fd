# The desktop app links the inference library only (issue 19): no trainer,
# benchmark, parity-runner or synthetic-world code may end up in it. The
# libraries are static, so ldd cannot tell; nm can. A unity batch that mixes a
# tool's source with the app's would drag it in whole.
#
#   cmake -DBINARY=<mplug2-studio> -P checktoollinkage.cmake
execute_process(COMMAND nm -C "${BINARY}" OUTPUT_VARIABLE symbols RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm -C ${BINARY} failed: ${err}")
endif()
string(LENGTH "${symbols}" length)
if(length LESS 1000)
  message(FATAL_ERROR "nm -C ${BINARY} listed almost nothing: is it stripped?")
endif()
set(tools "mplug2::model::train::|mplug2::model::synthetic::|mplug2::[A-Za-z_:]*(Benchmark|ParityRunner|TokenizerParity|SentencePieceTraining|DemoTrainer|ParityCase)")
string(REGEX MATCHALL "[^\n]*(${tools})[^\n]*" hits "${symbols}")
list(LENGTH hits count)
if(count GREATER 0)
  list(SUBLIST hits 0 5 first)
  string(REPLACE ";" "\n  " first "${first}")
  message(FATAL_ERROR "${BINARY} carries ${count} symbols of the tools library, e.g.\n  ${first}")
endif()
message(STATUS "${BINARY}: no trainer, benchmark, parity or synthetic symbols")
