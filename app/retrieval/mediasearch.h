#pragma once
/// Runs searches over a catalog with the engine: the query becomes a vector
/// (text or media embedding, Interactive priority), the vector index finds
/// the nearest catalogued media (exact or ANN, after the filters), and the
/// best few are re-scored by the model (ITM head when present, else the
/// decoder's length-normalised log-likelihood of the text given the media).
///
///     MediaSearch search(&engine, "index.sqlite");
///     connect(&search, &MediaSearch::finished, this, [](const SearchResults &r) {
///         for (const SearchHit &h : r.hits) qDebug() << h.entry.path << h.score; });
///     connect(&search, &MediaSearch::failed, this, [](const QString &why) { ... });
///     SearchQuery q = SearchQuery::textToMedia("a red circle");
///     q.rerank = 10;
///     search.search(q);
///
/// Text queries and re-ranking need the engine to hold the model the
/// catalog was indexed with; "more like this" on a catalogued file needs no
/// model (its stored embedding is the query). One search at a time: a new
/// one cancels the running one. Lives on the engine's thread; the vector
/// index is loaded and refreshed on a pool thread and kept between searches.

#include "app/engine/engine.h"
#include "app/retrieval/catalog.h"
#include "app/retrieval/searchtypes.h"
#include "app/retrieval/vectorindex.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace mplug2::app {

class MediaSearch : public QObject {
    Q_OBJECT
public:
    MediaSearch(
        Engine *engine, QString catalogLocation, VectorSearchOptions options = {}, QObject *parent = nullptr);
    ~MediaSearch() override;

    /// Search the embeddings of this model key instead of those of the
    /// engine's current model (for "more like this" before any model is loaded).
    void setModelKey(const QString &key) { m_fixedModelKey = key; }
    void search(const SearchQuery &query);
    void cancel();
    bool isBusy() const { return m_run.has_value(); }

Q_SIGNALS:
    void finished(const mplug2::app::SearchResults &results);
    void failed(const QString &message);
    /// One of the search's engine requests was cancelled by someone else (Esc
    /// in the status bar): the search stopped. Not emitted by cancel().
    void cancelled();

private:
    enum class Role { QueryMedia, QueryTexts, Rerank };
    struct IndexLoad {
        std::shared_ptr<VectorIndex> index;
        std::optional<Error> error;
        qint64 generation = -1;
    };
    struct Run {
        SearchResults results;
        std::optional<EmbeddingSpace> space;
        std::optional<QList<float>> queryVector;
        std::optional<QList<QList<float>>> sentenceVectors;
        qint64 excludeEntry = 0;
        bool firstStageDone = false;
        bool itm = false;
        QHash<RequestId, RequestHandle> requests; ///< not over yet
        QElapsedTimer clock;
        double rerankStartMs = 0;
    };

    Expected<void> begin();
    Expected<QString> engineModelKey();
    Expected<void> ensureIndex(const EmbeddingSpace &space);
    void startIndexLoad(const EmbeddingSpace &space);
    void submit(EngineRequest request, Role role, int index = 0);
    void onRequestEnded(RequestId id, Role role, int index, const RequestOutcome &outcome);
    void onRequestFinished(Role role, int index, const EngineResult &result);
    void proceed();
    Expected<void> firstStage();
    /// firstStage() over the moments of the space.
    Expected<void> firstStageOfMoments(const QElapsedTimer &clock);
    /// How many first-stage hits to keep for `candidates` (turning on the
    /// automatic re-ranking when they are few).
    int wantedHits(qint64 candidates);
    /// What the first stage searched and how long it took (from `clock`).
    void recordFirstStage(const QElapsedTimer &clock);
    void rankSentences();
    void startRerank();
    void applyRerank(int index, const EngineResult &result);
    void finish();
    void fail(const QString &message);

    Engine *m_engine;
    QString m_location;
    VectorSearchOptions m_options;
    QString m_fixedModelKey;
    QHash<QString, QString> m_modelKeyOfCheckpoint;
    std::unique_ptr<Catalog> m_catalog;
    std::shared_ptr<VectorIndex> m_index;
    qint64 m_indexGeneration = -1;
    QFutureWatcher<IndexLoad> m_indexLoad;
    std::optional<EmbeddingSpace> m_loadingSpace;
    std::optional<Run> m_run;
};

} // namespace mplug2::app
