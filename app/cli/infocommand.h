#pragma once
/// `mplug2 info [--json]`: versions, threads, BLAS, devices and licences,
/// as params + parse + run.

#include "app/cli/commandlineparsing.h"

#include <QStringList>

namespace mplug2::app {

struct InfoParams {
    bool json = false;
    bool operator==(const InfoParams &other) const = default;
};

CliParsed<InfoParams> parseInfoParams(const QStringList &args);
int runInfo(const InfoParams &params);
int runInfoCommand(const QStringList &args);

} // namespace mplug2::app
