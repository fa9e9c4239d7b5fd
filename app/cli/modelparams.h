#pragma once
/// The model a command runs and how, as plain values: which model (a bundle
/// or a bare checkpoint), where it runs, how many frames it reads and how it
/// generates. ModelOptions fills it from the command line; a command's
/// parameters hold one, and its run resolves it.
///
///     ModelParams p;                        // the default model, auto device
///     p.checkpoint = u"mPLUG2_MSRVTT_QA.pth"_s;
///     p.beam = 5;
///     Expected<ModelBundle> bundle = p.bundle();
///     Expected<DeviceChoice> device = p.deviceChoice();
///     EngineRequest r = EngineRequest::caption(media);
///     p.applyTo(r);

#include "app/bundle/modelbundle.h"
#include "app/engine/devicechoice.h"
#include "app/engine/enginerequest.h"
#include "base/expected.h"

#include <QString>

#include <optional>

namespace mplug2::app {

struct ModelParams {
    /// What the command asks of the model (`ask` -> Qa, `caption` ->
    /// Caption): it decides the kind of a bare checkpoint without --kind, and
    /// a model that cannot do it is refused before it is loaded.
    std::optional<ModelKind> commandKind;

    // Which model, as given: checked when bundle() resolves them.
    std::optional<QString> model; ///< --model: a folder, a manifest or a registered id
    std::optional<QString> checkpoint; ///< --checkpoint: run a checkpoint without a bundle
    std::optional<QString> vocab; ///< these five go with --checkpoint
    std::optional<QString> tokenizer;
    std::optional<QString> kind; ///< a model kind's name, read by checkpointKind()
    std::optional<QString> bertConfig;
    std::optional<QString> modelConfig;
    std::optional<QString> clipBpe;

    // Where it runs, as given ("" = auto): read by deviceChoice().
    QString device;
    QString precision;

    // Checked numbers; nullopt = the request's own (the model's default).
    std::optional<int> frames;
    std::optional<int> beam;
    std::optional<int> minLength;
    std::optional<int> maxLength;
    std::optional<int> numResults;
    std::optional<int> topK;
    std::optional<int> seed;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<DecodingMethod> decoding;

    bool operator==(const ModelParams &other) const = default;

    /// The bundle: --checkpoint's, --model's or the installed default; an
    /// error for options that do not go together, a model that cannot be
    /// found, or one that cannot do the command's task.
    Expected<ModelBundle> bundle() const;
    /// The kind of a bare checkpoint: --kind, else a file name that says
    /// Pretrain, else the command's, else a file name that says QA or Caption,
    /// else caption. An error for a --kind that is not a kind.
    Expected<ModelKind> checkpointKind() const;
    Expected<DeviceChoice> deviceChoice() const;
    /// Whether the user chose a precision (anything but auto).
    bool precisionGiven() const;
    /// Copies the frames and the generation options that were given into `request`.
    void applyTo(EngineRequest &request) const;
};

} // namespace mplug2::app
