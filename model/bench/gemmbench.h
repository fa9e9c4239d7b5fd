#pragma once
/// `mplug2-bench gemm`: the machine's GEMM roofline in fp32 and bf16, on the
/// shape that dominates the visual stage (3137 tokens x 768 -> 3072, one
/// Base MLP product over 16 frames), through the same ATen calls the model
/// makes. The caption benchmark's stages are judged as a share of it.

namespace mplug2::model {

int runGemmBenchCommand(int argc, char **argv);

} // namespace mplug2::model
