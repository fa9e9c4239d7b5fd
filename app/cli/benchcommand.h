#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 bench <what> [options]`: benchmarks that need the app layer
/// (`mplug2-bench` covers the model alone). `mplug2 bench --help` lists them.
int runBenchCommand(const QStringList &args);
} // namespace mplug2::app
