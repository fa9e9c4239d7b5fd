#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 index --db FILE [--model BUNDLE] [--json] DIR...`: index folders
/// for search (incremental; safe to run again and to kill).
int runIndexCommand(const QStringList &args);
} // namespace mplug2::app
