#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 bench media [FILE] [--generate] [--frames N] [--repeat R] [--threads T] [--json]`:
/// time to get a model's frames out of a video (see app/bench/mediabench.h);
/// `mplug2 bench retrieval [...]`: the search index (see retrievalbench.h);
/// `mplug2 bench catalog --db FILE|URI [...]`: a shared index (see catalogbench.h).
int runBenchCommand(const QStringList &args);
} // namespace mplug2::app
