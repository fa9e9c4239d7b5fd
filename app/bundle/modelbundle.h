#pragma once
/// A model bundle: everything needed to run one mPLUG-2 checkpoint, named by
/// a small JSON manifest (schema "mplug2-bundle/1") that sits in the
/// bundle's folder. Paths in the manifest are relative to that folder (or
/// absolute, so a bundle can point at a 10 GB checkpoint where it lies).
///
///     {
///       "schema": "mplug2-bundle/1",
///       "id": "msrvtt-caption-large",
///       "name": "mPLUG-2 Large, MSR-VTT captions",
///       "kind": "caption",                       // caption | qa | pretrain
///       "tasks": ["caption", "qa"],              // optional: what it was trained for, when more than its
///       kind "checkpoint": "/data/mPLUG2_MSRVTT_Caption.pth", "tokenizer": {"kind": "wordpiece", "file":
///       "vocab.txt"}, "clip_bpe": "bpe_simple_vocab_16e6.txt.gz", // optional: CLIP-space text
///       // or, for a CLIP text tower trained with another vocabulary (the demo model):
///       // "clip_tokenizer": {"kind": "sentencepiece", "file": "demo.model"},
///       "prompt": "a video of",
///       "image_res": 224, "num_frames": 16,
///       "generation": {"caption": {"beam_size": 5, "min_length": 4, "max_length": 20},
///                      "qa": {"beam_size": 5, "min_length": 1, "max_length": 10}},
///       "config": {"bert": {"num_attention_heads": 16}, "model": {"clip_transformer_heads": 12}}
///     }
///
/// "config" overrides what cannot be read from tensor shapes (head counts,
/// stride_layer, ...), with the official key names of config_bert.json
/// ("bert") and of the task yaml ("model").
///
///     auto bundle = ModelBundle::load("~/models/msrvtt-caption");   // folder or .json
///     if (!bundle) { qWarning() << bundle.error().message.c_str(); return; }
///     engine.loadModel(*bundle, DeviceChoice::automatic());

#include "base/expected.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mplug2::app {

enum class ModelKind { Caption, Qa, Pretrain };

/// "caption", "qa", "pretrain".
QString modelKindName(ModelKind kind);
/// The kind in the user's language, for display ("caption" is 字幕 in Chinese).
QString modelKindLabel(ModelKind kind);
/// The keys to try, in order, for a text field that may be given per
/// language in a manifest or catalogue, for the current QLocale():
/// {"name[zh_CN]", "name[zh]", "name"}. Untranslated files keep working.
QStringList localizedKeys(const QString &key);
Expected<ModelKind> parseModelKind(const QString &name);

struct GenerationDefaults {
    int beamSize = 5;
    int minLength = 1;
    int maxLength = 10;
    bool operator==(const GenerationDefaults &other) const = default;
};

struct ModelBundle {
    /// Stable identifier: lower-case letters, digits, '.', '_' and '-'.
    QString id;
    QString name;
    QString description;
    QString license;
    ModelKind kind = ModelKind::Caption;
    /// The model also does these tasks ("caption", "qa"), besides its kind's
    /// (e.g. the demo model, trained for both). Ask captions() / answersQuestions().
    QStringList extraTasks;
    /// Absolute paths once loaded.
    QString checkpoint;
    QString tokenizerKind = QStringLiteral("wordpiece"); ///< "wordpiece" | "sentencepiece"
    QString vocab;
    /// The CLIP text tower's tokenizer file; empty: no CLIP-space text embeddings.
    QString clipBpe;
    /// What clipBpe is: "clip" (CLIP BPE, "clip_bpe" in the manifest) or
    /// "sentencepiece" ("clip_tokenizer"). Build its ids with model/text/cliptextids.h.
    QString clipTokenizerKind = QStringLiteral("clip");
    /// The official caption prompt; "" for models trained without one.
    QString prompt = QStringLiteral("a video of");
    /// Input resolution; 0: the checkpoint's own (from its positional embedding grid).
    int imageRes = 0;
    /// Frames sampled per video (official: 16).
    int numFrames = 16;
    GenerationDefaults captionGeneration {5, 4, 20};
    GenerationDefaults qaGeneration {5, 1, 10};
    /// Config overrides in the official key names (see above).
    QJsonObject bertConfig;
    QJsonObject modelConfig;
    /// Where it was read from ("" when built in memory).
    QString manifestPath;
    /// Shipped with the application (cannot be removed from the registry).
    bool builtIn = false;

    static constexpr const char *kSchema = "mplug2-bundle/1";
    static constexpr const char *kManifestName = "manifest.json";

    /// Reads `path`: a manifest file, or a folder holding manifest.json.
    /// Checks types and ranges and that the files it names exist.
    static Expected<ModelBundle> load(const QString &path);
    /// Parses a manifest whose relative paths are relative to `baseDir`.
    /// Checks types and ranges, not the files.
    static Expected<ModelBundle> fromJson(const QJsonObject &manifest, const QString &baseDir);
    /// The manifest; paths inside `baseDir` are written relative to it.
    QJsonObject toJson(const QString &baseDir = {}) const;
    /// Writes the manifest atomically (paths relative to its folder).
    Expected<void> save(const QString &manifestFile) const;
    /// The checkpoint, vocabulary and (when named) CLIP BPE file exist and can be read.
    Expected<void> checkFiles() const;
    /// Whether the decoder was trained to caption from the visual tokens.
    bool captions() const { return kind != ModelKind::Qa || extraTasks.contains(QLatin1String("caption")); }
    /// Whether the decoder was trained to answer from the fused question states.
    bool answersQuestions() const
    {
        return kind == ModelKind::Qa || extraTasks.contains(QLatin1String("qa"));
    }
    /// The generation defaults of the bundle's own task.
    GenerationDefaults generationDefaults() const
    {
        return kind == ModelKind::Qa ? qaGeneration : captionGeneration;
    }
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::ModelBundle)
