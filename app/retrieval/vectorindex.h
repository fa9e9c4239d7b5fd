#pragma once
/// The embeddings of one space, searchable by cosine similarity: exact (a
/// scan of every vector) for small collections, an HNSW graph (AnnIndex)
/// above a threshold, persisted in a file beside the catalog and brought up
/// to date from the catalog's embedding ids when opened or refreshed.
///
///     auto index = VectorIndex::open(*catalog, *space, VectorSearchOptions{});
///     QList<VectorHit> best = (*index)->search(query.constData(), 10);
///     QSet<qint64> videos = *catalog->matching(filter);
///     QList<VectorHit> bestVideos = (*index)->search(query.constData(), 10, &videos);
///
/// Threading: search() may run on several threads at once; open(),
/// refresh() and the constructors need exclusive access.

#include "app/retrieval/annindex.h"
#include "app/retrieval/catalog.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <memory>
#include <vector>

namespace mplug2::app {

struct VectorSearchOptions {
    /// Collections larger than this use the ANN graph (see the retrieval bench for the trade-off).
    qint64 annThreshold = 20000;
    AnnIndex::Params ann;
    /// ANN search beam (>= k). 400: recall@10 0.95 at 100k clustered 768-d vectors, 0.8 ms
    /// per query (128 gave 0.84 in 0.54 ms; `mplug2 bench retrieval --ef`).
    int efSearch = 400;
    int buildThreads = 0; ///< 0: one per usable CPU
    bool persist = true; ///< keep the graph in a file beside the catalog
    /// Index the space's moments (Catalog::momentRefs) instead of its files:
    /// hits then carry moment ids where they carry entry ids otherwise.
    bool moments = false;
};

struct VectorHit {
    qint64 entryId = 0;
    float similarity = 0.f; ///< cosine similarity
    bool operator==(const VectorHit &other) const = default;
};

class VectorIndex {
public:
    /// Where the graph of `space` is kept for a catalog file: "<catalog>.<space id>.hnsw"
    /// (".moments.hnsw" for its moments).
    static QString annPath(const QString &catalogLocation, const EmbeddingSpace &space, bool moments = false);

    /// Loads the space from the catalog (ids only when a saved graph is
    /// current, every vector otherwise). `cancelled` is polled while building.
    static Expected<std::unique_ptr<VectorIndex>> open(Catalog &catalog, const EmbeddingSpace &space,
        const VectorSearchOptions &options, const std::function<bool()> &cancelled = {});
    /// An index over vectors in memory (benchmarks, tests): `count` rows of
    /// `dim` floats; row i belongs to entries[i] and carries labels[i].
    static Expected<std::unique_ptr<VectorIndex>> fromVectors(int dim, const std::vector<float> &vectors,
        const std::vector<qint64> &labels, const std::vector<qint64> &entries,
        const VectorSearchOptions &options);

    /// Takes in what changed in the catalog since open(); true when anything did.
    Expected<bool> refresh(Catalog &catalog);

    /// The k most similar entries (of `allowed`, when given), best first.
    QList<VectorHit> search(const float *query, int k, const QSet<qint64> *allowed = nullptr) const;
    /// The same by scanning every vector, whatever the size (for recall checks).
    QList<VectorHit> searchExact(const float *query, int k, const QSet<qint64> *allowed = nullptr) const;
    /// The stored vector of an entry, if it has one here.
    std::optional<QList<float>> vectorOf(qint64 entryId) const;

    int dim() const { return m_dim; }
    qint64 size() const { return qint64(m_entryOfLabel.size()); }
    bool usesAnn() const { return m_ann != nullptr; }
    const EmbeddingSpace &space() const { return m_space; }
    bool indexesMoments() const { return m_options.moments; }

private:
    VectorIndex(int dim, VectorSearchOptions options);
    const float *vectorOfLabel(qint64 label) const;
    Expected<void> buildAnn(const std::function<bool()> &cancelled);
    Expected<void> syncAnn(Catalog &catalog, const QList<EmbeddingRef> &refs, bool &changed);
    Expected<void> syncExact(Catalog &catalog, const QList<EmbeddingRef> &refs, bool &changed);
    void saveAnn() const;

    int m_dim;
    VectorSearchOptions m_options;
    EmbeddingSpace m_space;
    QString m_annPath;
    QHash<qint64, qint64> m_entryOfLabel;
    QHash<qint64, qint64> m_labelOfEntry;
    // Exact mode: the vectors, row by row, and the label of each row.
    std::vector<float> m_vectors;
    std::vector<qint64> m_rowLabels;
    QHash<qint64, qsizetype> m_rowOfLabel;
    std::unique_ptr<AnnIndex> m_ann;
};

} // namespace mplug2::app
