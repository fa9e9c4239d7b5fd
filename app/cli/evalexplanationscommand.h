#pragma once
/// `mplug2 eval-explanations [--model BUNDLE] [--items N] [--seed N] [--json] [--check]`:
/// the pointing game and deletion / insertion AUC of every explanation
/// method of a demo model on held-out synthetic scenes
/// (app/demo/explanationevaluation.h). Returns 0 on success, 1 when
/// something failed (or, with --check, occlusion's pointing game is below
/// 90% or a method does not beat a random map), 2 for usage errors.
///
///     const CliParsed<EvalExplanationsParams> parsed = parseEvalExplanationsParams(args);
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runEvalExplanations(std::get<EvalExplanationsParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "app/demo/explanationevaluation.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

struct EvalExplanationsParams {
    QString bundle; ///< --model, else the bundled demo model's manifest
    int items = ExplanationEvaluationOptions().items; ///< held-out scenes
    uint64_t seed = ExplanationEvaluationOptions().seed; ///< of the held-out scenes
    bool json = false; ///< one JSON object
    bool check = false; ///< exit with 1 when a threshold is missed
    bool operator==(const EvalExplanationsParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 eval-explanations"); a CliStop for
/// --help, usage errors and a missing bundled demo model (exit 1).
CliParsed<EvalExplanationsParams> parseEvalExplanationsParams(const QStringList &args);
/// Evaluates and prints the report; the exit code. `command` prefixes messages.
int runEvalExplanations(const EvalExplanationsParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 eval-explanations` entry point.
int runEvalExplanationsCommand(const QStringList &args);

} // namespace mplug2::app
