#pragma once
/// Approximate nearest neighbours by inner product (cosine on unit vectors):
/// an HNSW graph from hnswlib, the only file that includes it. Labels are the
/// catalog's embedding ids.
///
///     auto ann = AnnIndex::create(768, 100000, AnnIndex::Params{});
///     (*ann)->add(vectors, labels, n, 2);          // n x 768 floats, 2 threads
///     QList<AnnHit> hits = (*ann)->search(query, 10, 96);
///     (*ann)->save("index.sqlite.3.hnsw");         // atomic replace
///
/// load() checks the whole file before hnswlib reads it and every graph link
/// after: a damaged or hostile file is an error value, never a wild read.
/// Threading: search() and vector() may run concurrently; add(), markDeleted()
/// and save() need exclusive access.

#include "base/expected.h"

#include <QList>
#include <QString>

#include <memory>

namespace mplug2::app {

struct AnnHit {
    qint64 label = 0;
    float similarity = 0.f; ///< inner product
};

class AnnIndex {
public:
    struct Params {
        int m = 16; ///< graph degree (hnswlib M)
        int efConstruction = 200; ///< build-time beam
        quint64 seed = 100;
    };

    static Expected<std::unique_ptr<AnnIndex>> create(int dim, qint64 capacity, const Params &params);
    /// Reads a file written by save(); `dim` must match. Room for
    /// `extraCapacity` more vectors is reserved.
    static Expected<std::unique_ptr<AnnIndex>> load(const QString &path, int dim, qint64 extraCapacity = 0);
    ~AnnIndex();
    AnnIndex(const AnnIndex &) = delete;
    AnnIndex &operator=(const AnnIndex &) = delete;

    /// Writes to a temporary file beside `path`, then renames it over `path`.
    Expected<void> save(const QString &path) const;

    /// Adds `count` vectors (row-major, dim floats each) under `labels`, on
    /// `threads` threads (0: one per usable CPU). Grows as needed.
    Expected<void> add(const float *vectors, const qint64 *labels, qint64 count, int threads = 0);
    /// Takes a label out of search results (its slot stays until a rebuild).
    void markDeleted(qint64 label);

    /// The k nearest live vectors, most similar first; `ef` >= k is the search beam.
    QList<AnnHit> search(const float *query, int k, int ef) const;
    /// The stored vector of a live label, or nullptr.
    const float *vector(qint64 label) const;
    /// Every live label, in no particular order.
    QList<qint64> labels() const;

    int dim() const { return m_dim; }
    qint64 liveCount() const;
    qint64 deletedCount() const;

private:
    struct Impl;
    AnnIndex(int dim, std::unique_ptr<Impl> impl);
    int m_dim;
    std::unique_ptr<Impl> d;
};

} // namespace mplug2::app
