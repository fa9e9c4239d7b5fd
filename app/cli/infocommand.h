#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 info [--json]`: versions, threads, BLAS, devices and licences.
int runInfoCommand(const QStringList &args);
} // namespace mplug2::app
