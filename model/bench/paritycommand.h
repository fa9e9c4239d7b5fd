#pragma once
/// `mplug2-bench parity DIR [--device cpu|cuda] [--precision fp32|fp16|bf16]
/// [--case SUBSTR]`: the model-library parity run (see ParityRunner).

namespace mplug2::model {

int runParityCommand(int argc, char **argv);

} // namespace mplug2::model
