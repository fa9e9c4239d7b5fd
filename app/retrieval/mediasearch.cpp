#include "app/retrieval/mediasearch.h"

#include "app/retrieval/modelkey.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent>

#include <algorithm>

namespace mplug2::app {

namespace {

double dot(const QList<float> &a, const QList<float> &b)
{
    double sum = 0;
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
        sum += double(a[i]) * double(b[i]);
    return sum;
}

QString message(const Error &error)
{
    return QString::fromStdString(error.message);
}

} // namespace

MediaSearch::MediaSearch(
    Engine *engine, QString catalogLocation, VectorSearchOptions options, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_location(std::move(catalogLocation))
    , m_options(std::move(options))
{
    qRegisterMetaType<SearchResults>();
    connect(&m_indexLoad, &QFutureWatcher<IndexLoad>::finished, this, [this] {
        const IndexLoad load = m_indexLoad.result();
        const EmbeddingSpace loaded = *m_loadingSpace;
        m_loadingSpace.reset();
        if (load.index) {
            m_index = load.index;
            m_indexGeneration = load.generation;
        }
        if (!m_run || !m_run->space)
            return;
        if (!load.index && m_run->space->id == loaded.id) {
            fail(message(*load.error));
            return;
        }
        if (m_run->space->id != loaded.id || !m_index
            || m_index->indexesMoments() != m_run->results.query.moments) {
            startIndexLoad(*m_run->space); // the search changed spaces (or files / moments) meanwhile
            return;
        }
        proceed();
    });
}

MediaSearch::~MediaSearch()
{
    cancel();
    m_indexLoad.waitForFinished();
}

void MediaSearch::cancel()
{
    if (!m_run)
        return;
    const QList<RequestHandle> requests = m_run->requests.values();
    m_run.reset();
    for (const RequestHandle &request : requests)
        request.cancel();
}

void MediaSearch::search(const SearchQuery &query)
{
    cancel();
    m_run.emplace();
    m_run->clock.start();
    m_run->results.query = query;
    m_run->results.query.top = std::max(1, query.top);
    m_run->results.query.rerank = std::max(0, query.rerank);
    if (Expected<void> ok = begin(); !ok) {
        fail(message(ok.error()));
        return;
    }
    proceed();
}

Expected<QString> MediaSearch::engineModelKey()
{
    const std::optional<ModelInfo> model = m_engine->currentModel();
    if (!model)
        return makeError(ErrorCode::InvalidArgument, tr("no model is loaded").toStdString());
    const QString checkpoint = model->bundle.checkpoint + QLatin1Char('|')
        + precisionName(model->device.effectivePrecision()) + QLatin1Char('|')
        + QString::number(model->bundle.imageRes) + QLatin1Char('|')
        + QString::number(model->bundle.numFrames);
    if (!m_modelKeyOfCheckpoint.contains(checkpoint)) {
        Expected<QString> key = modelKey(*model);
        if (!key)
            return key.error();
        m_modelKeyOfCheckpoint.insert(checkpoint, *key);
    }
    return m_modelKeyOfCheckpoint.value(checkpoint);
}

Expected<void> MediaSearch::begin()
{
    const SearchQuery &q = m_run->results.query;
    if (q.mode == SearchMode::TextToMedia && q.text.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("type something to search for").toStdString());
    if (q.mode != SearchMode::TextToMedia && q.mediaPath.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, tr("choose a picture or video to search with").toStdString());
    if (q.mode == SearchMode::MediaToText && q.sentences.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("give at least one sentence to rank").toStdString());
    if (q.mode == SearchMode::MediaToText && q.moments)
        return makeError(ErrorCode::InvalidArgument,
            tr("moments are found by a text or by a picture or video, not among sentences").toStdString());

    const std::optional<ModelInfo> model = m_engine->currentModel();
    Expected<QString> engineKey = model ? engineModelKey() : Expected<QString>(QString());
    if (!engineKey)
        return engineKey.error();
    const QString key = m_fixedModelKey.isEmpty() ? *engineKey : m_fixedModelKey;
    if (key.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, tr("no model is loaded: load a model first").toStdString());
    const bool modelMatches = model && *engineKey == key;
    const QString mediaPath = QDir::cleanPath(QFileInfo(q.mediaPath).absoluteFilePath());
    const bool itc = modelMatches && model->itcHeads;
    m_run->itm = modelMatches && model->itmHead;
    m_run->results.modelKey = key;
    m_run->results.space = itc ? EmbeddingKind::Itc : EmbeddingKind::Clip;
    const auto needModel = [&]() -> Expected<void> {
        if (modelMatches)
            return {};
        return makeError(ErrorCode::InvalidArgument,
            tr("this search needs the model the index was built with (%1): load it first")
                .arg(key)
                .toStdString());
    };

    // The query medium's embedding, ahead of any batch work.
    const auto embedQueryMedia = [&] {
        EngineRequest media = EngineRequest::embedMedia(mediaPath);
        media.priority = RequestPriority::Interactive;
        media.embedding = m_run->results.space;
        submit(media, Role::QueryMedia);
    };

    if (q.mode == SearchMode::MediaToText) {
        if (Expected<void> ok = needModel(); !ok)
            return ok;
        embedQueryMedia();
        EngineRequest texts = EngineRequest::embedTexts(q.sentences);
        texts.embedding = m_run->results.space;
        submit(texts, Role::QueryTexts);
        return {};
    }

    if (!m_catalog) {
        Expected<std::unique_ptr<Catalog>> catalog = Catalog::open(m_location);
        if (!catalog)
            return catalog.error();
        m_catalog = std::move(*catalog);
    }
    Expected<std::optional<EmbeddingSpace>> space = m_catalog->space(key, m_run->results.space);
    if (!space)
        return space.error();
    if (!*space) {
        // In the user's words: the model as they named it, never the internal key (demo@9d749ea16469-r96-f4).
        const QString modelName = modelMatches
            ? (model->bundle.name.isEmpty() ? model->bundle.id : model->bundle.name)
            : tr("this model");
        // The same weights indexed in another precision: say which, rather than "nothing".
        if (Expected<QList<EmbeddingSpace>> spaces = m_catalog->spaces(); spaces)
            for (const EmbeddingSpace &s : std::as_const(*spaces))
                if (s.kind == m_run->results.space && s.count > 0
                    && modelKeyWithoutPrecision(s.modelKey) == modelKeyWithoutPrecision(key))
                    if (const std::optional<Precision> indexed = precisionOfModelKey(s.modelKey))
                        return makeError(ErrorCode::NotFound,
                            tr("%1 indexed these folders in %2 and now runs in %3: embeddings of "
                               "different precisions are not compared. Load it in %2, or index the "
                               "folders again.")
                                .arg(modelName, precisionName(*indexed),
                                    precisionName(precisionOfModelKey(key).value_or(Precision::Fp32)))
                                .toStdString());
        return makeError(ErrorCode::NotFound,
            tr("Nothing is indexed with %1 yet: index a folder first (Index a folder… in the search panel, "
               "or mplug2 index).")
                .arg(modelName)
                .toStdString());
    }
    m_run->space = **space;
    if (q.moments) {
        Expected<MomentStats> stats = m_catalog->momentStats(m_run->space->id);
        if (!stats)
            return stats.error();
        if (stats->moments == 0)
            return makeError(ErrorCode::NotFound,
                tr("This index has no moments yet: index the folders with moments (the Moments box, or "
                   "mplug2 index --moments).")
                    .toStdString());
    }

    if (q.mode == SearchMode::TextToMedia) {
        if (Expected<void> ok = needModel(); !ok)
            return ok;
        EngineRequest texts = EngineRequest::embedTexts({q.text});
        texts.embedding = m_run->results.space;
        submit(texts, Role::QueryTexts);
    } else {
        // A catalogued file is its own query vector: no model needed.
        Expected<std::optional<CatalogEntry>> entry = m_catalog->entry(mediaPath);
        if (!entry)
            return entry.error();
        if (*entry) {
            Expected<std::optional<QList<float>>> stored
                = m_catalog->embedding((*entry)->id, m_run->space->id);
            if (!stored)
                return stored.error();
            m_run->excludeEntry = (*entry)->id;
            if (*stored)
                m_run->queryVector = **stored;
        }
        if (!m_run->queryVector) {
            if (Expected<void> ok = needModel(); !ok)
                return ok;
            embedQueryMedia();
        }
    }
    return ensureIndex(*m_run->space);
}

Expected<void> MediaSearch::ensureIndex(const EmbeddingSpace &space)
{
    Expected<qint64> generation = m_catalog->generation();
    if (!generation)
        return generation.error();
    const bool moments = m_run && m_run->results.query.moments;
    const bool current = m_index && m_index->space().id == space.id && m_index->indexesMoments() == moments
        && m_indexGeneration == *generation;
    if (!current && !m_loadingSpace)
        startIndexLoad(space);
    return {};
}

void MediaSearch::startIndexLoad(const EmbeddingSpace &space)
{
    m_loadingSpace = space;
    VectorSearchOptions options = m_options;
    options.moments = m_run && m_run->results.query.moments;
    std::shared_ptr<VectorIndex> reuse
        = (m_index && m_index->space().id == space.id && m_index->indexesMoments() == options.moments)
        ? m_index
        : nullptr;
    m_index.reset(); // the pool thread owns it until the load is over
    m_indexLoad.setFuture(QtConcurrent::run([location = m_location, space, options, reuse]() {
        IndexLoad load;
        Expected<std::unique_ptr<Catalog>> catalog = Catalog::open(location);
        if (!catalog) {
            load.error = catalog.error();
            return load;
        }
        if (Expected<qint64> g = (*catalog)->generation())
            load.generation = *g;
        if (reuse) {
            if (Expected<bool> refreshed = reuse->refresh(**catalog); refreshed) {
                load.index = reuse;
                return load;
            }
        }
        Expected<std::unique_ptr<VectorIndex>> opened = VectorIndex::open(**catalog, space, options);
        if (opened)
            load.index = std::move(*opened);
        else
            load.error = opened.error();
        return load;
    }));
}

void MediaSearch::submit(EngineRequest request, Role role, int index)
{
    request.priority = RequestPriority::Interactive;
    const RequestHandle handle = m_engine->submit(request);
    m_run->requests.insert(handle.id(), handle);
    handle.then(this, [this, id = handle.id(), role, index](const RequestOutcome &o) {
        onRequestEnded(id, role, index, o);
    });
}

void MediaSearch::onRequestEnded(RequestId id, Role role, int index, const RequestOutcome &outcome)
{
    if (!m_run || m_run->requests.remove(id) == 0)
        return; // a search given up on already
    if (outcome.isFinished() && outcome.result) {
        onRequestFinished(role, index, *outcome.result);
    } else if (outcome.isFailed() && outcome.error) {
        fail(outcome.error->message);
    } else {
        cancel();
        Q_EMIT cancelled();
    }
}

void MediaSearch::onRequestFinished(Role role, int index, const EngineResult &result)
{
    switch (role) {
    case Role::QueryMedia:
        m_run->queryVector = result.mediaEmbedding;
        break;
    case Role::QueryTexts:
        if (m_run->results.query.mode == SearchMode::MediaToText)
            m_run->sentenceVectors = result.textEmbeddings;
        else
            m_run->queryVector = result.textEmbeddings.value(0);
        break;
    case Role::Rerank:
        applyRerank(index, result);
        break;
    }
    proceed();
}

void MediaSearch::proceed()
{
    if (!m_run)
        return;
    const SearchMode mode = m_run->results.query.mode;
    if (!m_run->firstStageDone) {
        if (mode == SearchMode::MediaToText) {
            if (!m_run->queryVector || !m_run->sentenceVectors)
                return;
            rankSentences();
        } else {
            if (!m_run->queryVector || m_loadingSpace || !m_index)
                return;
            if (Expected<void> ok = firstStage(); !ok) {
                fail(message(ok.error()));
                return;
            }
        }
        m_run->firstStageDone = true;
        startRerank();
    }
    if (m_run && m_run->requests.isEmpty())
        finish();
}

Expected<void> MediaSearch::firstStage()
{
    const SearchQuery &q = m_run->results.query;
    QElapsedTimer clock;
    clock.start();
    m_run->results.embedMs = double(m_run->clock.elapsed());
    if (m_run->queryVector->size() != m_index->dim())
        return makeError(ErrorCode::InvalidArgument,
            tr("the query embedding has %1 numbers, the index %2: was it built with another model?")
                .arg(m_run->queryVector->size())
                .arg(m_index->dim())
                .toStdString());
    if (q.moments)
        return firstStageOfMoments(clock);
    std::optional<QSet<qint64>> allowed;
    if (!q.filter.isEmpty()) {
        Expected<QSet<qint64>> matching = m_catalog->matching(q.filter);
        if (!matching)
            return matching.error();
        allowed = std::move(*matching);
        allowed->remove(m_run->excludeEntry);
    }
    const int extra = m_run->excludeEntry != 0 && !allowed ? 1 : 0;
    const qint64 candidates = allowed ? qint64(allowed->size()) : m_index->size() - extra;
    const int wanted = wantedHits(candidates);
    const QList<VectorHit> hits
        = m_index->search(m_run->queryVector->constData(), wanted + extra, allowed ? &*allowed : nullptr);
    QList<qint64> ids;
    for (const VectorHit &h : hits)
        if (h.entryId != m_run->excludeEntry)
            ids.append(h.entryId);
    Expected<QList<CatalogEntry>> entries = m_catalog->entries(ids);
    if (!entries)
        return entries.error();
    QHash<qint64, CatalogEntry> byId;
    for (const CatalogEntry &e : *entries)
        byId.insert(e.id, e);
    for (const VectorHit &h : hits) {
        if (h.entryId == m_run->excludeEntry || !byId.contains(h.entryId)
            || m_run->results.hits.size() >= wanted)
            continue;
        SearchHit hit;
        hit.entry = byId.value(h.entryId);
        hit.similarity = h.similarity;
        hit.score = h.similarity;
        m_run->results.hits.append(hit);
    }
    recordFirstStage(clock);
    return {};
}

void MediaSearch::recordFirstStage(const QElapsedTimer &clock)
{
    m_run->results.searchedCount = m_index->size();
    m_run->results.approximate = m_index->usesAnn();
    m_run->results.firstStageMs = double(clock.nsecsElapsed()) / 1e6;
}

int MediaSearch::wantedHits(qint64 candidates)
{
    const SearchQuery &q = m_run->results.query;
    if (q.rerank == 0 && q.rerankIfAtMost > 0 && q.mode == SearchMode::TextToMedia && candidates > 0
        && candidates <= q.rerankIfAtMost) {
        m_run->results.query.rerank = int(candidates);
        m_run->results.autoReranked = true;
    }
    return std::max(q.top, m_run->results.query.rerank);
}

Expected<void> MediaSearch::firstStageOfMoments(const QElapsedTimer &clock)
{
    const SearchQuery &q = m_run->results.query;
    // The query file's own moments are left out of "more like this".
    QSet<qint64> own;
    if (m_run->excludeEntry != 0) {
        Expected<QList<MediaMoment>> mine = m_catalog->momentsOf(m_run->excludeEntry, m_run->space->id);
        if (!mine)
            return mine.error();
        for (const MediaMoment &m : std::as_const(*mine))
            own.insert(m.id);
    }
    std::optional<QSet<qint64>> allowed;
    if (!q.filter.isEmpty()) {
        Expected<QSet<qint64>> matching = m_catalog->matchingMoments(m_run->space->id, q.filter);
        if (!matching)
            return matching.error();
        allowed = std::move(*matching);
        allowed->subtract(own);
    }
    const qint64 candidates = allowed ? qint64(allowed->size()) : m_index->size() - qint64(own.size());
    const int wanted = wantedHits(candidates);
    const QList<VectorHit> hits = m_index->search(m_run->queryVector->constData(),
        wanted + (allowed ? 0 : int(own.size())), allowed ? &*allowed : nullptr);
    QList<qint64> momentIds;
    for (const VectorHit &h : hits)
        if (!own.contains(h.entryId))
            momentIds.append(h.entryId);
    Expected<QList<MediaMoment>> moments = m_catalog->moments(momentIds);
    if (!moments)
        return moments.error();
    QList<qint64> entryIds;
    QHash<qint64, MediaMoment> momentById;
    for (const MediaMoment &m : std::as_const(*moments)) {
        momentById.insert(m.id, m);
        entryIds.append(m.entryId);
    }
    Expected<QList<CatalogEntry>> entries = m_catalog->entries(entryIds);
    if (!entries)
        return entries.error();
    QHash<qint64, CatalogEntry> entryById;
    for (const CatalogEntry &e : std::as_const(*entries))
        entryById.insert(e.id, e);
    for (const VectorHit &h : hits) {
        const auto moment = momentById.constFind(h.entryId);
        if (moment == momentById.constEnd() || !entryById.contains(moment->entryId)
            || m_run->results.hits.size() >= wanted)
            continue;
        SearchHit hit;
        hit.entry = entryById.value(moment->entryId);
        if (!moment->caption.isEmpty())
            hit.entry.caption = moment->caption; // what this moment shows, not the whole file
        hit.moment = *moment;
        hit.similarity = h.similarity;
        hit.score = h.similarity;
        m_run->results.hits.append(hit);
    }
    recordFirstStage(clock);
    return {};
}

void MediaSearch::rankSentences()
{
    const SearchQuery &q = m_run->results.query;
    m_run->results.embedMs = double(m_run->clock.elapsed());
    QList<SearchHit> hits;
    for (qsizetype i = 0; i < q.sentences.size(); ++i) {
        SearchHit hit;
        hit.text = q.sentences.at(i);
        hit.similarity = dot(*m_run->queryVector, m_run->sentenceVectors->value(i));
        hit.score = hit.similarity;
        hits.append(hit);
    }
    std::stable_sort(hits.begin(), hits.end(),
        [](const SearchHit &a, const SearchHit &b) { return a.similarity > b.similarity; });
    m_run->results.searchedCount = hits.size();
    m_run->results.hits = hits;
    if (q.rerank == 0 && q.rerankIfAtMost > 0 && !hits.isEmpty() && hits.size() <= q.rerankIfAtMost) {
        m_run->results.query.rerank = int(hits.size());
        m_run->results.autoReranked = true;
    }
}

void MediaSearch::startRerank()
{
    const SearchQuery &q = m_run->results.query;
    const int count = std::min<int>(q.rerank, int(m_run->results.hits.size()));
    if (count <= 0 || q.mode == SearchMode::MediaToMedia)
        return;
    m_run->results.rerankMethod = m_run->itm ? QStringLiteral("itm") : QStringLiteral("decoder-likelihood");
    m_run->rerankStartMs = double(m_run->clock.nsecsElapsed()) / 1e6;
    const TextScoring scoring = m_run->itm ? TextScoring::Matching : TextScoring::DecoderLikelihood;
    if (q.mode == SearchMode::MediaToText) {
        EngineRequest r;
        r.task = TaskKind::ScoreTexts;
        r.media.path = q.mediaPath;
        r.scoring = scoring;
        for (int i = 0; i < count; ++i)
            r.texts.append(m_run->results.hits.at(i).text);
        submit(r, Role::Rerank, 0);
        return;
    }
    for (int i = 0; i < count; ++i) {
        EngineRequest r;
        r.task = TaskKind::ScoreTexts;
        r.media.path = m_run->results.hits.at(i).entry.path;
        if (const std::optional<MediaMoment> &moment = m_run->results.hits.at(i).moment) {
            // A moment is scored on its own stretch of the video.
            r.media.startSeconds = moment->startSeconds;
            r.media.endSeconds = moment->endSeconds;
        }
        r.texts = {q.text};
        r.scoring = scoring;
        submit(r, Role::Rerank, i);
    }
}

void MediaSearch::applyRerank(int index, const EngineResult &result)
{
    QList<SearchHit> &hits = m_run->results.hits;
    if (m_run->results.query.mode == SearchMode::MediaToText) {
        for (const ResultItem &item : result.items)
            for (SearchHit &hit : hits)
                if (!hit.rerankScore && hit.text == item.text) {
                    hit.rerankScore = item.score;
                    hit.score = item.score;
                    break;
                }
        return;
    }
    if (index >= 0 && index < hits.size() && !result.items.isEmpty()) {
        hits[index].rerankScore = result.items.first().score;
        hits[index].score = result.items.first().score;
    }
}

void MediaSearch::finish()
{
    SearchResults results = std::move(m_run->results);
    if (!results.rerankMethod.isEmpty()) {
        results.rerankMs = double(m_run->clock.nsecsElapsed()) / 1e6 - m_run->rerankStartMs;
        // Re-scored hits first, by their new score; the rest keep the cosine order.
        std::stable_sort(
            results.hits.begin(), results.hits.end(), [](const SearchHit &a, const SearchHit &b) {
                if (a.rerankScore.has_value() != b.rerankScore.has_value())
                    return a.rerankScore.has_value();
                return a.rerankScore ? *a.rerankScore > *b.rerankScore : false;
            });
    }
    if (results.hits.size() > results.query.top)
        results.hits.resize(results.query.top);
    results.totalMs = double(m_run->clock.nsecsElapsed()) / 1e6;
    m_run.reset();
    Q_EMIT finished(results);
}

void MediaSearch::fail(const QString &why)
{
    cancel();
    Q_EMIT failed(why);
}

} // namespace mplug2::app
