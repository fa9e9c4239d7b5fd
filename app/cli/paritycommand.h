#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 parity DIR [--device cpu|cuda[:N]] [--precision fp32|fp16|bf16] [--case TEXT]`:
/// every case of DIR/cases.json (model and media kinds) against the official
/// outputs; last line `parity: P/N cases passed, worst max-abs-diff X`; exit 0
/// only when all pass.
int runParityCommand(const QStringList &args);
} // namespace mplug2::app
