#pragma once
/// What the GUI, the CLI or the retrieval index asks the Engine to do: one
/// value per request, copied onto the worker thread.
///
///     EngineRequest r = EngineRequest::ask("clip.mp4", "what is the man doing?");
///     r.media.numFrames = 8;
///     r.attention.crossAttention = true;      // attach the answer's attention maps
///     RequestHandle h = engine.submit(r);
///
/// Zero / negative numbers mean "the model bundle's default" (frames,
/// beam size, lengths), so a request made before a model is chosen stays valid.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

/// Identifies one submitted request; never 0 for a real request.
using RequestId = quint64;

enum class TaskKind {
    Caption, ///< media -> n-best captions
    DenseCaption, ///< long video -> one caption per time window
    Answer, ///< media + question -> free answer, or ranked over `texts`
    Classify, ///< media + labels (`texts`) -> one probability per label
    ScoreTexts, ///< media + sentences (`texts`) -> decoder log-likelihood of each
    EmbedMedia, ///< media -> CLIP-space embedding (retrieval)
    EmbedTexts, ///< sentences (`texts`) -> CLIP-space embeddings (retrieval)
    Faithfulness, ///< media + a text + a saliency map -> deletion / insertion curves (`faithfulness`)
};

/// "caption", "dense-caption", "answer", "classify", "score", "embed-media", "embed-texts",
/// "faithfulness".
QString taskName(TaskKind task);

enum class RequestPriority {
    Interactive, ///< runs before every queued Batch request
    Batch, ///< FIFO behind interactive work (indexing, folder captioning)
};

/// Which embedding a retrieval request asks for: the CLIP space (XCLIP
/// visual tower + visual.proj / text tower + text_projection, in every
/// mPLUG-2 checkpoint) or the ITC space (vision_proj / text_proj), which only
/// checkpoints with those heads have (ModelInfo::itcHeads).
enum class EmbeddingKind { Clip, Itc };

/// How ScoreTexts scores a sentence against the media.
enum class TextScoring {
    DecoderLikelihood, ///< mean log-probability per token of the sentence given the media
    Matching, ///< the ITM head's log-probability of "matches" (ModelInfo::itmHead)
};

/// Which frames the model sees.
enum class FrameSampling {
    Middle, ///< the official rule: the middle frame of num_frames equal segments
    Uniform, ///< evenly spaced in time (variable frame rate safe)
};

/// How a still image becomes pixels. The released checkpoints are video
/// models; the official image transform is bicubic, the video one nearest.
enum class ImageTransform { Auto, Image, Video };

struct MediaInput {
    QString path;
    int numFrames = 0; ///< 0: the bundle's num_frames
    FrameSampling sampling = FrameSampling::Middle;
    /// A time window of a video in seconds; both negative: the whole video.
    double startSeconds = -1.0;
    double endSeconds = -1.0;
    ImageTransform imageTransform = ImageTransform::Auto;
};

enum class DecodingMethod { Beam, Greedy, Sample };

struct GenerationOptions {
    DecodingMethod method = DecodingMethod::Beam;
    int beamSize = 0; ///< 0: the bundle's default for the task
    int minLength = -1; ///< -1: the bundle's default
    int maxLength = -1; ///< -1: the bundle's default
    int numResults = 1; ///< n-best (at most the beam size)
    double temperature = 1.0;
    int topK = 0; ///< sampling: 0 = no top-k cut
    double topP = 1.0; ///< sampling: nucleus mass
    quint64 seed = 0; ///< sampling: same seed, same text
};

/// How an occlusion map hides parts of the media.
enum class OcclusionMasking {
    Patches, ///< windows of visual tokens hidden from the decoder, one visual encode for all
    RandomPatches, ///< RISE: random sets of visual tokens hidden, importance by averaging
    Pixels, ///< windows of pixels blurred, the whole encoder run per mask (slow)
};

/// What to attach to the best result. Off by default: capture costs time and memory.
struct AttentionOptions {
    /// Decoder cross-attention of every generated token over the visual
    /// tokens, per layer and head.
    bool crossAttention = false;
    /// Grad-CAM: gradient of each token's log-probability times its cross-attention.
    bool gradCam = false;
    /// The universal layer's learnable latents attending to the visual tokens.
    bool latentAttention = false;
    /// Occlusion: how much hiding each visual token lowers each token's log-probability.
    bool occlusion = false;
    OcclusionMasking occlusionMasking = OcclusionMasking::Patches;

    bool any() const { return crossAttention || gradCam || latentAttention || occlusion; }
};

/// A Faithfulness request: the text whose token is followed and the map graded.
struct FaithfulnessRequest {
    /// The text as the result gave it (ResultItem::tokenIds, [CLS] first);
    /// for an answer, `question` of the request is the question.
    QList<qint64> tokenIds;
    /// Which word of the text (AttentionMaps token index, special tokens not
    /// counted); -1: all of them (their geometric mean probability).
    int token = -1;
    /// The map: frames * gridHeight * gridWidth values, as AttentionGrid::values.
    QList<float> saliency;
    /// Points per curve after the start.
    int steps = 8;
};

enum class ClassifyMethod {
    DecoderLikelihood, ///< log-likelihood of each label's text given the media
    ClipSimilarity, ///< cosine similarity in the CLIP space (needs the CLIP BPE file)
};

/// "likelihood", "clip": the names of the CLI's --method and of the JSON's "method".
QString classifyMethodName(ClassifyMethod method);
/// The method named so by classifyMethodName(), if any.
std::optional<ClassifyMethod> classifyMethodFromName(const QString &name);

/// How a dense caption cuts the video.
enum class CaptionWindows {
    Fixed, ///< windowSeconds long, every strideSeconds
    Shots, ///< one window per moment: each shot, long shots cut at windowSeconds
};

/// The moments of a video (issue 22): shots found by comparing frames read
/// analysisFps times a second, shots longer than maxWindowSeconds split.
struct MomentOptions {
    bool enabled = false; ///< EmbedMedia: also embed every moment of a video
    double maxWindowSeconds = 8.0;
    double analysisFps = 4.0;
    /// Also caption every moment (the model's caption task, its beam settings).
    bool captions = false;
};

struct EngineRequest {
    TaskKind task = TaskKind::Caption;
    RequestPriority priority = RequestPriority::Interactive;
    MediaInput media;
    /// Answer: the question. Classify with a question-answering model: asked
    /// for every label, which is then ranked as an answer.
    QString question;
    /// Answer: candidate answers (ranked as the official rank_answer does);
    /// Classify: labels; ScoreTexts / EmbedTexts: the sentences.
    QStringList texts;
    /// Answer over candidates: how many the official re-ranking keeps (k);
    /// 0: all candidates, at most 128 (the official k_test).
    int rankTopK = 0;
    /// Classify: how labels are scored, and below the text scored for each
    /// ("{}" is replaced by the label). The defaults of the CLI and the app,
    /// chosen by `mplug2 eval-demo --classify-templates` (README, "Zero-shot classification").
    ClassifyMethod classifyMethod = ClassifyMethod::DecoderLikelihood;
    /// EmbedMedia / EmbedTexts: which embedding (Itc fails on models without ITC heads).
    EmbeddingKind embedding = EmbeddingKind::Clip;
    /// ScoreTexts: which score (Matching fails on models without an ITM head).
    TextScoring scoring = TextScoring::DecoderLikelihood;
    /// Classify: the text scored for each label; "{}" is replaced by the label.
    QString labelTemplate = QStringLiteral("a {}");
    /// DenseCaption: window length and step in seconds (step 0 = the window).
    double windowSeconds = 10.0;
    double strideSeconds = 0.0;
    /// DenseCaption: fixed windows or one per moment (MomentOptions' analysis,
    /// windowSeconds as the longest window).
    CaptionWindows captionWindows = CaptionWindows::Fixed;
    /// EmbedMedia: the moments to embed beside the whole file.
    MomentOptions moments;
    GenerationOptions generation;
    AttentionOptions attention;
    /// Faithfulness: what to grade.
    FaithfulnessRequest faithfulness;
    /// Attach the sampled frames (what the model saw) as images to the result.
    bool returnFrames = false;

    static EngineRequest caption(const QString &mediaPath);
    static EngineRequest ask(const QString &mediaPath, const QString &question);
    static EngineRequest classify(const QString &mediaPath, const QStringList &labels);
    static EngineRequest denseCaption(const QString &videoPath, double windowSeconds);
    static EngineRequest embedMedia(const QString &mediaPath);
    static EngineRequest embedTexts(const QStringList &texts);
    /// The deletion / insertion score of `saliency` for a result's text over the same media.
    static EngineRequest faithfulnessOf(const MediaInput &media, const QString &question,
        const QList<qint64> &tokenIds, int token, const QList<float> &saliency);
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::EngineRequest)
