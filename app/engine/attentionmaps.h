#pragma once
/// Where the model looked, as plain arrays plus the geometry needed to draw
/// them over the frames: the value type that carries attention from the
/// engine's worker thread to the attention panel and the exporters.
///
///     const AttentionMaps &maps = *result.attention;
///     // token 2 of the answer, mean over layers, max over heads:
///     AttentionGrid g = maps.grid(AttentionMethod::CrossAttention, 2, kMeanOfLayers, kMaxOfHeads);
///     float v = g.at(frame, y, x);                 // in [0, 1] for attention
///     QList<float> strip = g.frameImportance();    // which frames mattered
///
/// Visual tokens are laid out as the model has them: token 0 is the global
/// (CLS) token, then frame 0's patches row by row, then frame 1's, ...

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mplug2::app {

/// The visual tokens the model saw: `frames` x `gridHeight` x `gridWidth`
/// patches plus one global token, and where the frames came from.
struct VisualGeometry {
    int frames = 0;
    int gridHeight = 0;
    int gridWidth = 0;
    QList<qint64> frameIndices; ///< index of each sampled frame in the video
    QList<double> frameTimes; ///< its presentation time in seconds
    int sourceWidth = 0; ///< size of the decoded frames (rotation applied)
    int sourceHeight = 0;

    qsizetype patchesPerFrame() const { return qsizetype(gridHeight) * gridWidth; }
    /// 1 + frames * gridHeight * gridWidth.
    qsizetype visualTokens() const { return 1 + frames * patchesPerFrame(); }
    bool operator==(const VisualGeometry &other) const = default;
};

/// One map per frame, ready to be upsampled onto that frame.
struct AttentionGrid {
    int frames = 0;
    int height = 0;
    int width = 0;
    QList<float> values; ///< frames * height * width, frame by frame, row by row
    float global = 0.f; ///< the value of the global (CLS) token

    float at(int frame, int y, int x) const { return values.at((qsizetype(frame) * height + y) * width + x); }
    /// Each frame's share of the total (sums to 1 unless everything is 0).
    QList<float> frameImportance() const;
    float maxValue() const;
    bool isEmpty() const { return values.isEmpty(); }
};

enum class AttentionMethod {
    CrossAttention, ///< the decoder's softmax probabilities
    GradCam, ///< ReLU(gradient x attention); heads reduced like the attention
    Occlusion, ///< drop of the token's log-probability when a patch is hidden; no layers or heads
};

/// "attention", "gradcam", "occlusion": the names of the CLI and the exports.
QString attentionMethodName(AttentionMethod method);

/// Layer and head selectors for AttentionMaps::grid().
inline constexpr int kMeanOfLayers = -1;
inline constexpr int kMeanOfHeads = -1;
inline constexpr int kMaxOfHeads = -2;

struct AttentionMaps {
    VisualGeometry geometry;
    /// The generated tokens the maps belong to, in order (special tokens
    /// left out); map t is the attention while the model produced token t.
    QList<qint64> tokenIds;
    QStringList tokens;
    int layers = 0;
    int heads = 0;
    /// Decoder cross-attention, [token][layer][head][visual token].
    QList<float> crossAttention;
    /// Grad-CAM: ReLU(gradient of the token's log-probability x attention), same layout.
    QList<float> gradCam;
    /// Occlusion: how much hiding each visual token lowers the token's
    /// log-probability, [token][visual token] (negative: hiding it helped).
    QList<float> occlusion;
    /// The universal layer's latents over the visual tokens, [head][latent][visual token].
    int latents = 0;
    int latentHeads = 0;
    QList<float> latentAttention;

    bool hasCrossAttention() const { return !crossAttention.isEmpty(); }
    bool hasGradCam() const { return !gradCam.isEmpty(); }
    bool hasOcclusion() const { return !occlusion.isEmpty(); }
    bool has(AttentionMethod method) const;
    bool hasLatentAttention() const { return !latentAttention.isEmpty(); }
    int tokenCount() const { return int(tokenIds.size()); }

    /// The map of one token for a layer (or kMeanOfLayers) and a head (or
    /// kMeanOfHeads / kMaxOfHeads). Empty when that method was not captured or
    /// an index is out of range. Occlusion has neither: layer and head are
    /// ignored, and like Grad-CAM only the positive part is kept.
    AttentionGrid grid(
        AttentionMethod method, int token, int layer = kMeanOfLayers, int head = kMeanOfHeads) const;
    /// The mean of grid() over every token: "where the whole answer looked".
    AttentionGrid meanGrid(AttentionMethod method, int layer = kMeanOfLayers, int head = kMeanOfHeads) const;
    /// One latent query (or -1 for the mean of all) and head (or the selectors above).
    AttentionGrid latentGrid(int latent, int head = kMeanOfHeads) const;

    /// Whether the array sizes agree with the counts and the geometry.
    bool isConsistent() const;
};

/// A token of an answer as a reader would write it, for labels: SentencePiece
/// marks a word's start with "▁", which says nothing to a reader, so it goes;
/// a piece that is only that mark stays visible. The tokens themselves (and
/// exported data) keep the model's spelling.
QString readableToken(const QString &piece);

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::AttentionMaps)
