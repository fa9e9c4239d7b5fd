#pragma once
/// The checkpoint commands, as params + parse + run:
///
///     const CliParsed<ConvertParams> parsed = parseConvertParams(args);  // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runConvert(std::get<ConvertParams>(parsed), args.value(0));

#include "app/cli/commandlineparsing.h"
#include "model/checkpoint/elementtype.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {
struct InspectParams {
    QString file;
    bool json = false;
    bool keys = false; ///< list every model weight too
    bool operator==(const InspectParams &other) const = default;
};

/// `mplug2 inspect FILE [--json] [--keys]`: format, top-level entries, key
/// groups with counts and bytes, dtypes, and what loading ignores and why;
/// reads no tensor data.
CliParsed<InspectParams> parseInspectParams(const QStringList &args);
int runInspect(const InspectParams &params, const QString &command);
int runInspectCommand(const QStringList &args);

struct ConvertParams {
    QString input;
    QString output;
    std::optional<model::ElementType> floatingType; ///< nullopt: as stored
    bool operator==(const ConvertParams &other) const = default;
};

/// `mplug2 convert IN OUT.safetensors [--dtype fp16|bf16|fp32]`: writes the
/// inference weights (normalised keys, no optimizer or momentum copies).
CliParsed<ConvertParams> parseConvertParams(const QStringList &args);
int runConvert(const ConvertParams &params, const QString &command);
int runConvertCommand(const QStringList &args);
} // namespace mplug2::app
