#pragma once
/// `mplug2-bench bench --config tiny|base|large [--frames 16] [--beam 5]
/// [--max-len 20] [--steps N] [--batch 1] [--device cpu|cuda]
/// [--precision fp32|fp16|bf16] [--warmup N] [--no-baseline] [--json]`:
/// see CaptionBenchmark.

namespace mplug2::model {

int runBenchCommand(int argc, char **argv);

} // namespace mplug2::model
