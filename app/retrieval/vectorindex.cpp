#include "app/retrieval/vectorindex.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace mplug2::app {

namespace {

constexpr qsizetype kChunkRows = 4096;
/// Above this share of deleted slots the graph is rebuilt rather than patched.
constexpr double kMaxDeletedShare = 0.3;

float dot(const float *a, const float *b, int n)
{
    // Eight independent sums let the compiler vectorise without -ffast-math.
    float acc[8] = {};
    int i = 0;
    for (; i + 8 <= n; i += 8)
        for (int j = 0; j < 8; ++j)
            acc[j] += a[i + j] * b[i + j];
    float sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

std::vector<float> unitCopy(const float *v, int n)
{
    std::vector<float> out(v, v + n);
    const float norm = std::sqrt(dot(v, v, n));
    if (norm > 0.f)
        for (float &x : out)
            x /= norm;
    return out;
}

/// Best first; equal scores by entry id, so results do not depend on load order.
QList<VectorHit> bestOf(std::vector<VectorHit> &scored, int k)
{
    const auto better = [](const VectorHit &a, const VectorHit &b) {
        return a.similarity != b.similarity ? a.similarity > b.similarity : a.entryId < b.entryId;
    };
    const size_t keep = std::min(scored.size(), size_t(std::max(k, 0)));
    std::partial_sort(scored.begin(), scored.begin() + qsizetype(keep), scored.end(), better);
    return QList<VectorHit>(scored.begin(), scored.begin() + qsizetype(keep));
}

Expected<QList<EmbeddingRef>> refsOf(Catalog &catalog, qint64 spaceId, bool moments)
{
    return moments ? catalog.momentRefs(spaceId) : catalog.embeddingRefs(spaceId);
}

Expected<void> visitVectors(Catalog &catalog, bool moments, qint64 spaceId,
    const Catalog::EmbeddingVisitor &visit, qint64 afterId = 0)
{
    return moments ? catalog.forEachMomentEmbedding(spaceId, visit, afterId)
                   : catalog.forEachEmbedding(spaceId, visit, afterId);
}

} // namespace

VectorIndex::VectorIndex(int dim, VectorSearchOptions options)
    : m_dim(dim)
    , m_options(std::move(options))
{ }

QString VectorIndex::annPath(const QString &catalogLocation, const EmbeddingSpace &space, bool moments)
{
    return QStringLiteral("%1.%2%3.hnsw")
        .arg(QFileInfo(catalogLocation).absoluteFilePath())
        .arg(space.id)
        .arg(moments ? QStringLiteral(".moments") : QString());
}

Expected<std::unique_ptr<VectorIndex>> VectorIndex::open(Catalog &catalog, const EmbeddingSpace &space,
    const VectorSearchOptions &options, const std::function<bool()> &cancelled)
{
    if (space.dim <= 0)
        return makeError(ErrorCode::InvalidArgument, "embedding space without a dimension");
    std::unique_ptr<VectorIndex> index(new VectorIndex(space.dim, options));
    index->m_space = space;
    if (options.persist)
        index->m_annPath = annPath(catalog.vectorCacheBase(), space, options.moments);
    Expected<QList<EmbeddingRef>> refs = refsOf(catalog, space.id, options.moments);
    if (!refs)
        return refs.error();
    if (qint64(refs->size()) > options.annThreshold && !index->m_annPath.isEmpty()
        && QFileInfo::exists(index->m_annPath)) {
        // A damaged or foreign file is simply rebuilt.
        if (auto loaded = AnnIndex::load(index->m_annPath, space.dim, qint64(refs->size()) / 4 + 16))
            index->m_ann = std::move(*loaded);
    }
    bool changed = false;
    Expected<void> synced
        = index->m_ann ? index->syncAnn(catalog, *refs, changed) : index->syncExact(catalog, *refs, changed);
    if (!synced)
        return synced.error();
    if (!index->m_ann && index->size() > options.annThreshold) {
        if (Expected<void> built = index->buildAnn(cancelled); !built)
            return built.error();
        changed = true;
    }
    if (changed && index->m_ann)
        index->saveAnn();
    return index;
}

Expected<std::unique_ptr<VectorIndex>> VectorIndex::fromVectors(int dim, const std::vector<float> &vectors,
    const std::vector<qint64> &labels, const std::vector<qint64> &entries, const VectorSearchOptions &options)
{
    if (dim <= 0 || labels.size() != entries.size() || vectors.size() != labels.size() * size_t(dim))
        return makeError(ErrorCode::InvalidArgument, "vectors, labels and entries do not match");
    std::unique_ptr<VectorIndex> index(new VectorIndex(dim, options));
    index->m_space.dim = dim;
    index->m_vectors.reserve(vectors.size());
    for (size_t i = 0; i < labels.size(); ++i) {
        const std::vector<float> unit = unitCopy(vectors.data() + i * size_t(dim), dim);
        index->m_vectors.insert(index->m_vectors.end(), unit.begin(), unit.end());
        index->m_rowOfLabel.insert(labels[i], qsizetype(i));
        index->m_entryOfLabel.insert(labels[i], entries[i]);
        index->m_labelOfEntry.insert(entries[i], labels[i]);
    }
    index->m_rowLabels = labels;
    if (index->size() > options.annThreshold)
        if (Expected<void> built = index->buildAnn({}); !built)
            return built.error();
    return index;
}

Expected<bool> VectorIndex::refresh(Catalog &catalog)
{
    Expected<QList<EmbeddingRef>> refs = refsOf(catalog, m_space.id, m_options.moments);
    if (!refs)
        return refs.error();
    bool changed = false;
    Expected<void> synced = m_ann ? syncAnn(catalog, *refs, changed) : syncExact(catalog, *refs, changed);
    if (!synced)
        return synced.error();
    if (!m_ann && size() > m_options.annThreshold) {
        if (Expected<void> built = buildAnn({}); !built)
            return built.error();
        changed = true;
    }
    if (changed && m_ann)
        saveAnn();
    return changed;
}

Expected<void> VectorIndex::syncExact(Catalog &catalog, const QList<EmbeddingRef> &refs, bool &changed)
{
    QHash<qint64, qint64> wanted;
    for (const EmbeddingRef &r : refs)
        wanted.insert(r.embeddingId, r.entryId);
    // Drop rows whose embedding is gone (file deleted or re-embedded), compacting in place.
    qsizetype kept = 0;
    for (qsizetype row = 0; row < qsizetype(m_rowLabels.size()); ++row) {
        const qint64 label = m_rowLabels[size_t(row)];
        if (!wanted.contains(label)) {
            changed = true;
            continue;
        }
        if (kept != row) {
            std::copy_n(m_vectors.begin() + row * m_dim, m_dim, m_vectors.begin() + kept * m_dim);
            m_rowLabels[size_t(kept)] = label;
        }
        ++kept;
    }
    m_rowLabels.resize(size_t(kept));
    m_vectors.resize(size_t(kept) * size_t(m_dim));
    m_rowOfLabel.clear();
    for (qsizetype row = 0; row < kept; ++row)
        m_rowOfLabel.insert(m_rowLabels[size_t(row)], row);

    qint64 firstMissing = -1;
    for (const EmbeddingRef &r : refs)
        if (!m_rowOfLabel.contains(r.embeddingId)) {
            firstMissing = r.embeddingId;
            break; // refs come in id order, and new embeddings have the largest ids
        }
    if (firstMissing >= 0) {
        changed = true;
        Expected<void> read = visitVectors(
            catalog, m_options.moments, m_space.id,
            [this](qint64 label, qint64, const float *v, int dim) {
                if (dim == m_dim && !m_rowOfLabel.contains(label)) {
                    const std::vector<float> unit = unitCopy(v, dim);
                    m_rowOfLabel.insert(label, qsizetype(m_rowLabels.size()));
                    m_rowLabels.push_back(label);
                    m_vectors.insert(m_vectors.end(), unit.begin(), unit.end());
                }
                return true;
            },
            firstMissing - 1);
        if (!read)
            return read;
    }
    m_entryOfLabel.clear();
    m_labelOfEntry.clear();
    for (const EmbeddingRef &r : refs)
        if (m_rowOfLabel.contains(r.embeddingId)) {
            m_entryOfLabel.insert(r.embeddingId, r.entryId);
            m_labelOfEntry.insert(r.entryId, r.embeddingId);
        }
    return {};
}

Expected<void> VectorIndex::syncAnn(Catalog &catalog, const QList<EmbeddingRef> &refs, bool &changed)
{
    QSet<qint64> wanted;
    for (const EmbeddingRef &r : refs)
        wanted.insert(r.embeddingId);
    const QList<qint64> present = m_ann->labels();
    const QSet<qint64> presentSet(present.begin(), present.end());
    for (qint64 label : present)
        if (!wanted.contains(label)) {
            m_ann->markDeleted(label);
            changed = true;
        }
    const qint64 capacityUsed = m_ann->liveCount() + m_ann->deletedCount();
    if (capacityUsed > 0 && double(m_ann->deletedCount()) > kMaxDeletedShare * double(capacityUsed)) {
        // Mostly holes: start over from the catalog.
        m_ann.reset();
        m_rowLabels.clear();
        m_vectors.clear();
        m_rowOfLabel.clear();
        changed = true;
        bool ignored = false;
        if (Expected<void> ok = syncExact(catalog, refs, ignored); !ok)
            return ok;
        return buildAnn({});
    }
    qint64 firstMissing = -1;
    for (const EmbeddingRef &r : refs)
        if (!presentSet.contains(r.embeddingId)) {
            firstMissing = r.embeddingId;
            break;
        }
    if (firstMissing >= 0) {
        changed = true;
        std::vector<float> chunk;
        std::vector<qint64> labels;
        Expected<void> addFailure;
        auto flush = [&] {
            if (!labels.empty() && addFailure)
                addFailure
                    = m_ann->add(chunk.data(), labels.data(), qint64(labels.size()), m_options.buildThreads);
            chunk.clear();
            labels.clear();
        };
        Expected<void> read = visitVectors(
            catalog, m_options.moments, m_space.id,
            [&](qint64 label, qint64, const float *v, int dim) {
                if (dim == m_dim && !presentSet.contains(label)) {
                    const std::vector<float> unit = unitCopy(v, dim);
                    chunk.insert(chunk.end(), unit.begin(), unit.end());
                    labels.push_back(label);
                    if (qsizetype(labels.size()) >= kChunkRows)
                        flush();
                }
                return bool(addFailure);
            },
            firstMissing - 1);
        flush();
        if (!read)
            return read;
        if (!addFailure)
            return addFailure;
    }
    m_entryOfLabel.clear();
    m_labelOfEntry.clear();
    for (const EmbeddingRef &r : refs) {
        m_entryOfLabel.insert(r.embeddingId, r.entryId);
        m_labelOfEntry.insert(r.entryId, r.embeddingId);
    }
    return {};
}

Expected<void> VectorIndex::buildAnn(const std::function<bool()> &cancelled)
{
    const qint64 rows = qint64(m_rowLabels.size());
    Expected<std::unique_ptr<AnnIndex>> ann = AnnIndex::create(m_dim, rows + rows / 4 + 16, m_options.ann);
    if (!ann)
        return ann.error();
    for (qint64 start = 0; start < rows; start += kChunkRows) {
        if (cancelled && cancelled())
            return makeError(ErrorCode::Cancelled,
                QCoreApplication::translate("VectorIndex", "building the search index was cancelled")
                    .toStdString());
        const qint64 n = std::min<qint64>(kChunkRows, rows - start);
        Expected<void> added = (*ann)->add(
            m_vectors.data() + start * m_dim, m_rowLabels.data() + start, n, m_options.buildThreads);
        if (!added)
            return added;
    }
    m_ann = std::move(*ann);
    // The graph holds the vectors now; keep one copy.
    m_vectors = {};
    m_rowLabels = {};
    m_rowOfLabel.clear();
    return {};
}

void VectorIndex::saveAnn() const
{
    // The file only saves time on the next start; failing to write it is not an error.
    if (!m_annPath.isEmpty())
        (void)m_ann->save(m_annPath);
}

const float *VectorIndex::vectorOfLabel(qint64 label) const
{
    if (m_ann)
        return m_ann->vector(label);
    const auto row = m_rowOfLabel.constFind(label);
    return row == m_rowOfLabel.constEnd() ? nullptr : m_vectors.data() + *row * m_dim;
}

std::optional<QList<float>> VectorIndex::vectorOf(qint64 entryId) const
{
    const auto label = m_labelOfEntry.constFind(entryId);
    if (label == m_labelOfEntry.constEnd())
        return std::nullopt;
    const float *v = vectorOfLabel(*label);
    if (!v)
        return std::nullopt;
    return QList<float>(v, v + m_dim);
}

QList<VectorHit> VectorIndex::searchExact(const float *query, int k, const QSet<qint64> *allowed) const
{
    const std::vector<float> q = unitCopy(query, m_dim);
    std::vector<VectorHit> scored;
    if (allowed) {
        scored.reserve(size_t(allowed->size()));
        for (qint64 entry : *allowed)
            if (const auto label = m_labelOfEntry.constFind(entry); label != m_labelOfEntry.constEnd())
                if (const float *v = vectorOfLabel(*label))
                    scored.push_back({entry, dot(q.data(), v, m_dim)});
    } else if (!m_ann) {
        scored.reserve(m_rowLabels.size());
        for (size_t row = 0; row < m_rowLabels.size(); ++row)
            scored.push_back({m_entryOfLabel.value(m_rowLabels[row]),
                dot(q.data(), m_vectors.data() + row * m_dim, m_dim)});
    } else {
        scored.reserve(size_t(m_entryOfLabel.size()));
        for (auto it = m_entryOfLabel.constBegin(); it != m_entryOfLabel.constEnd(); ++it)
            if (const float *v = m_ann->vector(it.key()))
                scored.push_back({it.value(), dot(q.data(), v, m_dim)});
    }
    return bestOf(scored, k);
}

QList<VectorHit> VectorIndex::search(const float *query, int k, const QSet<qint64> *allowed) const
{
    if (k <= 0 || size() == 0 || (allowed && allowed->isEmpty()))
        return {};
    if (!m_ann)
        return searchExact(query, k, allowed);
    // A small allowed set is cheaper to scan than to fish out of the graph.
    if (allowed && qint64(allowed->size()) <= std::max<qint64>(qint64(k) * 64, m_options.annThreshold / 4))
        return searchExact(query, k, allowed);
    const std::vector<float> q = unitCopy(query, m_dim);
    const qint64 total = size();
    qint64 want = k;
    if (allowed)
        want = std::min<qint64>(total, qint64(k) * 2 * (total / std::max<qint64>(1, allowed->size()) + 1));
    QList<VectorHit> result;
    for (;;) {
        result.clear();
        const QList<AnnHit> hits
            = m_ann->search(q.data(), int(want), std::max<int>(m_options.efSearch, int(want)));
        for (const AnnHit &hit : hits) {
            const qint64 entry = m_entryOfLabel.value(hit.label, -1);
            if (entry >= 0 && (!allowed || allowed->contains(entry)))
                result.append({entry, hit.similarity});
        }
        if (result.size() >= k || want >= total)
            break;
        want = std::min(total, want * 4);
    }
    if (allowed && result.size() < k)
        return searchExact(query, k, allowed);
    if (result.size() > k)
        result.resize(k);
    return result;
}

} // namespace mplug2::app
