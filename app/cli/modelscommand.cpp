#include "app/cli/modelscommand.h"

#include "app/bundle/bundleregistry.h"
#include "app/bundle/checkpointbundle.h"
#include "app/engine/memorycheck.h"
#include "app/zoo/modelcatalogue.h"
#include "app/zoo/modeldownload.h"
#include "app/zoo/modelstore.h"
#include "base/json/json.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>

#include <unistd.h>

namespace mplug2::app {

namespace {
struct ModelsCommandText {
    Q_DECLARE_TR_FUNCTIONS(ModelsCommand)
};

QCommandLineOption modelsOption(const QString &name, const char *help, const QString &valueName = {})
{
    return valueName.isEmpty() ? QCommandLineOption(name, ModelsCommandText::tr(help))
                               : QCommandLineOption(name, ModelsCommandText::tr(help), valueName);
}

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

std::string str(const QString &s)
{
    return s.toStdString();
}

Expected<ModelCatalogue> catalogueFor(const ModelsParams &p)
{
    return p.catalogue.isEmpty() ? ModelCatalogue::bundled() : ModelCatalogue::load(p.catalogue);
}

int list(const ModelsParams &p, const QString &command)
{
    const ModelStore store;
    BundleRegistry registry;
    const Expected<ModelCatalogue> catalogue = catalogueFor(p);
    if (!catalogue && !p.catalogue.isEmpty())
        return reportCliError(command, QString::fromStdString(catalogue.error().message));
    const QList<BundleRegistry::Entry> entries = registry.entries();

    json::Json out = json::Json::object();
    out["models_dir"] = str(store.folder());
    json::Json available = json::Json::array();
    QTextStream text(stdout);
    if (catalogue) {
        if (!p.json)
            text << ModelsCommandText::tr("Official models (%1, licence %2):")
                        .arg(catalogue->source, catalogue->license)
                 << '\n';
        for (const CatalogueModel &m : catalogue->models) {
            const std::optional<ModelBundle> installed = registry.find(m.id);
            const qint64 partial = ModelDownload::partialBytes(store.jobFor(m).target);
            const QString state = installed ? QStringLiteral("installed")
                : partial > 0               ? QStringLiteral("partial")
                                            : QStringLiteral("available");
            json::Json e = json::Json::object();
            e["id"] = str(m.id);
            e["name"] = str(m.name);
            e["kind"] = str(modelKindName(m.kind));
            e["task"] = str(m.task);
            e["dataset"] = m.dataset.isEmpty() ? json::Json() : json::Json(str(m.dataset));
            e["metric"] = m.metric.isEmpty() ? json::Json() : json::Json(str(m.metric));
            e["score"] = m.score ? json::Json(*m.score) : json::Json();
            e["architecture"] = str(m.architecture);
            e["file"] = str(m.file);
            e["url"]
                = str(m.downloadUrl(p.mirror.isEmpty() ? ModelCatalogue::mirror() : p.mirror).toString());
            e["size"] = m.size > 0 ? json::Json(m.size) : json::Json();
            e["sha256"] = m.sha256.isEmpty() ? json::Json() : json::Json(str(m.sha256));
            e["state"] = str(state);
            e["partial_bytes"] = partial;
            available.push_back(e);
            if (!p.json) {
                QString line = QStringLiteral("  %1  %2").arg(m.id, -22).arg(m.name);
                if (const QString score = m.scoreText(); !score.isEmpty())
                    line += QStringLiteral(" (%1)").arg(score);
                if (installed)
                    line += QLatin1String("  ") + ModelsCommandText::tr("[installed]");
                else if (partial > 0)
                    line += QLatin1String("  ")
                        + ModelsCommandText::tr("[%1 downloaded; download again to resume]")
                              .arg(size(partial));
                text << line << '\n';
            }
        }
    } else if (!p.json) {
        text << ModelsCommandText::tr("No model catalogue: %1")
                    .arg(QString::fromStdString(catalogue.error().message))
             << '\n';
    }
    out["catalogue"] = available;

    json::Json installed = json::Json::array();
    if (!p.json)
        text << ModelsCommandText::tr("Installed models:") << '\n';
    for (const BundleRegistry::Entry &entry : entries) {
        json::Json e = json::Json::object();
        e["manifest"] = str(entry.manifestPath);
        if (entry.bundle) {
            const ModelBundle &b = *entry.bundle;
            e["id"] = str(b.id);
            e["name"] = str(b.name);
            e["kind"] = str(modelKindName(b.kind));
            e["checkpoint"] = str(b.checkpoint);
            e["built_in"] = b.builtIn;
            e["downloaded"] = ModelStore::isDownloaded(b);
            // What loading it on the CPU in fp32 would need (app/engine/memorycheck.h); null when unknown.
            DeviceChoice cpu = DeviceChoice::cpu();
            cpu.precision = Precision::Fp32;
            const Expected<MemoryCheck> memory = checkBundleMemory(b, cpu, -1);
            e["memory_estimate_bytes"] = memory ? json::Json(memory->need.total()) : json::Json();
            e["default"] = b.id == registry.defaultId() || (registry.defaultId().isEmpty() && b.builtIn);
            if (!p.json)
                text << QStringLiteral("  %1  %2  %3")
                            .arg(b.id, -22)
                            .arg(b.name, QDir::toNativeSeparators(b.checkpoint))
                     << '\n';
        } else {
            e["error"] = str(entry.error);
            if (!p.json)
                text << QStringLiteral("  %1  %2")
                            .arg(QDir::toNativeSeparators(entry.manifestPath), entry.error)
                     << '\n';
        }
        installed.push_back(e);
    }
    out["installed"] = installed;
    if (p.json)
        text << QString::fromStdString(json::dump(out)) << '\n';
    return 0;
}

int download(const ModelsParams &p, const QString &command)
{
    const ModelStore store;
    BundleRegistry registry;
    DownloadJob job;
    InstallOptions install;
    install.fp16 = p.fp16;
    install.replace = p.replace;
    install.makeDefault = p.makeDefault;
    QTextStream err(stderr);
    if (p.url.isEmpty()) {
        const Expected<ModelCatalogue> catalogue = catalogueFor(p);
        if (!catalogue)
            return reportCliError(command, QString::fromStdString(catalogue.error().message));
        const CatalogueModel *m = catalogue->find(p.id);
        if (!m) {
            QStringList ids;
            for (const CatalogueModel &c : catalogue->models)
                ids.append(c.id);
            return reportCliError(command,
                ModelsCommandText::tr("no model \"%1\" in the catalogue; the catalogue has: %2")
                    .arg(p.id, ids.join(QStringLiteral(", "))),
                2);
        }
        job = store.jobFor(*m, p.mirror.isEmpty() ? ModelCatalogue::mirror() : p.mirror);
        install.id = m->id;
        install.name = p.name.isEmpty() ? m->name : p.name;
        install.kind = m->kind;
        install.source = m->url;
        err << ModelsCommandText::tr("%1 is published by the mPLUG-2 authors under the %2 licence (%3).")
                   .arg(m->name, catalogue->license, catalogue->licenseUrl)
            << '\n';
    } else {
        const QUrl url = QUrl::fromUserInput(p.url, QDir::currentPath(), QUrl::AssumeLocalFile);
        if (!url.isValid()
            || (!url.isLocalFile() && url.scheme() != QLatin1String("http")
                && url.scheme() != QLatin1String("https")))
            return reportCliError(command,
                ModelsCommandText::tr("--url must be an http(s) URL or a local file: %1").arg(p.url), 2);
        if (ModelStore::fileNameOf(url).isEmpty())
            return reportCliError(command, ModelsCommandText::tr("the URL %1 names no file").arg(p.url), 2);
        job = store.jobFor(url, p.id);
        install.id = p.id;
        install.name = p.name;
        install.kind = p.kind.value_or(ModelKind::Caption);
        install.source = url;
    }
    if (const std::optional<QString> conflict = store.conflict(install.id, p.replace, registry))
        return reportCliError(command, *conflict, 2);
    // A file finished before is checked and imported again (its import may have failed), unless replaced.
    if (p.replace && QFileInfo::exists(job.target))
        QFile::remove(job.target);
    if (install.fp16)
        job.extraFraction = 0.5; // the fp16 copy beside the download

    ModelDownload fetch(job);
    const bool terminal = isatty(STDERR_FILENO) == 1;
    QObject::connect(&fetch, &ModelDownload::notice, [&](const QString &text) {
        if (terminal)
            err << '\n';
        err << command << ": " << text << '\n';
        err.flush();
    });
    int lastTenth = -1;
    QObject::connect(&fetch, &ModelDownload::progress, [&](const DownloadProgress &pr) {
        QString line = pr.total > 0 ? ModelsCommandText::tr("%1 of %2 (%3%)")
                                          .arg(size(pr.received), size(pr.total))
                                          .arg(100 * pr.received / pr.total)
                                    : size(pr.received);
        if (pr.bytesPerSecond > 0)
            line += QStringLiteral(", %1/s").arg(size(qint64(pr.bytesPerSecond)));
        if (pr.secondsLeft >= 0)
            line += ModelsCommandText::tr(", %1 s left").arg(qint64(pr.secondsLeft + 0.5));
        if (terminal) {
            err << '\r' << line << QStringLiteral("\x1b[K");
            err.flush();
        } else if (pr.total > 0 && int(10 * pr.received / pr.total) != lastTenth) {
            lastTenth = int(10 * pr.received / pr.total);
            err << line << '\n';
            err.flush();
        }
    });
    err << ModelsCommandText::tr("Downloading %1 to %2")
               .arg(job.url.toDisplayString(), QDir::toNativeSeparators(job.target));
    if (const qint64 partial = ModelDownload::partialBytes(job.target); partial > 0)
        err << ModelsCommandText::tr(" (resuming after %1)").arg(size(partial));
    err << '\n';
    err.flush();
    QEventLoop loop;
    QObject::connect(&fetch, &ModelDownload::finished, &loop, &QEventLoop::quit);
    fetch.start();
    loop.exec();
    if (terminal)
        err << '\n';
    const Expected<DownloadOutcome> &outcome = fetch.result();
    if (!outcome)
        return reportCliError(command, QString::fromStdString(outcome.error().message));

    err << ModelsCommandText::tr("Checking and importing %1…").arg(QFileInfo(outcome->path).fileName())
        << '\n';
    err.flush();
    const Expected<ModelBundle> bundle = store.install(*outcome, install, registry);
    if (!bundle)
        return reportCliError(command, QString::fromStdString(bundle.error().message));
    if (p.json) {
        json::Json out = json::Json::object();
        out["id"] = str(bundle->id);
        out["manifest"] = str(bundle->manifestPath);
        out["file"] = str(outcome->path);
        out["checkpoint"] = str(bundle->checkpoint);
        out["size"] = outcome->size;
        out["sha256"] = str(outcome->sha256);
        out["resumed_from"] = outcome->resumedFrom >= 0 ? json::Json(outcome->resumedFrom) : json::Json();
        json::Json notices = json::Json::array();
        for (const QString &n : outcome->notices)
            notices.push_back(str(n));
        out["notices"] = notices;
        QTextStream(stdout) << QString::fromStdString(json::dump(out)) << '\n';
    } else {
        QTextStream(stdout) << bundle->manifestPath << '\n';
    }
    return 0;
}

int remove(const ModelsParams &p, const QString &command)
{
    BundleRegistry registry;
    const Expected<QStringList> deleted = ModelStore().remove(p.id, registry);
    if (!deleted)
        return reportCliError(command, QString::fromStdString(deleted.error().message));
    QTextStream out(stdout);
    for (const QString &f : *deleted)
        out << ModelsCommandText::tr("deleted %1").arg(QDir::toNativeSeparators(f)) << '\n';
    out << ModelsCommandText::tr("removed %1").arg(p.id) << '\n';
    return 0;
}

} // namespace

CliParsed<ModelsParams> parseModelsParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ModelsCommandText::tr(
        "The official mPLUG-2 models: list them, download one (resuming where the last try stopped, "
        "then importing it), or remove a download."));
    parser.addHelpOption();
    const QCommandLineOption json
        = modelsOption(QStringLiteral("json"), QT_TRANSLATE_NOOP("ModelsCommand", "list: print JSON."));
    const QCommandLineOption url = modelsOption(QStringLiteral("url"),
        QT_TRANSLATE_NOOP("ModelsCommand",
            "download: fetch this URL (or local file) instead of a catalogue model; needs --id."),
        QStringLiteral("url"));
    const QCommandLineOption id = modelsOption(QStringLiteral("id"),
        QT_TRANSLATE_NOOP("ModelsCommand", "download --url: the id that --model resolves."),
        QStringLiteral("id"));
    const QCommandLineOption name = modelsOption(QStringLiteral("name"),
        QT_TRANSLATE_NOOP("ModelsCommand", "download: the name shown to people."), QStringLiteral("text"));
    const QCommandLineOption kind = modelsOption(QStringLiteral("kind"),
        QT_TRANSLATE_NOOP("ModelsCommand", "download --url: caption (default), qa or pretrain."),
        QStringLiteral("kind"));
    const QCommandLineOption fp16 = modelsOption(QStringLiteral("fp16"),
        QT_TRANSLATE_NOOP(
            "ModelsCommand", "download: also write an fp16 .safetensors copy (half the size) and use it."));
    const QCommandLineOption replace = modelsOption(QStringLiteral("replace"),
        QT_TRANSLATE_NOOP("ModelsCommand", "download: replace an installed model of the same id."));
    const QCommandLineOption makeDefault = modelsOption(QStringLiteral("default"),
        QT_TRANSLATE_NOOP("ModelsCommand", "download: make it the default model."));
    const QCommandLineOption mirror = modelsOption(QStringLiteral("mirror"),
        QT_TRANSLATE_NOOP("ModelsCommand",
            "A URL prefix or a local folder that holds the official files "
            "(default: $MPLUG2_MODEL_MIRROR)."),
        QStringLiteral("url|dir"));
    const QCommandLineOption catalogue = modelsOption(QStringLiteral("catalogue"),
        QT_TRANSLATE_NOOP("ModelsCommand", "Another catalogue file (default: the bundled one)."),
        QStringLiteral("file"));
    parser.addOptions({json, url, id, name, kind, fp16, replace, makeDefault, mirror, catalogue});
    parser.addPositionalArgument(QStringLiteral("action"), ModelsCommandText::tr("list, download or remove."),
        QStringLiteral("list|download|remove"));
    parser.addPositionalArgument(QStringLiteral("id"),
        ModelsCommandText::tr("The model (download: a catalogue id; remove: an installed id)."),
        QStringLiteral("[ID]"));
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return usageStop(ModelsCommandText::tr("give an action: list, download or remove"));
    ModelsParams p;
    const QString action = pos.constFirst();
    if (action == QLatin1String("list"))
        p.action = ModelsParams::Action::List;
    else if (action == QLatin1String("download"))
        p.action = ModelsParams::Action::Download;
    else if (action == QLatin1String("remove"))
        p.action = ModelsParams::Action::Remove;
    else
        return usageStop(
            ModelsCommandText::tr("unknown action \"%1\": use list, download or remove").arg(action));
    p.url = parser.value(url);
    p.name = parser.value(name);
    p.mirror = parser.value(mirror);
    p.catalogue = parser.value(catalogue);
    p.fp16 = parser.isSet(fp16);
    p.replace = parser.isSet(replace);
    p.makeDefault = parser.isSet(makeDefault);
    p.json = parser.isSet(json);
    if (parser.isSet(kind)) {
        const Expected<ModelKind> k = parseModelKind(parser.value(kind));
        if (!k)
            return usageStop(QString::fromStdString(k.error().message));
        p.kind = *k;
    }
    switch (p.action) {
    case ModelsParams::Action::List:
        if (pos.size() != 1)
            return usageStop(ModelsCommandText::tr("list takes no model"));
        break;
    case ModelsParams::Action::Download:
        if (!p.url.isEmpty()) {
            if (pos.size() != 1)
                return usageStop(ModelsCommandText::tr("give either a catalogue id or --url, not both"));
            if (!parser.isSet(id))
                return usageStop(ModelsCommandText::tr("--url needs --id: the id that --model will resolve"));
            p.id = parser.value(id);
        } else {
            if (pos.size() != 2)
                return usageStop(
                    ModelsCommandText::tr("give one catalogue id (see `models list`), or --url URL --id ID"));
            if (parser.isSet(kind))
                return usageStop(
                    ModelsCommandText::tr("--kind goes with --url; a catalogue model has its kind"));
            p.id = pos.at(1);
            if (parser.isSet(id))
                return usageStop(ModelsCommandText::tr(
                    "--id goes with --url; a catalogue model is installed under its own id"));
        }
        if (bundleIdFrom(p.id) != p.id)
            return usageStop(ModelsCommandText::tr(
                "\"%1\" is not a valid id: use lower-case letters, digits, '.', '_' and '-'")
                                 .arg(p.id));
        break;
    case ModelsParams::Action::Remove:
        if (pos.size() != 2)
            return usageStop(ModelsCommandText::tr("give the id of the model to remove"));
        p.id = pos.at(1);
        break;
    }
    return p;
}

int runModels(const ModelsParams &params, const QString &command)
{
    switch (params.action) {
    case ModelsParams::Action::List:
        return list(params, command);
    case ModelsParams::Action::Download:
        return download(params, command);
    case ModelsParams::Action::Remove:
        return remove(params, command);
    }
    return 2;
}

int runModelsCommand(const QStringList &args)
{
    const CliParsed<ModelsParams> parsed = parseModelsParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runModels(std::get<ModelsParams>(parsed), args.value(0));
}

} // namespace mplug2::app
