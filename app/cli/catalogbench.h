#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 bench catalog --db FILE|URI`: what a shared index costs (store
/// throughput for 1, 2 and 4 workers, claim overhead per file) and its
/// client-side search index (first build, cached load, search p50/p95).
int runCatalogBench(const QStringList &args);
} // namespace mplug2::app
