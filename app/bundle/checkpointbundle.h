#pragma once
/// A bundle for a bare checkpoint, as `--checkpoint F --vocab V` and
/// `mplug2 import` make one: the official configuration files, when given,
/// supply what tensor shapes cannot tell (head counts, stride_layer) plus
/// image_res, frames, prompt and the generation defaults of the yaml.
///
///     CheckpointBundleOptions o;
///     o.checkpoint = "mPLUG2_MSRVTT_QA.pth";
///     o.vocab = BundledResources::vocabulary();
///     o.kind = ModelKind::Qa;
///     Expected<ModelBundle> bundle = bundleForCheckpoint(o);

#include "app/bundle/modelbundle.h"
#include "base/expected.h"

#include <QString>

namespace mplug2::app {

struct CheckpointBundleOptions {
    QString checkpoint;
    QString vocab; ///< "" = the bundled BERT vocabulary
    QString tokenizerKind = QStringLiteral("wordpiece");
    QString clipBpe;
    ModelKind kind = ModelKind::Caption;
    /// Official config_bert*.json and the task's model config as JSON
    /// (the yaml's keys), both optional.
    QString bertConfigFile;
    QString modelConfigFile;
    /// Defaults to a name made from the checkpoint's file name.
    QString id;
    QString name;
};

/// Checks the files and reads the configs; the checkpoint itself is read
/// only when the engine loads the bundle.
Expected<ModelBundle> bundleForCheckpoint(const CheckpointBundleOptions &options);

/// Copies the bundle's vocabulary into `folder` (the bundle's own) and points
/// the bundle at the copy. Returns the copy's file name, "" when the
/// vocabulary was there already; an Io error when it cannot be copied.
Expected<QString> copyVocabularyInto(ModelBundle &bundle, const QString &folder);

/// A valid bundle id made from any text ("mPLUG2_MSRVTT_QA.pth" -> "mplug2_msrvtt_qa").
QString bundleIdFrom(const QString &text);

} // namespace mplug2::app
