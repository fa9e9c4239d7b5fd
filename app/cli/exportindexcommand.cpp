#include "app/cli/exportindexcommand.h"

#include "app/cli/rootoptions.h"
#include "app/retrieval/catalog.h"
#include "app/retrieval/searchresultsexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>

namespace mplug2::app {

namespace {

struct ExportIndexCommandText {
    Q_DECLARE_TR_FUNCTIONS(ExportIndexCommand)
};

} // namespace

CliParsed<ExportIndexParams> parseExportIndexParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ExportIndexCommandText::tr(
        "Write every file of an index, one line each: its path, the caption stored while indexing "
        "(mplug2 index --captions), kind, size, times and size in pixels. JSON Lines or CSV, to "
        "standard output or a file (written whole or not at all)."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"),
        ExportIndexCommandText::tr("The index: a file, or a shared index on a PostgreSQL server "
                                   "(postgresql://user@host:port/database)."),
        QStringLiteral("FILE|URI"));
    const QCommandLineOption format(QStringLiteral("format"),
        ExportIndexCommandText::tr("jsonl (default) or csv."), QStringLiteral("jsonl|csv"),
        QStringLiteral("jsonl"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
        ExportIndexCommandText::tr("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption rootNames = rootNameOption();
    parser.addOptions({db, format, output, rootNames});
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    if (!parser.isSet(db))
        return usageStop(ExportIndexCommandText::tr("--db FILE|URI is required"));
    const QString chosen = parser.value(format).toLower();
    if (chosen != QLatin1String("jsonl") && chosen != QLatin1String("csv"))
        return usageStop(ExportIndexCommandText::tr("--format is jsonl or csv"));
    const Expected<QList<CatalogRoot>> named = readRootNames(parser.values(rootNames));
    if (!named)
        return usageStop(QString::fromStdString(named.error().message));

    ExportIndexParams p;
    p.db = parser.value(db);
    p.csv = chosen == QLatin1String("csv");
    if (parser.isSet(output))
        p.output = parser.value(output);
    p.rootNames = *named;
    return p;
}

int runExportIndex(const ExportIndexParams &params, const QString &command)
{
    const QString &location = params.db;
    Catalog::addLocalRoots(location, params.rootNames);
    if (!Catalog::isServerLocation(location) && !QFileInfo::exists(location))
        return reportCliError(command,
            ExportIndexCommandText::tr("there is no index %1: make one with 'mplug2 index'").arg(location));
    Expected<std::unique_ptr<Catalog>> catalog = Catalog::open(location);
    if (!catalog)
        return reportCliError(command, QString::fromStdString(catalog.error().message));
    // Every file lives under "/" (catalog paths are absolute).
    Expected<QList<CatalogEntry>> entries = (*catalog)->entriesUnder(QStringLiteral("/"), QString());
    if (!entries)
        return reportCliError(command, QString::fromStdString(entries.error().message));
    std::sort(entries->begin(), entries->end(),
        [](const CatalogEntry &a, const CatalogEntry &b) { return a.path < b.path; });

    QSaveFile file;
    QFile stdoutFile;
    QIODevice *out = nullptr;
    if (params.output) {
        file.setFileName(*params.output);
        if (!file.open(QIODevice::WriteOnly))
            return reportCliError(command,
                ExportIndexCommandText::tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
        out = &file;
    } else {
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return reportCliError(command, ExportIndexCommandText::tr("cannot write to standard output"));
        out = &stdoutFile;
    }
    bool written = !params.csv || out->write(catalogCsvHeader()) >= 0;
    for (const CatalogEntry &e : std::as_const(*entries)) {
        if (!written)
            break;
        written = out->write(params.csv ? catalogEntryCsv(e) : catalogEntryJsonLine(e)) >= 0;
    }
    if (params.output) {
        if (!written || !file.commit())
            return reportCliError(command,
                ExportIndexCommandText::tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    } else {
        stdoutFile.flush();
    }
    return 0;
}

int runExportIndexCommand(const QStringList &args)
{
    const CliParsed<ExportIndexParams> parsed = parseExportIndexParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runExportIndex(std::get<ExportIndexParams>(parsed), args.value(0));
}

} // namespace mplug2::app
