#pragma once
/// The demo model's commands, each as params + parse + run:
///   train-demo --out DIR [--seed S] [--minutes M]   trains it from scratch (resumes in DIR)
///   eval-demo [--model BUNDLE] [--json]              scores it on held-out H.264/PNG files
/// Both return 0 on success, 1 when something failed, 2 for usage errors;
/// eval-demo with --check also returns 1 when a threshold of issue 10 is missed.
///
///     const CliParsed<EvalDemoParams> parsed = parseEvalDemoParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runEvalDemo(std::get<EvalDemoParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "model/runtime/computetarget.h"
#include "model/train/demotrainer.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct TrainDemoParams {
    QString out; ///< the bundle's folder, absolute
    uint64_t seed = model::train::DemoTrainingOptions::defaultParams().seed;
    double maxMinutes = model::train::DemoTrainingOptions::defaultParams().maxMinutes; ///< 0 = no limit
    int threads
        = model::train::DemoTrainingOptions::defaultParams().threads; ///< per replica; 0 = shared CPUs
    bool operator==(const TrainDemoParams &other) const = default;
};

CliParsed<TrainDemoParams> parseTrainDemoParams(const QStringList &args);
int runTrainDemo(const TrainDemoParams &params, const QString &command);
int runTrainDemoCommand(const QStringList &args);

/// eval-demo scores the model, or does one of three other things instead:
/// writeSamples, attentionFigure or classifyTemplates, in that order.
struct EvalDemoParams {
    std::optional<QString> writeSamples; ///< only write the bundled sample media into this folder
    QString bundle; ///< --model, else the bundled demo model's manifest
    std::optional<QString> attentionFigure; ///< only draw the attention figure of figureMedia into this PNG
    QString figureMedia; ///< --media, else the bundled sample clip
    bool classifyTemplates = false; ///< only measure classify's templates and scoring methods
    std::optional<int> items; ///< held-out files; nullopt = the task's default
    QString keep; ///< keep the media files in this folder; "" = a temporary one
    model::Precision precision = model::Precision::Fp32;
    bool json = false; ///< one JSON object
    bool check = false; ///< exit with 1 when a threshold is missed
    bool operator==(const EvalDemoParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 eval-demo"); a CliStop for --help,
/// usage errors and a missing bundled demo model (exit 1).
CliParsed<EvalDemoParams> parseEvalDemoParams(const QStringList &args);
int runEvalDemo(const EvalDemoParams &params, const QString &command);
int runEvalDemoCommand(const QStringList &args);

} // namespace mplug2::app
