#pragma once
/// What a finished request gives back: plain values that cross threads and
/// serialise to the CLI's JSON (see resultjson.h).
///
///     handle.then(this, [](const RequestOutcome &o) {
///         if (!o.isFinished()) return;
///         const EngineResult &r = *o.result;
///         for (const ResultItem &item : r.items)
///             qDebug() << item.text << item.score;
///         if (r.attention) showAttention(*r.attention);
///     });

#include "app/engine/attentionmaps.h"
#include "app/engine/enginerequest.h"

#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace mplug2::app {

/// One text with its score. What the score means depends on the task:
/// caption / free answer: the official length-penalised beam log-probability;
/// ranked answer: the official re-ranked probability; classify: the label's
/// probability over all labels; score-texts: the mean log-probability per token.
struct ResultItem {
    QString text;
    double score = 0.0;
    QList<qint64> tokenIds; ///< as generated or scored, special tokens included
    QStringList tokens; ///< the vocabulary entries of tokenIds

    bool operator==(const ResultItem &other) const = default;
};

/// How faithful a map is (TaskKind::Faithfulness): the explained token's
/// probability as the most salient patches are blurred away (deletion) or
/// brought back into a blurred medium (insertion), and the areas under both.
struct FaithfulnessResult {
    QList<double> fractions;
    QList<double> deletion;
    QList<double> insertion;
    double deletionAuc = 0; ///< lower: the map found what the model needs
    double insertionAuc = 0; ///< higher: the map found what suffices
    double probability = 0; ///< on the untouched medium
};

/// One moment of a video (EmbedMedia with moments): where it is, its
/// CLIP-space vector and a picture from its middle.
struct MomentEmbedding {
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    int shot = 0; ///< the shot it lies in (0, 1, ... in time order)
    QList<float> embedding; ///< L2-normalised, like EngineResult::mediaEmbedding
    QImage thumbnail; ///< at most 256 px per side
    QString caption; ///< when MomentOptions::captions asked for one
};

/// One window of a dense caption: its caption, what the model saw of it and,
/// when the request asked for maps, where it looked while captioning it.
struct CaptionSegment {
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    ResultItem caption;
    VisualGeometry geometry; ///< the window's sampled frames (times inside the window)
    std::optional<AttentionMaps> attention; ///< for `caption`, when the request asked for maps
    QImage thumbnail; ///< the window's middle sampled frame, at most 160 px per side
};

/// Wall-clock milliseconds per stage (0 when a stage did not run).
struct EngineTimings {
    double queuedMs = 0; ///< submitted -> started
    double decodeMs = 0; ///< opening the media, sampling and preprocessing frames
    double visualMs = 0; ///< visual encoder + universal layers (0 on a cache hit)
    double textMs = 0; ///< question / text encoders and fusion
    double generateMs = 0; ///< decoding, ranking or scoring
    double attentionMs = 0; ///< attention capture and Grad-CAM
    double totalMs = 0; ///< started -> finished
};

struct EngineResult {
    RequestId id = 0;
    TaskKind task = TaskKind::Caption;
    QString media; ///< the media path as submitted ("" for EmbedTexts)
    MediaInput mediaInput; ///< the media as requested: frames, sampling, time window
    QString question; ///< Answer: the question asked
    /// Classify: the text each label was scored as ("{}" stands for the label) and how.
    QString labelTemplate;
    ClassifyMethod classifyMethod = ClassifyMethod::DecoderLikelihood;
    QList<ResultItem> items; ///< best first
    QList<CaptionSegment> segments; ///< DenseCaption: in time order
    /// DenseCaption: how many windows the video was cut into. `segments` holds
    /// all of them, or (partial) the first ones, finished before a cancel.
    int windowCount = 0;
    /// Stopped by a cancel, what was done so far: the RequestOutcome of a
    /// cancelled request carries it as `partial` (a dense caption's finished windows).
    bool partial = false;
    std::optional<AttentionMaps> attention; ///< for items[0], when asked for
    std::optional<FaithfulnessResult> faithfulness; ///< Faithfulness requests
    VisualGeometry geometry; ///< what the model saw (empty for EmbedTexts)
    QList<QImage> frames; ///< the sampled frames, when returnFrames was set
    QList<float> mediaEmbedding; ///< EmbedMedia: L2-normalised CLIP-space vector
    QList<MomentEmbedding> moments; ///< EmbedMedia with MomentOptions::enabled, in time order
    QList<QList<float>> textEmbeddings; ///< EmbedTexts: one per text, L2-normalised
    QString device; ///< "cpu", "cuda:0"
    QString precision; ///< "fp32", "fp16", "bf16"
    QString modelId; ///< the bundle that produced it
    bool visualCacheHit = false; ///< the visual encoder was skipped
    /// Media the visual encoder took in one batch with this one (this one
    /// included; the others wait in the cache for their requests); 0 when skipped.
    int visualBatch = 0;
    EngineTimings timings;
};

/// Window `index` of a dense caption as the caption of that window alone:
/// its text as items[0], its attention, geometry and time range
/// (mediaInput), no frames. For the attention panel and its exports, and for
/// grading a window's map (EngineRequest::faithfulnessOf).
EngineResult windowResult(const EngineResult &dense, int index);

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::EngineResult)
