#include "model/bench/traindemocommand.h"

#include "model/bench/commandline.h"
#include "model/train/demotrainer.h"

#include <cstdlib>
#include <iostream>

namespace mplug2::model {

namespace {

struct IntKnob {
    const char *name;
    int64_t *target;
};

void printProgress(const train::TrainingProgress &p)
{
    std::cerr << "step " << p.step << '/' << p.steps << "  " << int(p.elapsedSeconds) << " s  "
              << p.samplesPerSecond << " samples/s  lr " << p.learningRate << "  loss " << p.loss
              << " (caption " << p.caption << ", qa " << p.qa << ", itc " << p.itc << ", attention "
              << p.attention << ")\n";
    if (p.heldOut)
        std::cerr << "held-out: " << p.heldOut->toJson().dump() << '\n';
}

} // namespace

int runTrainDemoCommand(int argc, char **argv)
{
    train::DemoTrainingOptions o = train::DemoTrainingOptions::defaultParams();
    train::DemoArchitecture &a = o.architecture;
    int64_t seed = int64_t(o.seed), batch = o.batchSize, evalItems = o.evalItems, threads = o.threads,
            replicas = o.replicas;
    const IntKnob knobs[] = {{"seed", &seed}, {"steps", &o.steps}, {"batch", &batch},
        {"warmup", &o.warmupSteps}, {"log-every", &o.logEvery}, {"eval-every", &o.evalEvery},
        {"eval-items", &evalItems}, {"checkpoint-every", &o.checkpointEvery}, {"threads", &threads},
        {"replicas", &replicas}, {"res", &a.imageRes}, {"patch", &a.patchSize}, {"frames", &a.frames},
        {"vision-width", &a.visionWidth}, {"vision-layers", &a.visionLayers},
        {"vision-heads", &a.visionHeads}, {"hidden", &a.hidden}, {"heads", &a.heads},
        {"text-layers", &a.textLayers}, {"fusion-layers", &a.fusionLayers},
        {"decoder-layers", &a.decoderLayers}, {"latents", &a.latents}, {"clip-width", &a.clipWidth},
        {"clip-layers", &a.clipLayers}, {"embed-dim", &a.embedDim}};
    struct RealKnob {
        const char *name;
        double *target;
    };
    const RealKnob reals[]
        = {{"lr", &o.learningRate}, {"minutes", &o.maxMinutes}, {"picture-batches", &o.pictureBatches},
            {"two-shapes", &o.twoShapes}, {"w-caption", &o.losses.caption}, {"w-qa", &o.losses.qa},
            {"w-itc", &o.losses.itc}, {"w-attention", &o.losses.attention}};
    CommandLine cl(argc, argv, 2);
    cl.declareValue("out");
    for (const IntKnob &k : knobs)
        cl.declareValue(k.name);
    for (const RealKnob &k : reals)
        cl.declareValue(k.name);
    cl.declareFlag("help");
    if (const auto err = cl.parse(); !err.empty()) {
        std::cerr << "mplug2-bench train-demo: " << err << '\n';
        return 2;
    }
    if (cl.has("help") || !cl.has("out")) {
        std::cout
            << "Usage: mplug2-bench train-demo --out DIR [--seed S] [--steps N] [--minutes M] [--batch B]\n"
               "       [--threads T] [--replicas N] [--lr X] [--res R --patch P --frames T --vision-width W "
               "...]\n"
               "Trains the demo model on the synthetic world (DIR/demo.safetensors, DIR/demo.model);\n"
               "running again with the same DIR resumes. Progress goes to stderr.\n";
        return cl.has("help") ? 0 : 2;
    }
    bool ok = true;
    for (const IntKnob &k : knobs)
        *k.target = cl.intValue(k.name, *k.target, &ok);
    for (const RealKnob &k : reals)
        if (cl.has(k.name)) {
            char *end = nullptr;
            const std::string text = cl.value(k.name);
            *k.target = std::strtod(text.c_str(), &end);
            ok = ok && end && *end == '\0' && !text.empty();
        }
    if (!ok || batch < 2 || evalItems < 1 || replicas < 1 || replicas > 64) {
        std::cerr << "mplug2-bench train-demo: the numbers given are not valid (see --help)\n";
        return 2;
    }
    o.seed = uint64_t(seed);
    o.batchSize = int(batch);
    o.evalItems = int(evalItems);
    o.threads = int(threads);
    o.replicas = int(replicas);
    o.outDir = cl.value("out");
    o.progress = printProgress;
    const auto result = train::trainDemoModel(o);
    if (!result) {
        std::cerr << "mplug2-bench train-demo: " << result.error().message << '\n';
        return 1;
    }
    std::cout << "{\"weights\": \"" << result->weights << "\", \"steps\": " << result->steps
              << ", \"finished\": " << (result->finished ? "true" : "false")
              << ", \"seconds\": " << result->seconds << "}\n";
    return 0;
}

} // namespace mplug2::model
