#pragma once
/// `mplug2 import CHECKPOINT --out DIR [--vocab F] [--kind K] [--bert-config F]
/// [--model-config F] [--clip-bpe F] [--id ID] [--name TEXT] [--check]
/// [--register | --default] [--replace]`: writes a model bundle for an
/// official checkpoint, and registers it. Never overwrites without --replace.
///
///     const CliParsed<ImportParams> parsed = parseImportParams(args);   // no process needed
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runImport(std::get<ImportParams>(parsed), args.value(0));

#include "app/bundle/modelbundle.h"
#include "app/cli/commandlineparsing.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct ImportParams {
    QString checkpoint;
    QString out;
    QString vocab; ///< "" = the bundled BERT vocabulary
    QString tokenizer; ///< "" = wordpiece
    std::optional<ModelKind> kind; ///< nullopt = caption
    QString bertConfig;
    QString modelConfig;
    QString clipBpe;
    QString id; ///< "" = from the file name
    QString name;
    bool check = false; ///< load it once on the CPU
    bool registerIt = false;
    bool makeDefault = false; ///< implies registerIt
    bool replace = false;
    bool operator==(const ImportParams &other) const = default;
};

/// Reads `args` (args[0] is "mplug2 import"); a CliStop for --help and usage errors.
CliParsed<ImportParams> parseImportParams(const QStringList &args);
/// Writes (and registers) the bundle; the exit code. `command` prefixes messages.
int runImport(const ImportParams &params, const QString &command);
/// parse + run, printing a stop: the `mplug2 import` entry point.
int runImportCommand(const QStringList &args);

} // namespace mplug2::app
