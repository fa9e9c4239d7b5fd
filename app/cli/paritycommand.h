#pragma once
/// `mplug2 parity DIR [--device cpu|cuda[:N]] [--precision fp32|fp16|bf16] [--case TEXT]`:
/// every case of DIR/cases.json (model and media kinds) against the official
/// outputs; last line `parity: P/N cases passed, S skipped, worst max-abs-diff X`; exit 0
/// only when all pass. As params + parse + run.

#include "app/cli/commandlineparsing.h"

#include <QString>
#include <QStringList>

namespace mplug2::app {

struct ParityParams {
    QString fixtures; ///< the folder holding cases.json
    QString device = QStringLiteral("cpu"); ///< checked when run (the device must exist here)
    QString precision = QStringLiteral("fp32"); ///< "fp32", "fp16" or "bf16"
    QString caseFilter; ///< only ids containing it; "" = all
};

CliParsed<ParityParams> parseParityParams(const QStringList &args);
int runParity(const ParityParams &params, const QString &command);
int runParityCommand(const QStringList &args);

} // namespace mplug2::app
