#include "model/tasks/occlusionmap.h"

#include "model/modules/attentionmasks.h"
#include "model/modules/mplug2model.h"
#include "model/runtime/exceptiontext.h"
#include "model/tasks/pixelperturbation.h"

#include <algorithm>
#include <random>
#include <torch/torch.h>

namespace mplug2::model {

namespace {

/// Window starts along an axis of `size` cells: every `stride`, the last one flush with the end.
std::vector<int64_t> starts(int64_t size, int64_t window, int64_t stride)
{
    std::vector<int64_t> out;
    for (int64_t s = 0; s + window < size; s += stride)
        out.push_back(s);
    out.push_back(std::max<int64_t>(0, size - window));
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

struct Windows {
    int64_t window = 1, frames = 1, stride = 1;
    bool isolate = false;
    int64_t count(const VisualGeometry &g) const
    {
        const int64_t spatial = int64_t(
            starts(g.gridHeight, window, stride).size() * starts(g.gridWidth, window, stride).size());
        const int64_t spans = int64_t(starts(g.frames, frames, frames).size());
        return spans * spatial + (isolate ? spans : 0);
    }
};

Windows slidingWindows(const VisualGeometry &g, const OcclusionParams &p)
{
    Windows w;
    w.window = std::clamp<int64_t>(p.window, 1, std::max(g.gridHeight, g.gridWidth));
    w.frames = std::clamp<int64_t>(p.frames, 1, g.frames);
    const auto strideFor
        = [&](int64_t window) { return p.stride > 0 ? p.stride : std::max<int64_t>(1, window / 2); };
    w.stride = strideFor(w.window);
    w.isolate = p.isolateFrames && w.frames < g.frames;
    // Too many masks for the budget: span more frames first (neighbouring
    // frames look alike), then stop the windows overlapping, then widen them.
    while (p.maxMasks > 0 && w.count(g) > p.maxMasks) {
        if (w.frames < g.frames) {
            w.frames = std::min(g.frames, w.frames * 2);
            w.isolate = w.isolate && w.frames < g.frames;
        } else if (w.stride < w.window) {
            w.stride = w.window;
        } else if (w.window < std::max(g.gridHeight, g.gridWidth)) {
            ++w.window;
            w.stride = strideFor(w.window);
        } else
            break;
    }
    return w;
}

/// Masks (rows) over the visual tokens, 1 = hidden; `own` the tokens a row's
/// drop is credited to, and `reference` the row whose log-probability is
/// its baseline (-1: nothing hidden).
struct MaskSet {
    at::Tensor hidden;
    at::Tensor own;
    std::vector<int64_t> reference;
};

/// Each window position, then the global token alone. Isolated frames: per
/// span of frames, first a mask that leaves only that span visible (the
/// global token, a mean over frames, hidden too), then the windows on top
/// of it, so that a window's drop is not hidden by the same thing in
/// another frame.
MaskSet slidingMasks(const VisualGeometry &g, const Windows &w)
{
    const int64_t perFrame = g.gridHeight * g.gridWidth;
    const auto grid = [&](at::Tensor &m) {
        return m.narrow(0, 1, g.frames * perFrame).view({g.frames, g.gridHeight, g.gridWidth});
    };
    std::vector<at::Tensor> hidden, own;
    MaskSet set;
    for (int64_t f : starts(g.frames, w.frames, w.frames)) {
        const int64_t frames = std::min(w.frames, g.frames - f);
        at::Tensor base = at::zeros({g.tokens()});
        int64_t baseRow = -1;
        if (w.isolate) {
            base.fill_(1.0);
            grid(base).narrow(0, f, frames).fill_(0.0);
            baseRow = int64_t(hidden.size());
            hidden.push_back(base);
            own.push_back(at::zeros({g.tokens()}));
            set.reference.push_back(-1);
        }
        for (int64_t y : starts(g.gridHeight, w.window, w.stride))
            for (int64_t x : starts(g.gridWidth, w.window, w.stride)) {
                at::Tensor window = at::zeros({g.tokens()});
                grid(window)
                    .narrow(0, f, frames)
                    .narrow(1, y, std::min(w.window, g.gridHeight - y))
                    .narrow(2, x, std::min(w.window, g.gridWidth - x))
                    .fill_(1.0);
                hidden.push_back(at::clamp_max(base + window, 1.0));
                own.push_back(window);
                set.reference.push_back(baseRow);
            }
    }
    at::Tensor global = at::zeros({g.tokens()});
    global[0] = 1.0;
    hidden.push_back(global);
    own.push_back(global);
    set.reference.push_back(-1);
    set.hidden = at::stack(hidden);
    set.own = at::stack(own);
    return set;
}

/// RISE masks: per frame, cells of `cell` x `cell` patches hidden with probability 1 - keep.
at::Tensor randomMasks(const VisualGeometry &g, const OcclusionParams &p)
{
    const int64_t cell = std::max<int64_t>(1, p.cell);
    const int64_t ch = (g.gridHeight + cell - 1) / cell, cw = (g.gridWidth + cell - 1) / cell;
    const int64_t n = std::max<int64_t>(2, p.randomMasks);
    std::mt19937_64 random(p.seed);
    std::bernoulli_distribution keep(std::clamp(p.keep, 0.05, 0.95));
    at::Tensor cells = at::empty({n, 1 + g.frames * ch * cw});
    float *c = cells.data_ptr<float>();
    for (int64_t i = 0; i < cells.numel(); ++i)
        c[i] = keep(random) ? 0.f : 1.f;
    const at::Tensor grid = cells.narrow(1, 1, g.frames * ch * cw)
                                .view({n, g.frames, ch, cw})
                                .repeat_interleave(cell, 2)
                                .repeat_interleave(cell, 3)
                                .narrow(2, 0, g.gridHeight)
                                .narrow(3, 0, g.gridWidth)
                                .reshape({n, -1});
    return at::cat({cells.narrow(1, 0, 1), grid}, 1);
}

/// Maps (tokens, visual) from the log-probabilities `logp` (masks, tokens)
/// under `masks` and the unmasked `full` (tokens).
at::Tensor mapsFrom(const MaskSet &masks, const at::Tensor &logp, const at::Tensor &full, OcclusionMasks kind)
{
    if (kind == OcclusionMasks::Random) {
        const at::Tensor hidden = masks.own, kept = 1.0 - masks.own;
        const at::Tensor whenKept = at::matmul(logp.t(), kept) / kept.sum(0).clamp_min(1.0);
        const at::Tensor whenHidden = at::matmul(logp.t(), hidden) / hidden.sum(0).clamp_min(1.0);
        return whenKept - whenHidden;
    }
    std::vector<int64_t> baselineRows;
    for (int64_t r : masks.reference)
        baselineRows.push_back(r + 1);
    const at::Tensor baseline
        = at::cat({full.unsqueeze(0), logp}).index_select(0, torch::tensor(baselineRows, at::kLong));
    const at::Tensor drop = baseline - logp;
    return at::matmul(drop.t(), masks.own) / masks.own.sum(0).clamp_min(1.0);
}

std::vector<int64_t> wantedTokens(const OcclusionParams &p, int64_t produced)
{
    std::vector<int64_t> tokens = p.tokens;
    if (tokens.empty())
        for (int64_t t = 0; t < produced; ++t)
            tokens.push_back(t);
    return tokens;
}

Expected<void> checkIds(const std::vector<int64_t> &ids, const OcclusionParams &p)
{
    if (ids.size() < 2 || ids.front() != kStartTokenId)
        return makeError(
            ErrorCode::InvalidArgument, "occlusion: ids must be [CLS] followed by at least one token");
    for (int64_t t : p.tokens)
        if (t < 0 || t >= int64_t(ids.size()) - 1)
            return makeError(ErrorCode::InvalidArgument,
                "occlusion: token " + std::to_string(t) + " is not in the text (it has "
                    + std::to_string(ids.size() - 1) + ")");
    return {};
}

MaskSet occlusionMasks(const VisualGeometry &g, const OcclusionParams &p)
{
    if (p.masks == OcclusionMasks::Sliding)
        return slidingMasks(g, slidingWindows(g, p));
    MaskSet set;
    set.hidden = randomMasks(g, p);
    set.own = set.hidden;
    set.reference.assign(size_t(set.hidden.size(0)), -1);
    return set;
}

/// Log-probabilities (1 + masks, tokens wanted) of the wanted tokens, row 0
/// with nothing hidden, then one row per mask: the decoder reads `states`
/// (1, Lk, W) with only the columns of each mask's visual tokens hidden.
at::Tensor maskedLogProbs(Mplug2 &model, const at::Tensor &states, const at::Tensor &statesMask,
    const std::vector<int64_t> &ids, const at::Tensor &hidden, const std::vector<int64_t> &tokens,
    const OcclusionParams &p, bool &cancelled)
{
    c10::InferenceMode inference;
    BertLMHeadModelImpl &decoder = *model.network().text_decoder;
    const int64_t lastToken = *std::max_element(tokens.begin(), tokens.end());
    const int64_t length = lastToken + 1; // the decoder reads ids[0 .. lastToken]
    const int64_t total = hidden.size(0) + 1, keys = states.size(1), visual = hidden.size(1);
    // Masks per pass: as many as p.batch, but about 1e10 multiply-adds a pass
    // (a few hundred ms on two cores; a Base decoder's 12 layers over 1,569
    // visual tokens and a dozen words cost about 1e9 a mask, the demo's 1e6),
    // so that a pass is long enough to use the BLAS well and short enough to
    // hear cancel between passes.
    const int64_t width = model.config().bert.hiddenSize;
    const double perMask
        = double(decoder.bert->layerCount()) * double(length) * double(width) * double(keys + 12 * width);
    const int64_t batch = std::clamp<int64_t>(
        int64_t(1e10 / std::max(1.0, perMask)), 1, std::clamp<int64_t>(p.batch, 1, total));
    const auto device = states.device();
    // One projection of the visual keys and values, shared by every mask.
    DecoderCache cache = decoder.bert->startDecoding(states, statesMask, batch, length);
    const at::Tensor rowsWanted = torch::tensor(tokens, at::kLong).to(device);
    const at::Tensor targets
        = torch::tensor(std::vector<int64_t>(ids.begin() + 1, ids.begin() + 1 + length), at::kLong)
              .index_select(0, rowsWanted.to(at::kCPU))
              .to(device);
    const at::Tensor text = torch::tensor(std::vector<int64_t>(ids.begin(), ids.begin() + length), at::kLong)
                                .to(device)
                                .unsqueeze(0);
    const at::Tensor allHidden = at::cat({at::zeros({1, visual}), hidden}).to(device);
    std::vector<at::Tensor> parts;
    for (int64_t first = 0; first < total; first += batch) {
        const int64_t count = std::min(batch, total - first);
        for (KeyValueCache &self : cache.self) {
            self.length = 0;
            if (self.key.size(0) != count) {
                self.key = self.key.narrow(0, 0, count);
                self.value = self.value.narrow(0, 0, count);
            }
        }
        at::Tensor keep = statesMask.to(at::kFloat).expand({count, keys}).clone();
        keep.narrow(1, 0, visual).mul_(1.0 - allHidden.narrow(0, first, count));
        // Each mask's row repeated for its text positions: (1, 1, count * length, Lk).
        cache.crossMask = crossAttentionMask(keep.repeat_interleave(length, 0), states.scalar_type())
                              .view({1, 1, count * length, keys});
        const at::Tensor out = decoder.bert->decodeStep(text.expand({count, length}), cache);
        const at::Tensor logits = decoder.predictions(out.index_select(1, rowsWanted)).to(at::kFloat);
        const at::Tensor logp
            = at::log_softmax(logits, -1).gather(2, targets.view({1, -1, 1}).expand({count, -1, 1}));
        parts.push_back(logp.squeeze(2).to(at::kCPU));
        if (p.progress && !p.progress(first + count, total)) {
            cancelled = true;
            return {};
        }
    }
    return at::cat(parts, 0);
}

Expected<at::Tensor> tokenLevel(Mplug2 &model, const at::Tensor &states, const at::Tensor &statesMask,
    const VisualGeometry &geometry, const std::vector<int64_t> &ids, const OcclusionParams &p)
{
    if (auto ok = checkIds(ids, p); !ok)
        return ok.error();
    if (geometry.tokens() > states.size(1))
        return makeError(
            ErrorCode::InvalidArgument, "occlusion: the states hold fewer tokens than the geometry");
    try {
        const std::vector<int64_t> tokens = wantedTokens(p, int64_t(ids.size()) - 1);
        const MaskSet masks = occlusionMasks(geometry, p);
        const at::Tensor &hidden = masks.hidden;
        bool cancelled = false;
        const at::Tensor logp = maskedLogProbs(model, states, statesMask, ids, hidden, tokens, p, cancelled);
        if (cancelled)
            return makeError(ErrorCode::Cancelled, "cancelled");
        const at::Tensor maps = mapsFrom(masks, logp.narrow(0, 1, hidden.size(0)), logp[0], p.masks);
        at::Tensor out = at::zeros({int64_t(ids.size()) - 1, geometry.tokens()});
        out.index_copy_(0, torch::tensor(tokens, at::kLong), maps);
        return out;
    } catch (const std::exception &e) {
        return makeError(isOutOfMemory(e) ? ErrorCode::OutOfMemory : ErrorCode::Internal,
            "occlusion: " + exceptionText(e));
    }
}

} // namespace

Expected<at::Tensor> occlusionMaps(Mplug2 &model, const VisualFeatures &visual, int64_t item,
    const std::vector<int64_t> &ids, const OcclusionParams &params)
{
    if (!visual.imageEmbeds.defined() || item < 0 || item >= visual.imageEmbeds.size(0))
        return makeError(ErrorCode::InvalidArgument, "occlusion: no such media item");
    const at::Tensor states = visual.imageEmbeds.narrow(0, item, 1);
    const at::Tensor mask
        = torch::ones({1, states.size(1)}, at::TensorOptions().dtype(at::kLong).device(states.device()));
    return tokenLevel(model, states, mask, visual.geometry, ids, params);
}

Expected<at::Tensor> occlusionMaps(Mplug2 &model, const EncodedQuestion &question, int64_t item,
    const std::vector<int64_t> &ids, const OcclusionParams &params)
{
    if (!question.states.defined() || item < 0 || item >= question.states.size(0))
        return makeError(ErrorCode::InvalidArgument, "occlusion: no such question");
    return tokenLevel(model, question.states.narrow(0, item, 1), question.mask.narrow(0, item, 1),
        question.geometry, ids, params);
}

Expected<at::Tensor> pixelOcclusionMaps(Mplug2 &model, const at::Tensor &pixels,
    const std::vector<int64_t> &questionIds, const std::vector<int64_t> &ids, const OcclusionParams &params)
{
    if (auto ok = checkIds(ids, params); !ok)
        return ok.error();
    if (!pixels.defined() || pixels.dim() != 5 || pixels.size(0) != 1 || pixels.size(1) != 3)
        return makeError(
            ErrorCode::InvalidArgument, "occlusion: pixels must be (1, 3, frames, height, width)");
    const int64_t patch = model.config().vision.patchSize;
    const VisualGeometry g {pixels.size(2), pixels.size(3) / patch, pixels.size(4) / patch};
    if (g.gridHeight < 1 || g.gridWidth < 1)
        return makeError(ErrorCode::InvalidArgument, "occlusion: frames smaller than one patch");
    MaskSet set;
    at::Tensor blurred, original;
    try {
        c10::InferenceMode inference;
        set = occlusionMasks(g, params);
        original = pixels.to(at::kFloat).to(at::kCPU);
        blurred = blurredPixels(original, double(patch));
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "occlusion: " + exceptionText(e));
    }
    const at::Tensor &hidden = set.hidden;
    const int64_t masks = hidden.size(0);
    // Row 0 is the untouched media; the global token has no pixels of its own.
    const VideoBatch videos = [&](int64_t first, int64_t count) {
        std::vector<at::Tensor> out;
        for (int64_t i = first; i < first + count; ++i) {
            if (i == 0) {
                out.push_back(original);
                continue;
            }
            const at::Tensor patches = hidden[i - 1]
                                           .narrow(0, 1, g.frames * g.gridHeight * g.gridWidth)
                                           .view({1, g.frames, g.gridHeight, g.gridWidth});
            const at::Tensor m = pixelMasks(patches, patch, pixels.size(3), pixels.size(4));
            out.push_back(original * (1.0 - m) + blurred * m);
        }
        return at::cat(out, 0);
    };
    Expected<at::Tensor> logp = textLogProbsOver(
        model, videos, masks + 1, questionIds, ids, std::max<int64_t>(1, params.batch / 8), params.progress);
    if (!logp)
        return logp.error();
    try {
        c10::InferenceMode inference;
        const std::vector<int64_t> tokens = wantedTokens(params, int64_t(ids.size()) - 1);
        const at::Tensor index = torch::tensor(tokens, at::kLong);
        const at::Tensor rows = logp->index_select(1, index);
        // The global token is never hidden in pixels: leave its column out of the estimate.
        MaskSet patchesOnly = set;
        patchesOnly.own = set.own.clone();
        patchesOnly.own.select(1, 0).zero_();
        at::Tensor maps = mapsFrom(patchesOnly, rows.narrow(0, 1, masks), rows[0], params.masks);
        at::Tensor out = at::zeros({int64_t(ids.size()) - 1, g.tokens()});
        out.index_copy_(0, index, maps);
        return out;
    } catch (const std::exception &e) {
        return makeError(ErrorCode::Internal, "occlusion: " + exceptionText(e));
    }
}

} // namespace mplug2::model
