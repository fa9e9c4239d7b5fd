#include "model/train/demotrainer.h"

#include "model/modules/mplug2model.h"
#include "model/runtime/exceptiontext.h"
#include "model/runtime/runtimeinfo.h"
#include "model/synthetic/modelinputrenderer.h"
#include "model/synthetic/scenesampler.h"
#include "model/text/sentencepiecetokenizer.h"
#include "model/train/adamw.h"
#include "model/train/batchprefetcher.h"
#include "model/train/demolosses.h"
#include "model/train/trainingcheckpoint.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <torch/torch.h>

namespace mplug2::model::train {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// As the official model starts from scratch: BERT's initialisation (normal
// 0.02, zero biases) for the text side, the modules' own (PyTorch's) for the
// VideoFormer — its temporal adapters start as the identity but with a
// working temporal convolution; at BERT's 0.02 that convolution's signal is
// ~100x weaker and motion stayed at chance for 24k clips — and CLIP's scale
// for the visual positional and class embeddings: random, not zero, or the
// model learns colour but stalls on shape and motion (measured in Python).
void initialiseForTraining(Mplug2ModelImpl &network, uint64_t seed)
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    // The VideoFormer's module defaults again, drawn from the seed.
    for (const auto &module : network.visual_encoder->visual->modules(false)) {
        if (auto *linear = module->as<LinearImpl>())
            linear->reset_parameters();
        else if (auto *conv = module->as<torch::nn::Conv3dImpl>())
            conv->reset_parameters();
    }
    for (auto &item : network.visual_encoder->visual->named_parameters(true)) {
        const std::string &name = item.key();
        if (name.ends_with("in_proj_weight"))
            torch::nn::init::xavier_uniform_(item.value());
        else if (name.ends_with("in_proj_bias") || name.ends_with("out_proj.bias")
            || name.find("up_proj") != std::string::npos)
            item.value().zero_();
    }
    for (auto &item : network.named_parameters(true)) {
        const std::string &name = item.key();
        at::Tensor p = item.value();
        const bool isBias = name.ends_with("bias");
        if (name.starts_with("visual_encoder.visual."))
            continue;
        if (name.ends_with("latents")) {
            p.normal_(0.0, 1.0); // as the module draws them, but from the seed
            continue;
        }
        if (isBias)
            p.zero_();
        else if (p.dim() >= 2)
            p.normal_(0.0, 0.02);
    }
    auto &visual = *network.visual_encoder->visual;
    const double visualScale = 1.0 / std::sqrt(double(visual.class_embedding.size(0)));
    visual.positional_embedding.normal_(0.0, visualScale);
    visual.class_embedding.normal_(0.0, visualScale);
    visual.proj.normal_(0.0, visualScale);
    auto &clip = *network.visual_encoder;
    clip.positional_embedding.normal_(0.0, 0.01);
    clip.text_projection.normal_(0.0, 1.0 / std::sqrt(double(clip.text_projection.size(0))));
    clip.logit_scale.fill_(std::log(1.0 / 0.07));
}

struct RunningMeans {
    double loss = 0, caption = 0, qa = 0, itc = 0, attention = 0;
    int count = 0;
    void add(const LossValues &v, double total)
    {
        loss += total;
        caption += v.caption;
        qa += v.qa;
        itc += v.itc;
        attention += v.attention;
        ++count;
    }
};

Expected<DemoMetrics> evaluateRendered(
    Mplug2 &model, const DemoTextCodec &codec, const DemoTrainingOptions &o)
{
    const DemoArchitecture &a = o.architecture;
    synthetic::ModelInputRenderer renderer({int(a.frames), int(a.imageRes), 0.5, 0.2});
    DemoEvalOptions evalOptions;
    evalOptions.caption = GenerationParams::beam(3, 1, 12);
    DemoEvaluator evaluator(model, codec, evalOptions);
    const std::vector<synthetic::Scene> scenes = synthetic::evaluationScenes(o.evalSeed, o.evalItems);
    for (size_t i = 0; i < scenes.size(); ++i) {
        const synthetic::Scene &scene = scenes[i];
        synthetic::SceneRandom random(o.evalSeed, i);
        const int frames = renderer.framesFor(scene);
        auto pixels = torch::empty({1, 3, frames, a.imageRes, a.imageRes});
        renderer.render(scene, random, pixels.data_ptr<float>());
        const std::vector<int> indices
            = scene.isClip() ? synthetic::middleFrameIndices(frames, scene.frameCount) : std::vector<int> {0};
        if (auto ok = evaluator.add(scene, pixels, indices); !ok)
            return ok.error();
    }
    return evaluator.finish();
}

// Trains a step's batches on the replicas at once, each on a thread of its
// own (the caller's for the first), and leaves the sum of their gradients,
// each loss divided by the replica count, on the first replica.
std::vector<LossValues> replicatedStep(const std::vector<Mplug2ModelImpl *> &replicas,
    const std::vector<std::vector<at::Tensor>> &parameters, const std::vector<TrainingBatch> &batches,
    const LossWeights &weights, int threadsEach)
{
    const size_t n = replicas.size();
    std::vector<LossValues> losses(n);
    std::vector<std::exception_ptr> failures(n);
    auto run = [&](size_t r) {
        try {
            if (r > 0)
                at::set_num_threads(threadsEach); // the OpenMP thread count is per thread
            LossValues v = demoLosses(*replicas[r], batches[r], weights);
            (v.total / double(n)).backward();
            losses[r] = std::move(v);
        } catch (...) {
            failures[r] = std::current_exception();
        }
    };
    std::vector<std::thread> others;
    for (size_t r = 1; r < n; ++r)
        others.emplace_back(run, r);
    run(0);
    for (std::thread &t : others)
        t.join();
    for (const std::exception_ptr &f : failures)
        if (f)
            std::rethrow_exception(f);
    torch::NoGradGuard noGrad;
    for (size_t r = 1; r < n; ++r)
        for (size_t i = 0; i < parameters[0].size(); ++i) {
            const at::Tensor &from = parameters[r][i].grad();
            if (!from.defined())
                continue;
            at::Tensor &into = parameters[0][i].mutable_grad();
            if (into.defined())
                into.add_(from);
            else
                into = from.clone();
        }
    return losses;
}

// After the optimizer step: the other replicas take the first one's weights.
void syncReplicas(const std::vector<std::vector<at::Tensor>> &parameters)
{
    torch::NoGradGuard noGrad;
    for (size_t r = 1; r < parameters.size(); ++r)
        for (size_t i = 0; i < parameters[0].size(); ++i) {
            parameters[r][i].copy_(parameters[0][i]);
            parameters[r][i].mutable_grad() = at::Tensor();
        }
}

std::vector<at::Tensor> parameterList(const Mplug2ModelImpl &network)
{
    std::vector<at::Tensor> list;
    for (auto &[name, tensor] : namedUniqueParameters(network))
        list.push_back(tensor);
    return list;
}

void appendLine(const fs::path &file, const std::string &header, const std::string &line)
{
    const bool fresh = !fs::exists(file);
    std::ofstream out(file, std::ios::app);
    if (fresh)
        out << header << '\n';
    out << line << '\n';
}

std::string fixed(double v, int digits = 4)
{
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(digits);
    s << v;
    return s.str();
}

} // namespace

json::Json DemoTrainingOptions::recipeJson() const
{
    const DemoArchitecture &a = architecture;
    json::Json arch = json::Json::object();
    for (const auto &[key, value] :
        std::initializer_list<std::pair<const char *, int64_t>> {{"image_res", a.imageRes},
            {"patch_size", a.patchSize}, {"frames", a.frames}, {"vision_width", a.visionWidth},
            {"vision_layers", a.visionLayers}, {"vision_heads", a.visionHeads}, {"hidden", a.hidden},
            {"heads", a.heads}, {"text_layers", a.textLayers}, {"fusion_layers", a.fusionLayers},
            {"decoder_layers", a.decoderLayers}, {"latents", a.latents}, {"clip_width", a.clipWidth},
            {"clip_layers", a.clipLayers}, {"clip_heads", a.clipHeads}, {"clip_context", a.clipContext},
            {"embed_dim", a.embedDim}, {"max_positions", a.maxPositions}})
        arch[key] = json::Json(value);
    json::Json r = json::Json::object();
    r["seed"] = json::Json(int64_t(seed));
    r["architecture"] = std::move(arch);
    r["steps"] = json::Json(steps);
    r["batch_size"] = json::Json(batchSize);
    r["replicas"] = json::Json(int64_t(replicas));
    r["learning_rate"] = json::Json(learningRate);
    r["final_learning_rate"] = json::Json(finalLearningRate);
    r["warmup_steps"] = json::Json(warmupSteps);
    r["weight_decay"] = json::Json(weightDecay);
    r["clip_norm"] = json::Json(clipNorm);
    r["picture_batches"] = json::Json(pictureBatches);
    r["two_shapes"] = json::Json(twoShapes);
    json::Json w = json::Json::object();
    w["caption"] = json::Json(losses.caption);
    w["qa"] = json::Json(losses.qa);
    w["itc"] = json::Json(losses.itc);
    w["attention"] = json::Json(losses.attention);
    r["loss_weights"] = std::move(w);
    return r;
}

double scheduledLearningRate(const DemoTrainingOptions &o, int64_t step)
{
    if (step <= o.warmupSteps)
        return o.learningRate * double(step) / double(std::max<int64_t>(1, o.warmupSteps));
    const double progress
        = double(step - o.warmupSteps) / double(std::max<int64_t>(1, o.steps - o.warmupSteps));
    const double cosine = 0.5 * (1 + std::cos(M_PI * std::min(1.0, progress)));
    return o.learningRate * (o.finalLearningRate + (1 - o.finalLearningRate) * cosine);
}

Expected<DemoTrainingResult> trainDemoModel(const DemoTrainingOptions &o)
{
    try {
        if (o.outDir.empty())
            return makeError(ErrorCode::InvalidArgument, "no output folder for the demo model");
        const fs::path out(o.outDir), work = out / "training";
        std::error_code ec;
        fs::create_directories(work, ec);
        if (ec)
            return makeError(ErrorCode::Io, "cannot create " + work.string() + ": " + ec.message());
        if (o.replicas < 1 || o.batchSize < 2)
            return makeError(
                ErrorCode::InvalidArgument, "the demo trainer needs at least one replica and batches of two");
        const int threads
            = o.threads > 0 ? o.threads : std::max(1, runtimeInfo().usableCpus / std::max(1, o.replicas));
        at::set_num_threads(threads);

        const fs::path vocabularyFile = out / "demo.model";
        if (!fs::exists(vocabularyFile)) {
            Expected<std::string> trained = trainDemoVocabulary(out.string());
            if (!trained)
                return trained.error();
        }
        auto tokenizer = text::SentencePieceTokenizer::load(vocabularyFile);
        if (!tokenizer)
            return tokenizer.error();
        if (auto ok = checkDemoVocabulary(**tokenizer); !ok)
            return ok.error();
        const DemoTextCodec codec(**tokenizer);

        auto model = Mplug2::create(o.architecture.config());
        if (!model)
            return model.error();
        Mplug2ModelImpl &network = (*model)->network();
        initialiseForTraining(network, o.seed);
        network.train();
        AdamW optimizer(namedUniqueParameters(network), {.weightDecay = o.weightDecay});
        Expected<TrainingState> resumed = resumeTraining(work, o.recipeJson(), network, optimizer);
        if (!resumed)
            return resumed.error();
        // The other replicas: same shape, the first one's weights (synced after every step).
        std::vector<std::unique_ptr<Mplug2>> copies;
        std::vector<Mplug2ModelImpl *> replicas {&network};
        std::vector<std::vector<at::Tensor>> parameters {parameterList(network)};
        for (int r = 1; r < o.replicas; ++r) {
            auto copy = Mplug2::create(o.architecture.config());
            if (!copy)
                return copy.error();
            copies.push_back(std::move(*copy));
            Mplug2ModelImpl &replica = copies.back()->network();
            replica.train();
            replicas.push_back(&replica);
            parameters.push_back(parameterList(replica));
        }
        syncReplicas(parameters);

        BatchOptions batchOptions;
        batchOptions.batchSize = o.batchSize;
        batchOptions.seed = o.seed;
        batchOptions.input = {int(o.architecture.frames), int(o.architecture.imageRes), 0.5, 0.2};
        batchOptions.patchSize = int(o.architecture.patchSize);
        batchOptions.pictureBatches = o.pictureBatches;
        batchOptions.twoShapes = o.twoShapes;
        batchOptions.clipContext = int(o.architecture.clipContext);
        const BatchMaker maker(codec, batchOptions);

        DemoTrainingResult result;
        result.weights = (out / "demo.safetensors").string();
        result.vocabulary = vocabularyFile.string();
        const auto started = Clock::now();
        auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };
        int64_t step = resumed->step;
        RunningMeans means;
        double windowStart = 0;
        int64_t windowSamples = 0;
        bool stopped = false;
        {
            // Step s trains on batches (s-1)*replicas+1 .. s*replicas: with one
            // replica, batch s as before.
            const int64_t perStep = o.replicas;
            BatchPrefetcher prefetch(maker, step * perStep + 1, o.steps * perStep, 2 * o.replicas);
            while (step < o.steps) {
                if ((o.shouldStop && o.shouldStop()) || (o.maxMinutes > 0 && elapsed() > o.maxMinutes * 60)) {
                    stopped = true;
                    break;
                }
                std::vector<TrainingBatch> batches;
                for (int r = 0; r < o.replicas; ++r)
                    batches.push_back(prefetch.next());
                ++step;
                const double lr = scheduledLearningRate(o, step);
                const std::vector<LossValues> losses
                    = replicatedStep(replicas, parameters, batches, o.losses, threads);
                optimizer.clipGradients(o.clipNorm);
                optimizer.step(lr);
                optimizer.zeroGrad();
                syncReplicas(parameters);
                for (const LossValues &loss : losses) {
                    means.add(loss, loss.total.item<double>());
                    windowSamples += o.batchSize;
                }

                const bool log = step % o.logEvery == 0 || step == o.steps;
                const bool evaluate = o.evalEvery > 0 && (step % o.evalEvery == 0 || step == o.steps);
                if (!log && !evaluate && step % o.checkpointEvery != 0)
                    continue;
                TrainingProgress p;
                p.step = step;
                p.steps = o.steps;
                p.elapsedSeconds = resumed->seconds + elapsed();
                p.learningRate = lr;
                if (log && means.count > 0) {
                    p.samplesPerSecond = double(windowSamples) / std::max(1e-9, elapsed() - windowStart);
                    p.loss = means.loss / means.count;
                    p.caption = means.caption / means.count;
                    p.qa = means.qa / means.count;
                    p.itc = means.itc / means.count;
                    p.attention = means.attention / means.count;
                    appendLine(work / "learning-curve.csv",
                        "step,seconds,samples_per_second,learning_rate,loss,caption,qa,itc,attention",
                        std::to_string(step) + ',' + fixed(p.elapsedSeconds, 1) + ','
                            + fixed(p.samplesPerSecond, 2) + ',' + fixed(lr, 6) + ',' + fixed(p.loss) + ','
                            + fixed(p.caption) + ',' + fixed(p.qa) + ',' + fixed(p.itc) + ','
                            + fixed(p.attention));
                    means = {};
                    windowStart = elapsed();
                    windowSamples = 0;
                }
                if (evaluate) {
                    const double before = elapsed();
                    Expected<DemoMetrics> m = evaluateRendered(**model, codec, o);
                    if (!m)
                        return m.error();
                    p.heldOut = *m;
                    result.heldOut = *m;
                    appendLine(work / "heldout.csv",
                        "step,seconds,caption_one_shape,caption_two_shapes,qa,retrieval_r1,attention",
                        std::to_string(step) + ',' + fixed(p.elapsedSeconds, 1) + ','
                            + fixed(m->oneShape.percent(), 1) + ',' + fixed(m->twoShape.percent(), 1) + ','
                            + fixed(m->qa.percent(), 1) + ',' + fixed(m->retrieval.percent(), 1) + ','
                            + fixed(m->attention.percent(), 1));
                    // Evaluation time does not count towards the training rate.
                    windowStart += elapsed() - before;
                }
                if (step % o.checkpointEvery == 0 || step == o.steps)
                    if (auto ok = saveTrainingCheckpoint(
                            work, network, optimizer, {step, resumed->seconds + elapsed()}, o.recipeJson());
                        !ok)
                        return ok.error();
                if (o.progress)
                    o.progress(p);
            }
        }
        if (stopped && step > resumed->step)
            if (auto ok = saveTrainingCheckpoint(
                    work, network, optimizer, {step, resumed->seconds + elapsed()}, o.recipeJson());
                !ok)
                return ok.error();
        result.steps = step;
        result.finished = step >= o.steps;
        result.seconds = resumed->seconds + elapsed();
        if (auto ok = saveModelWeights(result.weights, network, o.recipeJson()); !ok)
            return ok.error();
        return result;
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "training the demo model failed: " + exceptionText(e));
    }
}

} // namespace mplug2::model::train
