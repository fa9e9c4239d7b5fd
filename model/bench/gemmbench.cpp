#include "model/bench/gemmbench.h"

#include "base/json/json.h"
#include "model/bench/benchstats.h"
#include "model/bench/commandline.h"
#include "model/runtime/computetarget.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <torch/torch.h>
#include <vector>

namespace mplug2::model {

namespace {

struct GemmFigure {
    const char *precision;
    double medianMs = 0;
    double gflops = 0;
};

GemmFigure timeGemm(at::ScalarType dtype, const char *name, int64_t m, int64_t k, int64_t n, int runs)
{
    c10::InferenceMode inference;
    torch::manual_seed(0);
    const auto x = torch::randn({m, k}).to(dtype);
    const auto w = (torch::randn({n, k}) * 0.02).to(dtype);
    const auto b = torch::zeros({n}).to(dtype);
    for (int i = 0; i < 2; ++i)
        at::linear(x, w, b);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const auto y = at::linear(x, w, b);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    GemmFigure f {name};
    f.medianMs = median(std::move(ms));
    f.gflops = 2.0 * double(m) * double(k) * double(n) / (f.medianMs * 1e6);
    return f;
}

} // namespace

int runGemmBenchCommand(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    for (const char *name : {"m", "k", "n", "runs"})
        cl.declareValue(name);
    cl.declareFlag("json");
    cl.declareFlag("help");
    if (const auto err = cl.parse(); !err.empty() || cl.has("help")) {
        (err.empty() ? std::cout : std::cerr)
            << (err.empty() ? "" : "mplug2-bench gemm: " + err + "\n")
            << "Usage: mplug2-bench gemm [--m 3137] [--k 768] [--n 3072] [--runs 7] [--json]\n"
               "GFLOP/s of one linear layer (m x k times k -> n) in fp32 and bf16 on the CPU, through\n"
               "the ATen call the model makes: the roofline the caption benchmark's stages are judged by.\n";
        return err.empty() ? 0 : 2;
    }
    bool ok = true;
    const int64_t m = cl.intValue("m", 3137, &ok), k = cl.intValue("k", 768, &ok),
                  n = cl.intValue("n", 3072, &ok);
    const int runs = static_cast<int>(cl.intValue("runs", 7, &ok));
    if (!ok || m < 1 || k < 1 || n < 1 || m * k > (int64_t(1) << 28) || k * n > (int64_t(1) << 28)
        || m * n > (int64_t(1) << 28) || runs < 1 || runs > 100) {
        std::cerr << "mplug2-bench gemm: sizes from 1 up to 2^28 elements per matrix, runs 1-100\n";
        return 2;
    }
    const std::vector<GemmFigure> figures
        = {timeGemm(at::kFloat, "fp32", m, k, n, runs), timeGemm(at::kBFloat16, "bf16", m, k, n, runs)};
    if (cl.has("json")) {
        json::Json o = json::Json::object();
        o["m"] = m;
        o["k"] = k;
        o["n"] = n;
        o["threads"] = at::get_num_threads();
        o["cpu_bf16"] = describeCpuBf16();
        for (const GemmFigure &f : figures)
            o[f.precision] = json::Json {{"median_ms", f.medianMs}, {"gflops", f.gflops}};
        std::cout << json::dump(o) << '\n';
        return 0;
    }
    std::printf("mplug2-bench gemm: %lld x %lld -> %lld, %d threads, bf16 %s; medians of %d\n",
        static_cast<long long>(m), static_cast<long long>(k), static_cast<long long>(n),
        at::get_num_threads(), describeCpuBf16().c_str(), runs);
    for (const GemmFigure &f : figures)
        std::printf("%s  %8.2f ms  %7.1f GFLOP/s\n", f.precision, f.medianMs, f.gflops);
    return 0;
}

} // namespace mplug2::model
