#include "model/bench/benchcommands.h"

#include "base/json/json.h"
#include "model/bench/benchcommand.h"
#include "model/bench/commandline.h"
#include "model/bench/gemmbench.h"
#include "model/bench/loadbenchmark.h"
#include "model/bench/occlusionbench.h"
#include "model/bench/paritycommand.h"
#include "model/bench/syntheticcheckpoint.h"
#include "model/bench/tokenizebench.h"
#include "model/bench/traindemocommand.h"
#include "model/runtime/runtimeinfo.h"

#include <iostream>

namespace mplug2::model {

namespace {

int runInfo(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    cl.declareFlag("json");
    cl.declareFlag("help");
    if (const auto err = cl.parse(); !err.empty()) {
        std::cerr << "mplug2-bench info: " << err << '\n';
        return 2;
    }
    if (cl.has("help")) {
        std::cout << "Usage: mplug2-bench info [--json]\n"
                     "Print the LibTorch version, threads, BLAS and devices of this process.\n";
        return 0;
    }
    const RuntimeInfo info = runtimeInfo();
    if (cl.has("json")) {
        json::Json out = json::Json::object();
        out["torch"] = info.torchVersion;
        out["threads"] = info.intraOpThreads;
        out["cpus"] = info.usableCpus;
        out["blas"] = info.blas;
        out["cuda"] = info.cudaAvailable;
        out["cuda_devices"] = info.cudaDeviceCount;
        std::cout << json::dump(out) << '\n';
    } else {
        std::cout << "torch:   " << info.torchVersion << '\n'
                  << "threads: " << info.intraOpThreads << " (of " << info.usableCpus << " usable CPUs)\n"
                  << "blas:    " << info.blas << '\n'
                  << "cuda:    " << (info.cudaAvailable ? "yes" : "no");
        if (info.cudaAvailable)
            std::cout << " (" << info.cudaDeviceCount << " devices)";
        std::cout << '\n';
    }
    return 0;
}

} // namespace

const std::vector<BenchCommand> &benchCommands()
{
    static const std::vector<BenchCommand> commands = {
        {"info", "LibTorch version, threads, BLAS and devices", &runInfo},
        {"load", "time listing and loading a checkpoint vs reading it raw", &runLoadBenchmarkCommand},
        {"synth-checkpoint", "write a training-style checkpoint for the load benchmark",
            &runSyntheticCheckpointCommand},
        {"parity", "compare every stage with the official fixtures", &runParityCommand},
        {"bench", "caption benchmark: per-stage times, decoder cache on vs off", &runBenchCommand},
        {"occlusion", "time one occlusion map (visual encode once, every mask through the decoder)",
            &runOcclusionBenchCommand},
        {"gemm", "GFLOP/s of the visual stage's main product in fp32 and bf16", &runGemmBenchCommand},
        {"tokenize", "tokens per second of the tokenizers on a 10 MB text mix", &runTokenizeBench},
        {"train-demo", "train the bundled demo model on the synthetic world", &runTrainDemoCommand},
    };
    return commands;
}

} // namespace mplug2::model
