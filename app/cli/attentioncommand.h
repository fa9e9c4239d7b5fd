#pragma once
/// `mplug2 attention -o PATH [--format F] [--question Q] [--method M] [figure
/// options] [--faithfulness] [--json] [model options] MEDIA`: where the model
/// looked while it captioned (or answered), written as PNGs, a contact
/// sheet, a GIF, an MP4 or an HTML report; as params + parse + run.
///
///     const CliParsed<AttentionParams> parsed = parseAttentionParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runAttention(std::get<AttentionParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"
#include "app/export/exporter.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct AttentionParams {
    QString media;
    QString output; ///< a file, or a folder for attention-png
    QString format; ///< the exporter's id: attention-png, contact-sheet, gif, mp4 or html
    std::optional<QString> question; ///< answer it (QA model) instead of captioning
    AttentionMethod method = AttentionMethod::CrossAttention;
    OcclusionMasking masking = OcclusionMasking::Patches; ///< with AttentionMethod::Occlusion
    QString colormap = AttentionExportOptions().colormap;
    double opacity = AttentionExportOptions().opacity;
    double framesPerSecond = AttentionExportOptions().framesPerSecond;
    // As given ("" = all tokens, mean of layers and heads): checked against the answer's maps.
    QString token;
    QString layer;
    QString head;
    bool faithfulness = false; ///< also grade the map (deletion and insertion AUC)
    bool json = false; ///< print the result, maps included, as one JSON object
    ModelParams model;
    bool operator==(const AttentionParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 attention"); a CliStop for --help and usage errors.
CliParsed<AttentionParams> parseAttentionParams(const QStringList &args);
/// Loads the model, runs the medium and writes the figures; the exit code. `command` prefixes messages.
int runAttention(const AttentionParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 attention` entry point.
int runAttentionCommand(const QStringList &args);

} // namespace mplug2::app
