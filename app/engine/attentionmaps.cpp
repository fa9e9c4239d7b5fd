#include "app/engine/attentionmaps.h"

#include <algorithm>
#include <limits>

namespace mplug2::app {

QList<float> AttentionGrid::frameImportance() const
{
    QList<float> perFrame(frames, 0.f);
    const qsizetype perFrameCount = qsizetype(height) * width;
    double total = 0;
    for (int f = 0; f < frames; ++f) {
        double sum = 0;
        for (qsizetype i = 0; i < perFrameCount; ++i)
            sum += values.at(f * perFrameCount + i);
        perFrame[f] = float(sum);
        total += sum;
    }
    if (total > 0) {
        for (float &v : perFrame)
            v = float(v / total);
    }
    return perFrame;
}

float AttentionGrid::maxValue() const
{
    return values.isEmpty() ? 0.f : *std::max_element(values.cbegin(), values.cend());
}

namespace {

/// Reduces `heads` rows of `tokens` values each (starting at `base`) to one
/// row: mean, max, or one head. ReLU first for Grad-CAM (negative evidence is
/// not "where it looked").
QList<float> reduceHeads(
    const QList<float> &data, qsizetype base, int heads, qsizetype tokens, int head, bool relu)
{
    QList<float> row(tokens, head == kMaxOfHeads ? -std::numeric_limits<float>::infinity() : 0.f);
    const int first = head >= 0 ? head : 0;
    const int last = head >= 0 ? head + 1 : heads;
    for (int h = first; h < last; ++h) {
        const float *src = data.constData() + base + qsizetype(h) * tokens;
        for (qsizetype t = 0; t < tokens; ++t) {
            const float v = relu ? std::max(src[t], 0.f) : src[t];
            row[t] = head == kMaxOfHeads ? std::max(row[t], v) : row[t] + v;
        }
    }
    if (head == kMeanOfHeads) {
        for (float &v : row)
            v /= float(heads);
    }
    return row;
}

AttentionGrid toGrid(const VisualGeometry &g, const QList<float> &row)
{
    AttentionGrid grid;
    grid.frames = g.frames;
    grid.height = g.gridHeight;
    grid.width = g.gridWidth;
    grid.global = row.value(0);
    grid.values = row.mid(1);
    return grid;
}

bool validHead(int head, int heads)
{
    return head == kMeanOfHeads || head == kMaxOfHeads || (head >= 0 && head < heads);
}

} // namespace

QString attentionMethodName(AttentionMethod method)
{
    switch (method) {
    case AttentionMethod::CrossAttention:
        return QStringLiteral("attention");
    case AttentionMethod::GradCam:
        return QStringLiteral("gradcam");
    case AttentionMethod::Occlusion:
        return QStringLiteral("occlusion");
    }
    return {};
}

bool AttentionMaps::has(AttentionMethod method) const
{
    switch (method) {
    case AttentionMethod::CrossAttention:
        return hasCrossAttention();
    case AttentionMethod::GradCam:
        return hasGradCam();
    case AttentionMethod::Occlusion:
        return hasOcclusion();
    }
    return false;
}

AttentionGrid AttentionMaps::grid(AttentionMethod method, int token, int layer, int head) const
{
    if (method == AttentionMethod::Occlusion) {
        if (occlusion.isEmpty() || !isConsistent() || token < 0 || token >= tokenCount())
            return {};
        const qsizetype n = geometry.visualTokens();
        QList<float> row = occlusion.mid(qsizetype(token) * n, n);
        for (float &v : row)
            v = std::max(v, 0.f);
        return toGrid(geometry, row);
    }
    const QList<float> &data = method == AttentionMethod::GradCam ? gradCam : crossAttention;
    if (data.isEmpty() || !isConsistent() || token < 0 || token >= tokenCount() || !validHead(head, heads)
        || (layer != kMeanOfLayers && (layer < 0 || layer >= layers)))
        return {};
    const qsizetype n = geometry.visualTokens();
    const bool relu = method == AttentionMethod::GradCam;
    const int firstLayer = layer >= 0 ? layer : 0;
    const int lastLayer = layer >= 0 ? layer + 1 : layers;
    QList<float> row(n, 0.f);
    for (int l = firstLayer; l < lastLayer; ++l) {
        const qsizetype base = ((qsizetype(token) * layers + l) * heads) * n;
        const QList<float> r = reduceHeads(data, base, heads, n, head, relu);
        for (qsizetype t = 0; t < n; ++t)
            row[t] += r.at(t) / float(lastLayer - firstLayer);
    }
    return toGrid(geometry, row);
}

AttentionGrid AttentionMaps::meanGrid(AttentionMethod method, int layer, int head) const
{
    AttentionGrid sum;
    for (int t = 0; t < tokenCount(); ++t) {
        const AttentionGrid g = grid(method, t, layer, head);
        if (g.isEmpty())
            return {};
        if (sum.isEmpty()) {
            sum = g;
            continue;
        }
        for (qsizetype i = 0; i < sum.values.size(); ++i)
            sum.values[i] += g.values.at(i);
        sum.global += g.global;
    }
    const float count = float(std::max(1, tokenCount()));
    for (float &v : sum.values)
        v /= count;
    sum.global /= count;
    return sum;
}

AttentionGrid AttentionMaps::latentGrid(int latent, int head) const
{
    if (!isConsistent() || latentAttention.isEmpty() || !validHead(head, latentHeads) || latent < -1
        || latent >= latents)
        return {};
    const qsizetype n = geometry.visualTokens();
    const int firstLatent = latent >= 0 ? latent : 0;
    const int lastLatent = latent >= 0 ? latent + 1 : latents;
    // Layout [head][latent][token]: gather one latent's rows of every head.
    QList<float> row(n, 0.f);
    for (int q = firstLatent; q < lastLatent; ++q) {
        QList<float> perHead(qsizetype(latentHeads) * n);
        for (int h = 0; h < latentHeads; ++h)
            std::copy_n(latentAttention.constData() + (qsizetype(h) * latents + q) * n, n,
                perHead.data() + qsizetype(h) * n);
        const QList<float> r = reduceHeads(perHead, 0, latentHeads, n, head, false);
        for (qsizetype t = 0; t < n; ++t)
            row[t] += r.at(t) / float(lastLatent - firstLatent);
    }
    return toGrid(geometry, row);
}

bool AttentionMaps::isConsistent() const
{
    const qsizetype n = geometry.visualTokens();
    if (geometry.frames < 0 || geometry.gridHeight < 0 || geometry.gridWidth < 0
        || tokenIds.size() != tokens.size())
        return false;
    const qsizetype cross = qsizetype(tokenCount()) * layers * heads * n;
    if (!crossAttention.isEmpty() && crossAttention.size() != cross)
        return false;
    if (!gradCam.isEmpty() && gradCam.size() != cross)
        return false;
    if (!occlusion.isEmpty() && occlusion.size() != qsizetype(tokenCount()) * n)
        return false;
    if (!latentAttention.isEmpty() && latentAttention.size() != qsizetype(latentHeads) * latents * n)
        return false;
    return true;
}

QString readableToken(const QString &piece)
{
    constexpr QChar kWordStart(0x2581);
    if (piece.size() > 1 && piece.front() == kWordStart)
        return piece.mid(1);
    return piece;
}

} // namespace mplug2::app
