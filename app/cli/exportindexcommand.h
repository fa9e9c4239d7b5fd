#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 export-index --db FILE|URI [--format jsonl|csv] [-o FILE]`: every
/// file of an index, one line each (path, caption, kind, size, ...).
int runExportIndexCommand(const QStringList &args);
} // namespace mplug2::app
