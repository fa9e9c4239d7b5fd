// The demo trainer's pieces: its vocabulary, losses, optimizer and schedule,
// that a micro model learns on its batches, and that a run stopped and
// resumed ends with the very weights of an uninterrupted one. (The shipped
// model's quality is tested on its weights in tests/app; nothing here trains
// more than a few steps.)
#include "model/checkpoint/statedict.h"
#include "model/synthetic/scenetext.h"
#include "model/text/sentencepiecetokenizer.h"
#include "model/train/adamw.h"
#include "model/train/demolosses.h"
#include "model/train/demotrainer.h"
#include "model/train/demovocabulary.h"
#include "model/train/trainingbatch.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <torch/optim/adamw.h>
#include <torch/types.h>
#include <torch/utils.h>

using namespace mplug2::model;
using namespace mplug2::model::train;

namespace {

DemoArchitecture microArchitecture()
{
    DemoArchitecture a;
    a.imageRes = 32;
    a.patchSize = 16;
    a.frames = 2;
    a.visionWidth = a.hidden = 32;
    a.visionLayers = 1;
    a.visionHeads = a.heads = a.clipHeads = 2;
    a.textLayers = 2;
    a.fusionLayers = a.decoderLayers = 1;
    a.latents = 4;
    a.clipWidth = 32;
    a.clipLayers = 1;
    a.embedDim = 16;
    return a;
}

} // namespace

class DemoTrainingTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<text::SentencePieceTokenizer> m_tokenizer;

    void needVocabulary()
    {
        if (!m_tokenizer)
            QSKIP("no SentencePiece plug-in in this build");
    }

private Q_SLOTS:
    void initTestCase()
    {
        torch::manual_seed(0);
#ifdef MPLUG2_HAS_SENTENCEPIECE
        QVERIFY(m_dir.isValid());
        const auto file = trainDemoVocabulary(m_dir.path().toStdString());
        QVERIFY2(file.hasValue(), file ? "" : file.error().message.c_str());
        auto tokenizer = text::SentencePieceTokenizer::load(*file);
        QVERIFY2(tokenizer.hasValue(), tokenizer ? "" : tokenizer.error().message.c_str());
        m_tokenizer = std::move(*tokenizer);
#endif
    }

    void vocabularyHasTheDemoLayout()
    {
        needVocabulary();
        QVERIFY(checkDemoVocabulary(*m_tokenizer).hasValue());
        const DemoTextCodec codec(*m_tokenizer);
        for (const std::string &s : synthetic::worldSentences()) {
            const auto &ids = codec.withEnd(s);
            QCOMPARE(ids.front(), int64_t(101));
            QCOMPARE(ids.back(), int64_t(102));
            // [SEP] is the largest id: where the CLIP text tower reads its embedding.
            QCOMPARE(*std::max_element(ids.begin(), ids.end()), int64_t(102));
            QVERIFY(std::find(ids.begin(), ids.end(), int64_t(kDemoUnknownId)) == ids.end());
            QCOMPARE(m_tokenizer->decode(ids, {.skipSpecialTokens = true}), s);
            QVERIFY(ids.size() <= 16);
        }
        // "[SEP]" written as text (the official way to end answers) is the end token; case is folded.
        const auto red = m_tokenizer->encode("red");
        auto withEnd = red;
        withEnd.push_back(102);
        QCOMPARE(m_tokenizer->encode("red[SEP]"), withEnd);
        QCOMPARE(m_tokenizer->encode("Red"), red);
        QCOMPARE(
            codec.question("What color is the circle?"), m_tokenizer->encode("what color is the circle"));
    }

    void losses()
    {
        // Two items, each matching only itself, scale 10: log(1 + e^-10) both ways.
        const auto eye = torch::eye(2);
        const auto itc = contrastiveLoss(eye, eye, torch::tensor(std::log(10.0)), eye);
        QVERIFY(std::abs(itc.item<double>() - std::log1p(std::exp(-10.0))) < 1e-6);
        // Same captions are positives for each other: no penalty for ranking them equal.
        const auto same = torch::ones({2, 2});
        const auto tied = contrastiveLoss(torch::ones({2, 2}), torch::ones({2, 2}), torch::tensor(0.0), same);
        QVERIFY(std::abs(tied.item<double>() - std::log(2.0)) < 1e-6);
        // Uniform logits: log(V) per real target token; padding is ignored.
        const auto logits = torch::zeros({1, 4, 7});
        const auto ids = torch::tensor({101, 5, 6, 0}).view({1, 4});
        const auto mask = torch::tensor({1, 1, 1, 0}).view({1, 4});
        QVERIFY(std::abs(nextTokenLoss(logits, ids, mask).item<double>() - std::log(7.0)) < 1e-6);
    }

    void adamwAndSchedule()
    {
        auto w = torch::ones({2, 2}).requires_grad_(true);
        auto b = torch::ones({2}).requires_grad_(true);
        AdamW adam({{"w", w}, {"b", b}}, {.weightDecay = 0.5});
        (w.sum() * 3 - b.sum()).backward();
        adam.step(0.1);
        // First step: -lr * sign(grad); decay (1 - lr * wd) only on the matrix.
        QVERIFY(torch::allclose(w, torch::full({2, 2}, 0.95 - 0.1), 1e-5, 1e-6));
        QVERIFY(torch::allclose(b, torch::full({2}, 1.1), 1e-5, 1e-6));
        const StateDict state = adam.state();
        QCOMPARE(state.at("step").item<int64_t>(), int64_t(1));
        AdamW other({{"w", w}, {"b", b}}, {});
        QVERIFY(other.setState(state).hasValue());
        QCOMPARE(other.steps(), int64_t(1));
        QVERIFY(!AdamW({{"v", torch::ones({3})}}, {}).setState(state).hasValue());

        DemoTrainingOptions o;
        o.steps = 1000;
        o.warmupSteps = 100;
        o.learningRate = 1e-3;
        o.finalLearningRate = 0.1;
        QCOMPARE(scheduledLearningRate(o, 50), 5e-4);
        QCOMPARE(scheduledLearningRate(o, 100), 1e-3);
        QVERIFY(std::abs(scheduledLearningRate(o, 1000) - 1e-4) < 1e-12);
        QVERIFY(scheduledLearningRate(o, 500) < 1e-3 && scheduledLearningRate(o, 500) > 1e-4);
    }

    // torch::optim::AdamW gives the steps of the written-out update (decoupled decay on
    // matrices only, bias correction per parameter's own step count), and its state,
    // saved and restored mid-run, gives the very next step.
    void adamwFollowsTheReferenceUpdateAndResumesExactly()
    {
        torch::manual_seed(3);
        const at::Tensor w0 = torch::randn({3, 4}, at::kDouble), b0 = torch::randn({4}, at::kDouble);
        auto w = w0.clone().requires_grad_(true);
        auto b = b0.clone().requires_grad_(true);
        const AdamWOptions options {.beta1 = 0.9, .beta2 = 0.98, .epsilon = 1e-8, .weightDecay = 0.05};
        AdamW adam({{"w", w}, {"b", b}}, options);

        struct Reference {
            at::Tensor p, m, v;
            int64_t t = 0;
            bool decay;
            void step(const at::Tensor &g, double lr, const AdamWOptions &o)
            {
                ++t;
                if (decay)
                    p = p * (1 - lr * o.weightDecay);
                m = o.beta1 * m + (1 - o.beta1) * g;
                v = o.beta2 * v + (1 - o.beta2) * g * g;
                const double c1 = 1 - std::pow(o.beta1, double(t)), c2 = 1 - std::pow(o.beta2, double(t));
                p = p - (lr / c1) * m / (v.sqrt() / std::sqrt(c2) + o.epsilon);
            }
        };
        Reference rw {w0.clone(), torch::zeros_like(w0), torch::zeros_like(w0), 0, true};
        Reference rb {b0.clone(), torch::zeros_like(b0), torch::zeros_like(b0), 0, false};

        StateDict saved;
        at::Tensor wAtSave, bAtSave, gw3, gb3;
        for (int step = 1; step <= 3; ++step) {
            const double lr = 0.01 * step;
            // Step 1 leaves b without a gradient: its own step count lags behind.
            const at::Tensor loss = step == 1 ? (w * w).sum() : (w * w).sum() + (b * w.sum(0)).sum() * 0.5;
            loss.backward();
            const at::Tensor gw = w.grad().clone();
            const at::Tensor gb = b.grad().defined() ? b.grad().clone() : at::Tensor();
            if (step == 3) {
                gw3 = gw;
                gb3 = gb;
            }
            rw.step(gw, lr, options);
            if (gb.defined())
                rb.step(gb, lr, options);
            adam.step(lr);
            adam.zeroGrad();
            QVERIFY2(
                torch::allclose(w, rw.p, 1e-12, 1e-14), qPrintable(QStringLiteral("w at step %1").arg(step)));
            QVERIFY2(
                torch::allclose(b, rb.p, 1e-12, 1e-14), qPrintable(QStringLiteral("b at step %1").arg(step)));
            if (step == 2) {
                saved = adam.state();
                wAtSave = w.detach().clone();
                bAtSave = b.detach().clone();
            }
        }
        QCOMPARE(saved.at("step").item<int64_t>(), int64_t(2));
        QCOMPARE(saved.at("step.b").item<int64_t>(), int64_t(1));

        // A new optimizer from the saved state takes the same third step, bit for bit.
        auto w2 = wAtSave.clone().requires_grad_(true);
        auto b2 = bAtSave.clone().requires_grad_(true);
        AdamW resumed({{"w", w2}, {"b", b2}}, options);
        QVERIFY(resumed.setState(saved).hasValue());
        QCOMPARE(resumed.steps(), int64_t(2));
        w2.mutable_grad() = gw3.clone();
        b2.mutable_grad() = gb3.clone();
        resumed.step(0.03);
        QVERIFY(torch::equal(w2, w));
        QVERIFY(torch::equal(b2, b));
    }

    void batchesAreDeterministic()
    {
        needVocabulary();
        const DemoTextCodec codec(*m_tokenizer);
        BatchOptions options;
        options.batchSize = 6;
        options.input = {2, 32, 0.5, 0.2};
        options.patchSize = 16;
        const BatchMaker maker(codec, options);
        const TrainingBatch a = maker.make(3), b = maker.make(3), c = maker.make(4);
        QVERIFY(torch::equal(a.pixels, b.pixels));
        QVERIFY(torch::equal(a.captionIds, b.captionIds));
        QVERIFY(!torch::equal(a.captionIds, c.captionIds) || !torch::equal(a.pixels, c.pixels));
        QCOMPARE(a.pixels.size(0), int64_t(6));
        QCOMPARE(a.sameCaption.diagonal().sum().item<float>(), 6.0f);
        // Every item's shape words get an attention target on some patch.
        QVERIFY(a.attentionItem.size(0) >= 6);
        QVERIFY((a.attentionMask.sum(1) > 0).all().item<bool>());
        QCOMPARE(a.attentionMask.select(1, 0).sum().item<float>(), 0.0f);
    }

    void microModelLearns()
    {
        needVocabulary();
        const DemoTextCodec codec(*m_tokenizer);
        BatchOptions options;
        options.batchSize = 8;
        options.input = {2, 32, 0.5, 0.2};
        options.patchSize = 16;
        const TrainingBatch batch = BatchMaker(codec, options).make(0);
        torch::manual_seed(1);
        Mplug2Model network(microArchitecture().config());
        AdamW adam(namedUniqueParameters(*network), {});
        const LossWeights weights;
        const double first = demoLosses(*network, batch, weights).total.item<double>();
        double last = first;
        for (int step = 0; step < 25; ++step) {
            const LossValues loss = demoLosses(*network, batch, weights);
            loss.total.backward();
            adam.clipGradients(1.0);
            adam.step(3e-3);
            adam.zeroGrad();
            last = loss.total.item<double>();
        }
        QVERIFY2(last < 0.6 * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
    }

    void resumedRunEqualsUninterrupted_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::newRow("one model") << 1;
        QTest::newRow("two replicas") << 2;
    }

    void resumedRunEqualsUninterrupted()
    {
        QFETCH(int, replicas);
        needVocabulary();
        DemoTrainingOptions o;
        o.replicas = replicas;
        o.architecture = microArchitecture();
        o.steps = 4;
        o.batchSize = 4;
        o.warmupSteps = 2;
        o.logEvery = 1;
        o.checkpointEvery = 2;
        o.evalEvery = 0;
        o.threads = 1;
        QTemporaryDir straight, interrupted;
        o.outDir = straight.path().toStdString();
        const auto whole = trainDemoModel(o);
        QVERIFY2(whole.hasValue(), whole ? "" : whole.error().message.c_str());
        QVERIFY(whole->finished);

        o.outDir = interrupted.path().toStdString();
        int64_t seen = 0;
        o.progress = [&](const TrainingProgress &p) { seen = p.step; };
        o.shouldStop = [&] { return seen >= 2; };
        const auto half = trainDemoModel(o);
        QVERIFY2(half.hasValue(), half ? "" : half.error().message.c_str());
        QVERIFY(!half->finished);
        QCOMPARE(half->steps, int64_t(2));
        o.shouldStop = {};
        const auto rest = trainDemoModel(o);
        QVERIFY2(rest.hasValue(), rest ? "" : rest.error().message.c_str());
        QVERIFY(rest->finished);

        const auto a = loadStateDict(whole->weights), b = loadStateDict(rest->weights);
        QVERIFY(a.hasValue() && b.hasValue());
        QCOMPARE(a->size(), b->size());
        // Equal up to float rounding, on average: two uninterrupted runs already differ
        // (vectorised reductions round by memory alignment), and AdamW turns a rounding
        // difference in a near-zero gradient into a full step for a few weights. A resume
        // that lost the optimizer state or the schedule moves every weight by ~1e-4..1e-3.
        double difference = 0;
        int64_t values = 0;
        for (const auto &[name, tensor] : *a) {
            difference += (tensor.to(at::kDouble) - b->at(name).to(at::kDouble)).abs().sum().item<double>();
            values += tensor.numel();
        }
        QVERIFY2(
            difference / double(values) < 1e-5, qPrintable(QString::number(difference / double(values))));

        // Another recipe in the same folder is refused rather than mixed in.
        o.learningRate *= 2;
        QVERIFY(!trainDemoModel(o).hasValue());
    }
};

QTEST_GUILESS_MAIN(DemoTrainingTest)
#include "demotrainingtest.moc"
