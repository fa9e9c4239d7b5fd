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

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

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
        if (auto *linear = module->as<torch::nn::LinearImpl>())
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

Expected<DemoMetrics> evaluateRendered(Mplug2 &model, const DemoTextCodec &codec, const DemoTrainingOptions &o)
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
        const std::vector<int> indices = scene.isClip() ? synthetic::middleFrameIndices(frames, scene.frameCount)
                                                        : std::vector<int>{0};
        if (auto ok = evaluator.add(scene, pixels, indices); !ok)
            return ok.error();
    }
    return evaluator.finish();
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

JsonValue DemoTrainingOptions::recipeJson() const
{
    const DemoArchitecture &a = architecture;
    JsonValue arch = JsonValue::object();
    for (const auto &[key, value] : std::initializer_list<std::pair<const char *, int64_t>>{
             {"image_res", a.imageRes}, {"patch_size", a.patchSize}, {"frames", a.frames},
             {"vision_width", a.visionWidth}, {"vision_layers", a.visionLayers}, {"vision_heads", a.visionHeads},
             {"hidden", a.hidden}, {"heads", a.heads}, {"text_layers", a.textLayers},
             {"fusion_layers", a.fusionLayers}, {"decoder_layers", a.decoderLayers}, {"latents", a.latents},
             {"clip_width", a.clipWidth}, {"clip_layers", a.clipLayers}, {"clip_heads", a.clipHeads},
             {"clip_context", a.clipContext}, {"embed_dim", a.embedDim}, {"max_positions", a.maxPositions}})
        arch.set(key, JsonValue(value));
    JsonValue r = JsonValue::object();
    r.set("seed", JsonValue(int64_t(seed)));
    r.set("architecture", std::move(arch));
    r.set("steps", JsonValue(steps));
    r.set("batch_size", JsonValue(batchSize));
    r.set("learning_rate", JsonValue(learningRate));
    r.set("final_learning_rate", JsonValue(finalLearningRate));
    r.set("warmup_steps", JsonValue(warmupSteps));
    r.set("weight_decay", JsonValue(weightDecay));
    r.set("clip_norm", JsonValue(clipNorm));
    r.set("picture_batches", JsonValue(pictureBatches));
    r.set("two_shapes", JsonValue(twoShapes));
    JsonValue w = JsonValue::object();
    w.set("caption", JsonValue(losses.caption));
    w.set("qa", JsonValue(losses.qa));
    w.set("itc", JsonValue(losses.itc));
    w.set("attention", JsonValue(losses.attention));
    r.set("loss_weights", std::move(w));
    return r;
}

double scheduledLearningRate(const DemoTrainingOptions &o, int64_t step)
{
    if (step <= o.warmupSteps)
        return o.learningRate * double(step) / double(std::max<int64_t>(1, o.warmupSteps));
    const double progress = double(step - o.warmupSteps) / double(std::max<int64_t>(1, o.steps - o.warmupSteps));
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
        const int threads = o.threads > 0 ? o.threads : std::max(1, runtimeInfo().usableCpus);
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
            BatchPrefetcher prefetch(maker, step + 1, o.steps);
            while (step < o.steps) {
                if ((o.shouldStop && o.shouldStop()) || (o.maxMinutes > 0 && elapsed() > o.maxMinutes * 60)) {
                    stopped = true;
                    break;
                }
                const TrainingBatch batch = prefetch.next();
                ++step;
                const double lr = scheduledLearningRate(o, step);
                const LossValues loss = demoLosses(network, batch, o.losses);
                loss.total.backward();
                optimizer.clipGradients(o.clipNorm);
                optimizer.step(lr);
                optimizer.zeroGrad();
                means.add(loss, loss.total.item<double>());
                windowSamples += batch.pixels.size(0);

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
                    if (auto ok = saveTrainingCheckpoint(work, network, optimizer,
                                                         {step, resumed->seconds + elapsed()}, o.recipeJson());
                        !ok)
                        return ok.error();
                if (o.progress)
                    o.progress(p);
            }
        }
        if (stopped && step > resumed->step)
            if (auto ok = saveTrainingCheckpoint(work, network, optimizer, {step, resumed->seconds + elapsed()},
                                                 o.recipeJson());
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
