#pragma once
/// `mplug2 classify (--labels A,B,C | --labels-file FILE) [--method M]
/// [--template T] [--question Q] [--json] [model options] MEDIA...`:
/// zero-shot label probabilities of each image or video, as params + parse + run.
///
///     const CliParsed<ClassifyParams> parsed = parseClassifyParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runClassify(std::get<ClassifyParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/cli/modelparams.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct ClassifyParams {
    QStringList labels; ///< --labels, then the lines of --labels-file; at least two
    QStringList media;
    std::optional<ClassifyMethod> method; ///< nullopt = the engine's default
    std::optional<QString> labelTemplate; ///< holds "{}"; nullopt = the engine's default
    QString question; ///< with a question-answering model: the question the labels answer
    ModelParams model;
    bool json = false; ///< one JSON object per media item
    bool operator==(const ClassifyParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 classify") and the --labels-file; a
/// CliStop for --help, usage errors and a labels file that cannot be read (exit 1).
CliParsed<ClassifyParams> parseClassifyParams(const QStringList &args);
/// Loads the model and classifies every medium; the exit code. `command` prefixes messages.
int runClassify(const ClassifyParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 classify` entry point.
int runClassifyCommand(const QStringList &args);

} // namespace mplug2::app
