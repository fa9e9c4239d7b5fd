#include "app/cli/searchcommand.h"

#include "app/bundle/bundleregistry.h"
#include "app/cli/clisession.h"
#include "app/cli/modeloptions.h"
#include "app/cli/retrievalmodel.h"
#include "app/cli/rootoptions.h"
#include "app/cli/textlistfile.h"
#include "app/retrieval/catalog.h"
#include "app/retrieval/mediasearch.h"
#include "app/retrieval/modelkey.h"
#include "app/retrieval/searchresultsexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

namespace mplug2::app {

namespace {

struct SearchCommandText {
    Q_DECLARE_TR_FUNCTIONS(SearchCommand)
};

/// The model whose embeddings the search uses, the bundle to load when the
/// search needs the model itself, and where to run it.
struct ModelChoice {
    QString key;
    std::optional<ModelBundle> bundle;
    DeviceChoice device;
};

/// A catalogued space made in another precision than the one asked for can
/// still be searched: the model runs in the space's precision when the user
/// did not ask for one and the device computes in it.
Expected<DeviceChoice> deviceForSpace(const QString &key, DeviceChoice device, bool precisionGiven)
{
    const std::optional<Precision> wanted = precisionOfModelKey(key);
    if (!wanted || *wanted == device.effectivePrecision())
        return device;
    const bool runsThere = device.kind == DeviceKind::Cuda || *wanted != Precision::Fp16;
    if (precisionGiven || !runsThere)
        return makeError(ErrorCode::InvalidArgument,
            SearchCommandText::tr(
                "the index holds %1 embeddings of this model and the search would compute in %2: "
                "pass --precision %1%3")
                .arg(precisionName(*wanted), precisionName(device.effectivePrecision()),
                    runsThere ? QString() : QStringLiteral(" --device cuda"))
                .toStdString());
    device.precision = *wanted;
    return device;
}

Expected<ModelChoice> chooseModel(
    Catalog *catalog, const ModelParams &model, const DeviceChoice &device, bool precisionGiven)
{
    const Precision precision = device.effectivePrecision();
    if (model.model || model.checkpoint || !catalog) {
        Expected<ModelBundle> bundle = retrievalBundle(model);
        if (!bundle)
            return bundle.error();
        Expected<QString> key = modelKey(*bundle, precision);
        if (!key)
            return key.error();
        return ModelChoice {*key, *bundle, device};
    }
    Expected<QList<EmbeddingSpace>> spaces = catalog->spaces();
    if (!spaces)
        return spaces.error();
    QList<EmbeddingSpace> models;
    for (const EmbeddingSpace &s : *spaces)
        if (s.kind == EmbeddingKind::Clip && s.count > 0)
            models.append(s);
    if (models.isEmpty())
        return makeError(ErrorCode::NotFound,
            SearchCommandText::tr("the index %1 is empty: run 'mplug2 index --db %1 DIR' first")
                .arg(QDir::toNativeSeparators(catalog->location()))
                .toStdString());
    // The default model when the index has its embeddings, else the one model the index knows.
    if (Expected<ModelBundle> def = retrievalBundle(model); def)
        if (Expected<QString> key = modelKey(*def, precision); key)
            for (const EmbeddingSpace &s : models)
                if (s.modelKey == *key)
                    return ModelChoice {*key, *def, device};
    if (models.size() > 1) {
        QStringList keys;
        for (const EmbeddingSpace &s : models)
            keys << QStringLiteral("%1 (%2)").arg(s.modelKey, s.bundleId);
        return makeError(ErrorCode::InvalidArgument,
            SearchCommandText::tr(
                "the index holds embeddings of several models (%1): choose one with --model "
                "and --precision")
                .arg(keys.join(QStringLiteral(", ")))
                .toStdString());
    }
    const QString key = models.first().modelKey;
    Expected<DeviceChoice> runOn = deviceForSpace(key, device, precisionGiven);
    if (!runOn)
        return runOn.error();
    ModelChoice choice {key, std::nullopt, *runOn};
    // The bundle the index was made with, or any bundle of the same checkpoint.
    BundleRegistry registry;
    QList<ModelBundle> candidates;
    if (Expected<ModelBundle> made = registry.resolve(models.first().bundleId); made)
        candidates << *made;
    if (Expected<ModelBundle> def = retrievalBundle(model); def)
        candidates << *def;
    for (const ModelBundle &bundle : std::as_const(candidates))
        if (Expected<QString> k = modelKey(bundle, runOn->effectivePrecision()); k && *k == key) {
            choice.bundle = bundle;
            break;
        }
    return choice;
}

/// The query of `params`; a search of several --text sentences sets each in turn.
SearchQuery queryOf(const SearchParams &params)
{
    SearchQuery query;
    query.top = params.top;
    query.rerank = params.rerank;
    if (params.minDuration)
        query.filter.minDurationSeconds = *params.minDuration;
    if (params.maxDuration)
        query.filter.maxDurationSeconds = *params.maxDuration;
    query.filter.folders = params.folders;
    query.filter.kind = params.type;
    query.moments = params.moments;
    if (!params.texts.isEmpty()) {
        query.mode = SearchMode::TextToMedia;
        query.text = params.texts.constFirst();
    } else if (params.like) {
        query.mode = SearchMode::MediaToMedia;
        query.mediaPath = *params.like;
    } else {
        query.mode = SearchMode::MediaToText;
        query.mediaPath = params.media.value_or(QString());
        query.sentences = params.sentences;
    }
    return query;
}

bool hasStoredEmbedding(Catalog &catalog, const QString &mediaPath, const QString &key)
{
    Expected<std::optional<CatalogEntry>> entry
        = catalog.entry(QDir::cleanPath(QFileInfo(mediaPath).absoluteFilePath()));
    Expected<std::optional<EmbeddingSpace>> space = catalog.space(key, EmbeddingKind::Clip);
    if (!entry || !*entry || !space || !*space)
        return false;
    Expected<std::optional<QList<float>>> vector = catalog.embedding((*entry)->id, (*space)->id);
    return vector && *vector;
}

} // namespace

CliParsed<SearchParams> parseSearchParams(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(SearchCommandText::tr(
        "Search an index made by 'mplug2 index': media matching a sentence (--text), media like a "
        "picture or video (--like), or a list of sentences ranked for one media file (--media with "
        "--sentences)."));
    parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"),
        SearchCommandText::tr("The index: a file, or a shared index on a PostgreSQL server "
                              "(postgresql://user@host:port/database)."),
        QStringLiteral("FILE|URI"));
    const QCommandLineOption text(QStringLiteral("text"),
        SearchCommandText::tr(
            "Find media matching this sentence. Given several times, each is searched in turn (with --json, "
            "one JSON object per line)."),
        QStringLiteral("TEXT"));
    const QCommandLineOption like(QStringLiteral("like"),
        SearchCommandText::tr("Find media similar to this file."), QStringLiteral("MEDIA"));
    const QCommandLineOption media(QStringLiteral("media"),
        SearchCommandText::tr("Rank --sentences for this file."), QStringLiteral("MEDIA"));
    const QCommandLineOption sentences(QStringLiteral("sentences"),
        SearchCommandText::tr("File with one sentence per line."), QStringLiteral("FILE"));
    const QCommandLineOption top(QStringLiteral("top"),
        SearchCommandText::tr("How many results (default 10)."), QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption rerank(QStringLiteral("rerank"),
        SearchCommandText::tr("Re-score the K best with the model (ITM head, else the decoder "
                              "likelihood); default 0."),
        QStringLiteral("K"), QStringLiteral("0"));
    const QCommandLineOption folder(QStringLiteral("folder"),
        SearchCommandText::tr("Only media inside this folder (repeatable)."), QStringLiteral("DIR"));
    const QCommandLineOption type(QStringLiteral("type"),
        SearchCommandText::tr("Only images or only videos."), QStringLiteral("image|video"));
    const QCommandLineOption minDuration(QStringLiteral("min-duration"),
        SearchCommandText::tr("Only media at least this long."), QStringLiteral("SECONDS"));
    const QCommandLineOption maxDuration(QStringLiteral("max-duration"),
        SearchCommandText::tr("Only media at most this long."), QStringLiteral("SECONDS"));
    const QCommandLineOption json(
        QStringLiteral("json"), SearchCommandText::tr("Print one JSON object: query and results."));
    const QCommandLineOption moments(QStringLiteral("moments"),
        SearchCommandText::tr(
            "Find moments (shots and windows of videos indexed with index --moments) instead of whole "
            "files; each result has its start and end in seconds. Goes with --text or --like."));
    const QCommandLineOption rootNames = rootNameOption();
    parser.addOptions({db, text, like, media, sentences, top, rerank, folder, type, minDuration, maxDuration,
        moments, json, rootNames});
    const ModelOptions model;
    model.addTo(parser);
    if (const std::optional<CliStop> stop = parseOrStop(parser, args))
        return *stop;
    const int modes = int(parser.isSet(text)) + int(parser.isSet(like)) + int(parser.isSet(media));
    if (modes != 1)
        return usageStop(SearchCommandText::tr("give exactly one of --text, --like or --media"));
    if (parser.isSet(media) != parser.isSet(sentences))
        return usageStop(SearchCommandText::tr("--media and --sentences go together"));
    if (parser.isSet(moments) && parser.isSet(media))
        return usageStop(SearchCommandText::tr("--moments goes with --text or --like"));
    if (!parser.isSet(media) && !parser.isSet(db))
        return usageStop(SearchCommandText::tr("--db FILE is required"));
    const Expected<ModelParams> modelParams = model.params(parser);
    if (!modelParams)
        return usageStop(QString::fromStdString(modelParams.error().message));
    const Expected<QList<CatalogRoot>> named = readRootNames(parser.values(rootNames));
    if (!named)
        return usageStop(QString::fromStdString(named.error().message));

    SearchParams p;
    bool ok = true;
    bool allOk = true;
    p.top = parser.value(top).toInt(&ok);
    allOk &= ok && p.top > 0;
    p.rerank = parser.value(rerank).toInt(&ok);
    allOk &= ok && p.rerank >= 0;
    if (parser.isSet(minDuration)) {
        p.minDuration = parser.value(minDuration).toDouble(&ok);
        allOk &= ok && *p.minDuration >= 0;
    }
    if (parser.isSet(maxDuration)) {
        p.maxDuration = parser.value(maxDuration).toDouble(&ok);
        allOk &= ok && *p.maxDuration >= 0;
    }
    if (!allOk)
        return usageStop(
            SearchCommandText::tr("--top, --rerank and the durations take non-negative numbers"));
    for (const QString &dir : parser.values(folder))
        p.folders.append(QDir::cleanPath(QFileInfo(dir).absoluteFilePath()));
    if (parser.isSet(type)) {
        const MediaKind kind = parseMediaKind(parser.value(type));
        if (kind == MediaKind::Unknown)
            return usageStop(SearchCommandText::tr("--type is image or video"));
        p.type = kind;
    }
    p.moments = parser.isSet(moments);
    if (parser.isSet(text)) {
        p.texts = parser.values(text);
    } else if (parser.isSet(like)) {
        p.like = parser.value(like);
    } else {
        p.media = parser.value(media);
        Expected<QStringList> lines = readTextList(parser.value(sentences));
        if (!lines)
            return CliStop {1, QString::fromStdString(lines.error().message)};
        p.sentences = *lines;
    }
    if (parser.isSet(db))
        p.db = parser.value(db);
    p.rootNames = *named;
    p.model = *modelParams;
    p.json = parser.isSet(json);
    return p;
}

int runSearch(const SearchParams &params, const QString &command)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    const auto usage = [&](const QString &message) { return reportCliError(command, message, 2); };
    const auto failure
        = [&](const Error &e) { return reportCliError(command, QString::fromStdString(e.message)); };
    const QString location = params.db.value_or(QString());
    Catalog::addLocalRoots(location, params.rootNames);
    const SearchQuery query = queryOf(params);

    std::unique_ptr<Catalog> catalog;
    if (params.db) {
        if (!Catalog::isServerLocation(location) && !QFileInfo::exists(location))
            return failure(makeError(ErrorCode::NotFound,
                SearchCommandText::tr("there is no index %1: make one with 'mplug2 index'")
                    .arg(location)
                    .toStdString()));
        Expected<std::unique_ptr<Catalog>> opened = Catalog::open(location);
        if (!opened)
            return failure(opened.error());
        catalog = std::move(*opened);
    }
    const Expected<DeviceChoice> device = params.model.deviceChoice();
    if (!device)
        return usage(QString::fromStdString(device.error().message));
    Expected<ModelChoice> choice
        = chooseModel(query.mode == SearchMode::MediaToText ? nullptr : catalog.get(), params.model, *device,
            params.model.precisionGiven());
    if (!choice)
        return failure(choice.error());

    // "More like" a catalogued file uses its stored embedding: no model to load.
    const bool needModel = query.mode != SearchMode::MediaToMedia
        || !hasStoredEmbedding(*catalog, query.mediaPath, choice->key);
    CliSession session(command);
    if (needModel) {
        if (!choice->bundle)
            return failure(makeError(ErrorCode::NotFound,
                SearchCommandText::tr("the model this index was built with (%1) is not installed: pass it "
                                      "with --model")
                    .arg(choice->key)
                    .toStdString()));
        if (!session.loadModel(*choice->bundle, choice->device))
            return 1;
    }
    catalog.reset();

    MediaSearch search(&session.engine(), location);
    search.setModelKey(choice->key);
    std::optional<SearchResults> results;
    QString error;
    QEventLoop loop;
    QObject::connect(&search, &MediaSearch::finished, &loop, [&](const SearchResults &r) {
        results = r;
        loop.quit();
    });
    QObject::connect(&search, &MediaSearch::failed, &loop, [&](const QString &why) {
        error = why;
        loop.quit();
    });
    QObject::connect(&search, &MediaSearch::cancelled, &loop, [&] {
        error = QCoreApplication::translate("SearchCommand", "the search was cancelled");
        loop.quit();
    });
    // Several --text queries run one after the other on the loaded model: one result each, in order.
    const QStringList texts = query.mode == SearchMode::TextToMedia ? params.texts : QStringList {QString()};
    for (qsizetype q = 0; q < texts.size(); ++q) {
        SearchQuery one = query;
        if (query.mode == SearchMode::TextToMedia)
            one.text = texts.at(q);
        results.reset();
        search.search(one);
        if (search.isBusy())
            loop.exec();
        if (!results)
            return failure(makeError(ErrorCode::Internal, error.toStdString()));
        if (params.json) {
            out << QJsonDocument(searchResultsToJson(*results)).toJson(QJsonDocument::Compact) << '\n'
                << Qt::flush;
            continue;
        }
        if (texts.size() > 1)
            out << (q > 0 ? "\n" : "") << one.text << '\n';
        int rank = 0;
        for (const SearchHit &hit : std::as_const(results->hits)) {
            out << QStringLiteral("%1  %2").arg(++rank, 3).arg(hit.score, 9, 'f', 4);
            if (hit.rerankScore)
                out << QStringLiteral("  (cos %1)").arg(hit.similarity, 0, 'f', 4);
            out << "  " << (hit.text.isEmpty() ? QDir::toNativeSeparators(hit.entry.path) : hit.text);
            if (hit.moment)
                out << QStringLiteral("  %1-%2 s")
                           .arg(hit.moment->startSeconds, 0, 'f', 2)
                           .arg(hit.moment->endSeconds, 0, 'f', 2);
            if (hit.text.isEmpty() && !hit.entry.caption.isEmpty())
                out << QStringLiteral("  \u2014 ") << hit.entry.caption;
            out << '\n';
        }
        if (results->hits.isEmpty())
            err << SearchCommandText::tr("no results") << '\n';
    }
    return 0;
}

int runSearchCommand(const QStringList &args)
{
    const CliParsed<SearchParams> parsed = parseSearchParams(args);
    if (const auto *stop = std::get_if<CliStop>(&parsed))
        return printStop(*stop, args.value(0));
    return runSearch(std::get<SearchParams>(parsed), args.value(0));
}

} // namespace mplug2::app
