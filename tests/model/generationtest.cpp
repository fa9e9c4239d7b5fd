// Generation on a random tiny model: the cached decoder gives the same
// hypotheses as the official recompute-everything way, step logits equal the
// teacher-forced ones, sampling is seeded, filters keep what they should, and
// the network trains (gradients reach every stage).
#include "model/generation/beamsearch.h"
#include "model/generation/sampling.h"
#include "model/modules/attentionkernel.h"
#include "model/modules/mplug2model.h"
#include "model/modules/rowlinear.h"
#include "model/runtime/computetarget.h"

#include <QTest>

#include <torch/optim/sgd.h>
#include <torch/types.h>
#include <torch/utils.h>

using namespace mplug2::model;

class GenerationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cacheMatchesOfficialRecompute();
    void stepLogitsMatchTeacherForcing();
    void topKOneSamplingIsGreedy();
    void samplingIsSeeded();
    void prefixAndNBest();
    void filtersKeepTheHead();
    void gradientsReachEveryStage();
    void rowLinearEqualsLinear();
    void rowLinearBf16EqualsDouble();
    void rowAttentionEqualsExplicit();
    void rowAttentionBf16EqualsDouble();

private:
    Mplug2Model m_model {nullptr};
    at::Tensor m_states;
    at::Tensor m_mask;
};

void GenerationTest::initTestCase()
{
    torch::manual_seed(7);
    m_model = Mplug2Model(tinyConfig());
    m_model->eval();
    // A strong end-of-text bias so that beams finish at different steps, as trained models do.
    {
        torch::NoGradGuard noGrad;
        m_model->text_decoder->predictions->bias[kEndTokenId] += 4.0;
    }
    c10::InferenceMode inference;
    const auto pixels = torch::randn({2, 3, 3, 56, 56});
    m_states = m_model->universalEmbeds(m_model->projectVisual(m_model->visualTokens(pixels)));
    m_mask = torch::ones({2, m_states.size(1)}, at::kLong);
}

void GenerationTest::cacheMatchesOfficialRecompute()
{
    c10::InferenceMode inference;
    GenerationParams params = GenerationParams::beam(4, 2, 9, 4);
    const auto cached = beamSearch(*m_model->text_decoder, m_states, m_mask, params);
    params.useCache = false;
    const auto official = beamSearch(*m_model->text_decoder, m_states, m_mask, params);
    QCOMPARE(cached.items.size(), size_t(2));
    QCOMPARE(cached.steps, official.steps);
    for (size_t b = 0; b < 2; ++b) {
        QCOMPARE(cached.items[b].size(), official.items[b].size());
        QVERIFY(!cached.items[b].empty());
        for (size_t i = 0; i < cached.items[b].size(); ++i) {
            QCOMPARE(cached.items[b][i].ids, official.items[b][i].ids);
            QVERIFY(std::abs(cached.items[b][i].score - official.items[b][i].score) < 1e-5);
            QCOMPARE(cached.items[b][i].ids.front(), kStartTokenId);
        }
        for (size_t i = 1; i < cached.items[b].size(); ++i)
            QVERIFY(cached.items[b][i - 1].score >= cached.items[b][i].score);
    }
}

void GenerationTest::stepLogitsMatchTeacherForcing()
{
    c10::InferenceMode inference;
    auto &decoder = *m_model->text_decoder;
    const auto ids
        = torch::tensor({101, 1037, 2678, 1997, 2111, 5613}, at::kLong).unsqueeze(0).repeat({2, 1});
    const auto full = decoder.forward(ids, torch::ones_like(ids), m_states, m_mask);
    // Two rows per item share one copy of the item's cross-attention keys/values.
    auto cache = decoder.bert->startDecoding(m_states, m_mask, 4, ids.size(1));
    const auto rows = ids.repeat_interleave(2, 0);
    // A two-token prefix first, then one token at a time.
    auto hidden = decoder.bert->decodeStep(rows.narrow(1, 0, 2), cache);
    QVERIFY(
        at::allclose(decoder.predictions(hidden), full.repeat_interleave(2, 0).narrow(1, 0, 2), 1e-4, 1e-4));
    for (int64_t t = 2; t < ids.size(1); ++t) {
        hidden = decoder.bert->decodeStep(rows.narrow(1, t, 1), cache);
        const auto step = decoder.predictions(hidden).select(1, 0);
        QVERIFY2(at::allclose(step, full.select(1, t).repeat_interleave(2, 0), 1e-4, 1e-4),
            std::to_string(t).c_str());
    }
    QCOMPARE(cache.length(), ids.size(1));
}

void GenerationTest::topKOneSamplingIsGreedy()
{
    c10::InferenceMode inference;
    const auto greedy = beamSearch(*m_model->text_decoder, m_states, m_mask, GenerationParams::beam(1, 3, 8));
    GenerationParams sampling = GenerationParams::sampling(0.7, 1, 1.0, 123);
    sampling.minLength = 3;
    sampling.maxLength = 8;
    const auto sampled = sampleSequences(*m_model->text_decoder, m_states, m_mask, sampling);
    for (size_t b = 0; b < 2; ++b) {
        QCOMPARE(sampled.items[b].front().ids, greedy.items[b].front().ids);
        QVERIFY(std::abs(sampled.items[b].front().score - greedy.items[b].front().score) < 1e-4);
    }
}

void GenerationTest::samplingIsSeeded()
{
    c10::InferenceMode inference;
    GenerationParams p = GenerationParams::sampling(1.5, 0, 1.0, 42);
    p.maxLength = 10;
    p.nBest = 3;
    const auto a = sampleSequences(*m_model->text_decoder, m_states, m_mask, p);
    const auto b = sampleSequences(*m_model->text_decoder, m_states, m_mask, p);
    p.seed = 43;
    const auto c = sampleSequences(*m_model->text_decoder, m_states, m_mask, p);
    QCOMPARE(a.items[0].size(), size_t(3));
    bool anyDifferent = false;
    for (size_t i = 0; i < 2; ++i)
        for (size_t j = 0; j < 3; ++j) {
            QCOMPARE(a.items[i][j].ids, b.items[i][j].ids);
            anyDifferent |= a.items[i][j].ids != c.items[i][j].ids;
        }
    QVERIFY(anyDifferent);
}

void GenerationTest::prefixAndNBest()
{
    c10::InferenceMode inference;
    GenerationParams p = GenerationParams::beam(3, 1, 6, 2);
    p.prefix = {1037, 2678, 1997};
    const auto r = beamSearch(*m_model->text_decoder, m_states, m_mask, p);
    for (const auto &item : r.items) {
        QCOMPARE(item.size(), size_t(2));
        for (const auto &h : item) {
            QVERIFY(h.ids.size() >= 5 && h.ids.size() <= 10);
            QCOMPARE(std::vector<int64_t>(h.ids.begin(), h.ids.begin() + 4),
                (std::vector<int64_t> {101, 1037, 2678, 1997}));
        }
    }
    p.useCache = false;
    const auto official = beamSearch(*m_model->text_decoder, m_states, m_mask, p);
    QCOMPARE(official.items[1][0].ids, r.items[1][0].ids);
}

void GenerationTest::filtersKeepTheHead()
{
    auto scores = torch::tensor({{1.0f, 4.0f, 3.0f, 2.0f}});
    filterTopKTopP(scores, 2, 1.0);
    QVERIFY(std::isinf(scores[0][0].item<float>()) && std::isinf(scores[0][3].item<float>()));
    QCOMPARE(scores[0][1].item<float>(), 4.0f);
    QCOMPARE(scores[0][2].item<float>(), 3.0f);
    // Probabilities of {10, 9, 0, -10}: ~0.73, 0.27, ...: p = 0.5 keeps the first (it crosses 0.5).
    auto nucleus = torch::tensor({{0.0f, 10.0f, 9.0f, -10.0f}});
    filterTopKTopP(nucleus, 0, 0.5);
    QCOMPARE(nucleus[0][1].item<float>(), 10.0f);
    QVERIFY(std::isinf(nucleus[0][2].item<float>()));
    auto wide = torch::tensor({{0.0f, 10.0f, 9.0f, -10.0f}});
    filterTopKTopP(wide, 0, 0.9);
    QCOMPARE(wide[0][2].item<float>(), 9.0f);
    QVERIFY(std::isinf(wide[0][3].item<float>()));
}

void GenerationTest::gradientsReachEveryStage()
{
    Mplug2Model model(tinyConfig());
    model->train();
    const auto pixels = torch::randn({1, 3, 2, 56, 56});
    const auto embeds = model->universalEmbeds(model->projectVisual(model->visualTokens(pixels)));
    const auto ids = torch::tensor({101, 1037, 2678, 102}, at::kLong).unsqueeze(0);
    const auto states = embeds;
    const auto loss = model->text_decoder
                          ->sequenceLoss(ids, torch::ones_like(ids), states,
                              torch::ones({1, states.size(1)}, at::kLong), ids)
                          .sum();
    loss.backward();
    const auto nonZero
        = [](const at::Tensor &t) { return t.grad().defined() && t.grad().abs().sum().item<double>() > 0; };
    QVERIFY(nonZero(model->visual_encoder->visual->conv1->weight));
    QVERIFY(nonZero(model->text_encoder->layerAt(model->text_encoder->layerCount() - 2)->latents));
    QVERIFY(nonZero(model->text_decoder->bert->embeddings->word_embeddings->weight));
    QVERIFY(nonZero(model->visn_fc->weight));
    const auto unique = model->uniqueParameters();
    torch::optim::SGD optimizer(unique, torch::optim::SGDOptions(0.1));
    const auto before = model->visn_emb_norm->bias.clone();
    optimizer.step();
    QVERIFY(!model->visn_emb_norm->bias.equal(before));
}

// The decoding step's row kernels against ATen's own products, for every row
// count they take, widths with and without a tail past the last vector, and
// the cases they hand back to ATen.
namespace {

// K and V as views of one stacked product, as the decoder cache keeps them:
// (B, Lk, 2Hd), or on the CPU transposed, (B, 2Hd, Lk); then (B, H, Lk, d).
std::pair<at::Tensor, at::Tensor> cachedKeysValues(
    int64_t batch, int64_t heads, int64_t keys, int64_t d, bool transposed, at::ScalarType dtype)
{
    at::Tensor k, v;
    if (transposed) {
        const auto stacked = torch::randn({batch, 2 * heads * d, keys}).to(dtype);
        k = stacked.narrow(1, 0, heads * d).transpose(1, 2);
        v = stacked.narrow(1, heads * d, heads * d).transpose(1, 2);
    } else {
        const auto stacked = torch::randn({batch, keys, 2 * heads * d}).to(dtype);
        k = stacked.narrow(-1, 0, heads * d);
        v = stacked.narrow(-1, heads * d, heads * d);
    }
    return {k.view({batch, keys, heads, d}).transpose(1, 2), v.view({batch, keys, heads, d}).transpose(1, 2)};
}

// An additive mask that hides up to the last 5 keys.
at::Tensor lastKeysMasked(int64_t batch, int64_t keys)
{
    auto mask = torch::zeros({batch, 1, 1, keys});
    mask.narrow(-1, keys - std::min<int64_t>(keys - 1, 5), std::min<int64_t>(keys - 1, 5)).fill_(-10000.0);
    return mask;
}

} // namespace

// The vector widths this CPU runs (16: AVX-512, 8: AVX2), widest first; the
// kernels are checked with each. Restores the widest on destruction.
struct EachRowKernelWidth {
    std::vector<int64_t> widths;
    EachRowKernelWidth()
    {
        for (int64_t w : {16, 8})
            if (limitRowKernelWidth(w) == w)
                widths.push_back(w);
        limitRowKernelWidth(16);
    }
    ~EachRowKernelWidth() { limitRowKernelWidth(16); }
};

void GenerationTest::rowLinearEqualsLinear()
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(3);
    EachRowKernelWidth each;
    for (int64_t width : each.widths) {
        QCOMPARE(limitRowKernelWidth(width), width);
        for (int64_t rows = 1; rows <= kRowLinearMaxRows + 1; ++rows)
            for (const auto &[in, out] : {std::pair<int64_t, int64_t> {64, 96}, {37, 50}, {768, 131}, {8, 3}})
                for (bool withBias : {true, false}) {
                    const auto x = torch::randn({rows, 1, in});
                    const auto w = torch::randn({out, in});
                    const auto b = withBias ? torch::randn({out}) : at::Tensor();
                    const auto got = rowLinear(x, w, b);
                    const auto want
                        = at::linear(x.to(at::kDouble), w.to(at::kDouble), withBias ? b.to(at::kDouble) : b);
                    QCOMPARE(got.sizes(), (std::vector<int64_t> {rows, 1, out}));
                    const double diff = (got.to(at::kDouble) - want).abs().max().item<double>();
                    QVERIFY2(diff < 1e-4 * std::sqrt(double(in)),
                        qPrintable(QStringLiteral("width %1, %2 rows, %3 -> %4: %5")
                                       .arg(width)
                                       .arg(rows)
                                       .arg(in)
                                       .arg(out)
                                       .arg(diff)));
                }
    }
    // A non-contiguous input, and a double one (handed to ATen), give at::linear's results.
    const auto w = torch::randn({40, 32});
    const auto strided = torch::randn({32, 3}).t();
    QVERIFY(torch::allclose(rowLinear(strided, w, {}), at::linear(strided, w), 1e-5, 1e-5));
    const auto doubles = torch::randn({2, 32}).to(at::kDouble);
    QVERIFY(
        torch::allclose(rowLinear(doubles, w.to(at::kDouble), {}), at::linear(doubles, w.to(at::kDouble))));
}

// bf16 weights and rows (a bf16 model's decoding step): every kernel this
// CPU runs (native vdpbf16ps and the widening AVX-512 and AVX2 sets) against
// double-precision products of the same bf16 values. The output is bf16, so
// it may differ by half a unit in its last place, plus fp32 summation.
void GenerationTest::rowLinearBf16EqualsDouble()
{
    torch::NoGradGuard noGrad;
    torch::manual_seed(5);
    EachRowKernelWidth each;
    struct Restore {
        ~Restore() { setCpuBf16Emulated(false); }
    } restore;
    for (int64_t width : each.widths)
        for (bool emulated : {false, true}) {
            QCOMPARE(limitRowKernelWidth(width), width);
            setCpuBf16Emulated(emulated);
            // Up to 4 x kRowLinearMaxRows rows in passes, past that ATen.
            for (int64_t rows :
                {int64_t(1), int64_t(2), int64_t(3), int64_t(4), int64_t(5), int64_t(6), int64_t(7),
                    int64_t(8), int64_t(9), int64_t(17), 4 * kRowLinearMaxRows, 4 * kRowLinearMaxRows + 1})
                for (const auto &[in, out] :
                    {std::pair<int64_t, int64_t> {64, 96}, {37, 50}, {768, 131}, {8, 3}, {100, 7},
                        {16, 4500}}) // past 2048 outputs, ATen's fp32 logits come a block at a time
                    for (bool withBias : {true, false}) {
                        const auto x = torch::randn({rows, 1, in}).to(at::kBFloat16);
                        const auto w = torch::randn({out, in}).to(at::kBFloat16);
                        const auto b = withBias ? torch::randn({out}).to(at::kBFloat16) : at::Tensor();
                        const auto got = rowLinear(x, w, b);
                        QCOMPARE(got.scalar_type(), at::kBFloat16);
                        QCOMPARE(got.sizes(), (std::vector<int64_t> {rows, 1, out}));
                        const auto want = at::linear(
                            x.to(at::kDouble), w.to(at::kDouble), withBias ? b.to(at::kDouble) : b);
                        const auto excess = (got.to(at::kDouble) - want).abs() - want.abs() / 256.0;
                        const double worst = excess.max().item<double>();
                        QVERIFY2(worst < 1e-4 * std::sqrt(double(in)),
                            qPrintable(QStringLiteral("width %1%2, %3 rows, %4 -> %5: %6 past rounding")
                                           .arg(width)
                                           .arg(emulated ? QStringLiteral(" emulated") : QString())
                                           .arg(rows)
                                           .arg(in)
                                           .arg(out)
                                           .arg(worst)));
                        // Logits: the same product in fp32, not rounded to bf16.
                        const auto logits = rowLinear(x, w, b, /*floatOutput=*/true);
                        QCOMPARE(logits.scalar_type(), at::kFloat);
                        const double diff = (logits.to(at::kDouble) - want).abs().max().item<double>();
                        QVERIFY2(diff < 1e-4 * std::sqrt(double(in)),
                            qPrintable(QStringLiteral("fp32 out, width %1, %2 rows, %3 -> %4: %5")
                                           .arg(width)
                                           .arg(rows)
                                           .arg(in)
                                           .arg(out)
                                           .arg(diff)));
                    }
        }
}

void GenerationTest::rowAttentionEqualsExplicit()
{
    if (!rowKernelsAvailable())
        QSKIP("this CPU has neither AVX-512 nor AVX2+FMA: attention stays with ATen");
    torch::manual_seed(4);
    EachRowKernelWidth each;
    for (int64_t width : each.widths)
        for (bool transposed : {false, true})
            for (int64_t keys : {1, 37, 70})
                for (int64_t d : {16, 20, 64})
                    for (int64_t rows : {1, 5, 8})
                        for (bool capture : {false, true}) {
                            QCOMPARE(limitRowKernelWidth(width), width);
                            const int64_t batch = 2, heads = 3;
                            torch::NoGradGuard noGrad;
                            const auto q = torch::randn({batch, heads, rows, d});
                            const auto [k, v]
                                = cachedKeysValues(batch, heads, keys, d, transposed, at::kFloat);
                            if (transposed && keys > 1)
                                QVERIFY(k.stride(2) == 1 && v.stride(2) == 1);
                            const auto mask = lastKeysMasked(batch, keys);
                            at::Tensor probs;
                            const auto got = rowAttention(q, k, v, mask, capture ? &probs : nullptr);
                            const QString what = QStringLiteral("width %1, %2, %3 keys, d %4, %5 rows")
                                                     .arg(width)
                                                     .arg(transposed ? "transposed" : "row-major")
                                                     .arg(keys)
                                                     .arg(d)
                                                     .arg(rows);
                            QVERIFY2(got.defined(), qPrintable(what));
                            const auto scores
                                = at::matmul(q.to(at::kDouble), k.to(at::kDouble).transpose(-1, -2))
                                    / std::sqrt(double(d))
                                + mask.to(at::kDouble);
                            const auto weights = at::softmax(scores, -1);
                            const auto want = at::matmul(weights, v.to(at::kDouble));
                            QVERIFY2((got.to(at::kDouble) - want).abs().max().item<double>() < 1e-5,
                                qPrintable(what));
                            if (capture)
                                QVERIFY((probs.to(at::kDouble) - weights).abs().max().item<double>() < 1e-6);
                            // attend() takes the same path and agrees with it.
                            QVERIFY(torch::allclose(attend(q, k, v, mask, nullptr), got, 1e-6, 1e-6));
                        }
    torch::NoGradGuard noGrad;
    // K or V strided along both axes, too many rows and gradients stay with ATen.
    const auto k = torch::randn({1, 2, 10, 20});
    const auto everyOther = torch::randn({1, 2, 10, 40}).slice(3, 0, 40, 2);
    QVERIFY(rowAttention(torch::randn({1, 2, 1, 20}), k, k, {}, nullptr).defined());
    QVERIFY(!rowAttention(torch::randn({1, 2, 1, 20}), everyOther, k, {}, nullptr).defined());
    QVERIFY(!rowAttention(torch::randn({1, 2, 1, 20}), k, everyOther, {}, nullptr).defined());
    const auto k64 = torch::randn({1, 2, 10, 64});
    QVERIFY(!rowAttention(torch::randn({1, 2, kRowLinearMaxRows + 1, 64}), k64, k64, {}, nullptr).defined());
    // A mask that would widen the scores (here: a second item) is left to ATen's broadcasting.
    QVERIFY(
        !rowAttention(torch::randn({1, 2, 1, 64}), k64, k64, torch::zeros({2, 1, 1, 10}), nullptr).defined());
    {
        torch::AutoGradMode enable(true);
        const auto q = torch::randn({1, 2, 1, 64}).requires_grad_();
        QVERIFY(!rowAttention(q, k64, k64, {}, nullptr).defined());
        QVERIFY(attend(q, k64, k64, {}, nullptr).requires_grad());
    }
}

QTEST_GUILESS_MAIN(GenerationTest)
// A bf16 model's decoding-step attention: bf16 keys and values in both cache
// layouts, against the explicit form in double on the same bf16 values. The
// result is rounded to bf16, so it may differ by half a unit in its last place.
void GenerationTest::rowAttentionBf16EqualsDouble()
{
    if (!rowKernelsAvailable())
        QSKIP("this CPU has neither AVX-512 nor AVX2+FMA: attention stays with ATen");
    torch::manual_seed(6);
    torch::NoGradGuard noGrad;
    EachRowKernelWidth each;
    for (int64_t width : each.widths)
        for (bool transposed : {false, true})
            for (int64_t keys : {1, 37, 70})
                for (int64_t d : {16, 20, 64})
                    for (int64_t rows : {1, 5, 8}) {
                        QCOMPARE(limitRowKernelWidth(width), width);
                        const int64_t batch = 2, heads = 3;
                        const auto q = torch::randn({batch, heads, rows, d}).to(at::kBFloat16);
                        const auto [k, v]
                            = cachedKeysValues(batch, heads, keys, d, transposed, at::kBFloat16);
                        const auto mask = lastKeysMasked(batch, keys);
                        at::Tensor probs;
                        const auto got = rowAttention(q, k, v, mask.to(at::kBFloat16), &probs);
                        const QString what = QStringLiteral("width %1, %2, %3 keys, d %4, %5 rows")
                                                 .arg(width)
                                                 .arg(transposed ? "transposed" : "row-major")
                                                 .arg(keys)
                                                 .arg(d)
                                                 .arg(rows);
                        QVERIFY2(got.defined(), qPrintable(what));
                        QCOMPARE(got.scalar_type(), at::kBFloat16);
                        const auto scores = at::matmul(q.to(at::kDouble), k.to(at::kDouble).transpose(-1, -2))
                                / std::sqrt(double(d))
                            + mask.to(at::kBFloat16).to(at::kDouble);
                        const auto weights = at::softmax(scores, -1);
                        const auto want = at::matmul(weights, v.to(at::kDouble));
                        const double worst
                            = ((got.to(at::kDouble) - want).abs() - want.abs() / 256.0).max().item<double>();
                        QVERIFY2(worst < 1e-4, qPrintable(what + QStringLiteral(": %1").arg(worst)));
                        QVERIFY2((probs.to(at::kDouble) - weights).abs().max().item<double>() < 4e-3,
                            qPrintable(what));
                    }
}

#include "generationtest.moc"
