#include "app/retrieval/annindex.h"

// hnswlib defines non-inline functions in its headers: include it in this
// one translation unit only.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <hnswlib/hnswlib.h>
#include <mutex>
#include <sys/mman.h>
#include <thread>
#include <unistd.h>

namespace mplug2::app {

namespace {

using Graph = hnswlib::HierarchicalNSW<float>;

constexpr qint64 kMaxElements = qint64(1) << 31;
constexpr int kMaxLevel = 64;

Error damaged(const QString &path, const QString &why)
{
    return makeError(ErrorCode::Format,
        QCoreApplication::translate("AnnIndex", "the search index %1 is damaged (%2); it will be rebuilt")
            .arg(QDir::toNativeSeparators(path), why)
            .toStdString());
}

/// The fixed header hnswlib writes, in its order.
struct Header {
    quint64 offsetLevel0 = 0, maxElements = 0, count = 0, sizeDataPerElement = 0, labelOffset = 0,
            offsetData = 0;
    qint32 maxLevel = 0;
    quint32 enterPoint = 0;
    quint64 maxM = 0, maxM0 = 0, m = 0;
    double mult = 0;
    quint64 efConstruction = 0;
};

template<typename T> bool readPod(QFile &file, T &value)
{
    return file.read(reinterpret_cast<char *>(&value), sizeof(T)) == qint64(sizeof(T));
}

/// Checks everything hnswlib's loader trusts: sizes that decide allocations
/// and offsets, and that the per-element link blocks add up to the file.
Expected<Header> checkFile(const QString &path, int dim)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("AnnIndex", "cannot open %1").arg(path).toStdString());
    Header h;
    const bool complete = readPod(file, h.offsetLevel0) && readPod(file, h.maxElements)
        && readPod(file, h.count) && readPod(file, h.sizeDataPerElement) && readPod(file, h.labelOffset)
        && readPod(file, h.offsetData) && readPod(file, h.maxLevel) && readPod(file, h.enterPoint)
        && readPod(file, h.maxM) && readPod(file, h.maxM0) && readPod(file, h.m) && readPod(file, h.mult)
        && readPod(file, h.efConstruction);
    if (!complete)
        return damaged(path, QStringLiteral("short header"));
    const quint64 linksLevel0 = h.maxM0 * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    const quint64 linksPerLevel = h.maxM * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    const quint64 dataSize = quint64(dim) * sizeof(float);
    if (h.m < 2 || h.m > 1024 || h.maxM != h.m || h.maxM0 != 2 * h.m || h.offsetLevel0 != 0
        || h.offsetData != linksLevel0 || h.labelOffset != linksLevel0 + dataSize
        || h.sizeDataPerElement != h.labelOffset + sizeof(hnswlib::labeltype))
        return damaged(path, QStringLiteral("layout does not match %1-dimensional vectors").arg(dim));
    if (h.count > quint64(kMaxElements) || h.maxLevel < -1 || h.maxLevel > kMaxLevel
        || (h.count > 0 && (h.enterPoint >= h.count || h.maxLevel < 0))
        || std::abs(h.mult - 1.0 / std::log(double(h.m))) > 1e-9 || h.efConstruction > 100000)
        return damaged(path, QStringLiteral("bad counts"));
    // The link blocks follow the vectors: read them in one piece (a seek per
    // element costs seconds for a million) and walk them in memory.
    const qint64 linksStart = file.pos() + qint64(h.count * h.sizeDataPerElement);
    if (linksStart > file.size() || !file.seek(linksStart))
        return damaged(path, QStringLiteral("truncated"));
    const QByteArray links = file.readAll();
    qsizetype position = 0;
    for (quint64 i = 0; i < h.count; ++i) {
        quint32 linkBytes = 0;
        if (position + qsizetype(sizeof linkBytes) > links.size())
            return damaged(path, QStringLiteral("truncated"));
        std::memcpy(&linkBytes, links.constData() + position, sizeof linkBytes);
        if (linkBytes % linksPerLevel != 0 || linkBytes / linksPerLevel > quint64(h.maxLevel))
            return damaged(path, QStringLiteral("bad link block"));
        position += qsizetype(sizeof linkBytes) + qsizetype(linkBytes);
    }
    if (position != links.size())
        return damaged(path, QStringLiteral("size mismatch"));
    return h;
}

/// hnswlib's loadIndex() without its checking pass, which seeks once per
/// element (10 s for a million vectors): checkFile() has checked the same
/// sizes already. Reads the level-0 block in one piece and the upper-level
/// links from one buffer; fills the members exactly as loadIndex() does (and
/// counts deleted elements from zero, which the loading constructor forgets).
void loadGraph(Graph &g, QFile &file, const Header &h, hnswlib::SpaceInterface<float> *space, size_t capacity)
{
    constexpr qint64 kHeaderBytes = 6 * 8 + 4 + 4 + 3 * 8 + 8 + 8;
    // What the destructor frees is set first, so that a throw below leaves it sound.
    g.data_level0_memory_ = nullptr;
    g.linkLists_ = nullptr;
    g.visited_list_pool_ = nullptr;
    g.cur_element_count = 0; // the count of link lists to free: set at the end
    g.offsetLevel0_ = h.offsetLevel0;
    g.max_elements_ = std::max<size_t>(capacity, h.count);
    g.size_data_per_element_ = h.sizeDataPerElement;
    g.label_offset_ = h.labelOffset;
    g.offsetData_ = h.offsetData;
    g.maxlevel_ = h.maxLevel;
    g.enterpoint_node_ = h.enterPoint;
    g.maxM_ = h.maxM;
    g.maxM0_ = h.maxM0;
    g.M_ = h.m;
    g.mult_ = h.mult;
    g.ef_construction_ = h.efConstruction;
    g.data_size_ = space->get_data_size();
    g.fstdistfunc_ = space->get_dist_func();
    g.dist_func_param_ = space->get_dist_func_param();
    g.num_deleted_ = 0;
    const size_t maxElements = g.max_elements_;
    // In 2 MB pages where the kernel offers them: a million 3 KB vectors are
    // 750,000 page faults in 4 KB pages, most of the load's time.
    constexpr size_t kHugePage = size_t(2) << 20;
    const size_t level0Bytes
        = (maxElements * g.size_data_per_element_ + kHugePage - 1) / kHugePage * kHugePage;
    g.data_level0_memory_ = static_cast<char *>(std::aligned_alloc(kHugePage, level0Bytes));
    if (g.data_level0_memory_)
        (void)::madvise(g.data_level0_memory_, level0Bytes, MADV_HUGEPAGE);
    g.linkLists_ = static_cast<char **>(malloc(sizeof(void *) * maxElements));
    if (!g.data_level0_memory_ || !g.linkLists_)
        throw std::runtime_error("not enough memory for the search index");
    const qint64 level0 = qint64(h.count * h.sizeDataPerElement);
    if (!file.seek(kHeaderBytes) || file.read(g.data_level0_memory_, level0) != level0)
        throw std::runtime_error("truncated");
    g.size_links_per_element_ = g.maxM_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    g.size_links_level0_ = g.maxM0_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    std::vector<std::mutex>(maxElements).swap(g.link_list_locks_);
    std::vector<std::mutex>(Graph::max_update_element_locks).swap(g.link_list_update_locks_);
    g.visited_list_pool_ = new hnswlib::VisitedListPool(1, int(maxElements));
    g.element_levels_ = std::vector<int>(maxElements);
    g.revSize_ = 1.0 / g.mult_;
    g.ef_ = 10;
    const QByteArray links = file.readAll();
    qsizetype at = 0;
    g.label_lookup_.reserve(h.count);
    for (size_t i = 0; i < h.count; ++i) {
        g.label_lookup_[g.getExternalLabel(hnswlib::tableint(i))] = hnswlib::tableint(i);
        quint32 bytes = 0;
        if (at + qsizetype(sizeof bytes) > links.size())
            throw std::runtime_error("truncated");
        std::memcpy(&bytes, links.constData() + at, sizeof bytes);
        at += qsizetype(sizeof bytes);
        g.linkLists_[i] = nullptr;
        g.element_levels_[i] = int(bytes / g.size_links_per_element_);
        if (bytes == 0)
            continue;
        if (at + qsizetype(bytes) > links.size())
            throw std::runtime_error("truncated");
        g.linkLists_[i] = static_cast<char *>(malloc(bytes));
        if (!g.linkLists_[i])
            throw std::runtime_error("not enough memory for the search index");
        std::memcpy(g.linkLists_[i], links.constData() + at, bytes);
        at += qsizetype(bytes);
    }
    g.cur_element_count = h.count;
    for (size_t i = 0; i < h.count; ++i)
        if (g.isMarkedDeleted(hnswlib::tableint(i)))
            ++g.num_deleted_;
}

/// After loading: every link points at an element that exists on that level,
/// labels are unique and vectors finite, so a search cannot read astray.
bool graphIsSound(const Graph &g, int dim)
{
    const auto count = hnswlib::tableint(g.cur_element_count);
    if (g.label_lookup_.size() != g.cur_element_count)
        return false;
    if (count > 0 && g.element_levels_[g.enterpoint_node_] != g.maxlevel_)
        return false;
    for (hnswlib::tableint i = 0; i < count; ++i) {
        const float *v = reinterpret_cast<const float *>(g.getDataByInternalId(i));
        for (int c = 0; c < dim; ++c)
            if (!std::isfinite(v[c]))
                return false;
        for (int level = 0; level <= g.element_levels_[i]; ++level) {
            hnswlib::linklistsizeint *list = g.get_linklist_at_level(i, level);
            const unsigned size = g.getListCount(list);
            if (size > (level == 0 ? g.maxM0_ : g.maxM_))
                return false;
            const auto *links = reinterpret_cast<const hnswlib::tableint *>(list + 1);
            for (unsigned j = 0; j < size; ++j)
                if (links[j] >= count || g.element_levels_[links[j]] < level)
                    return false;
        }
    }
    return true;
}

int threadCount(int requested)
{
    if (requested > 0)
        return requested;
    return std::max(1, int(std::thread::hardware_concurrency()));
}

} // namespace

struct AnnIndex::Impl {
    explicit Impl(int dim)
        : space(size_t(dim))
    { }
    hnswlib::InnerProductSpace space;
    std::unique_ptr<Graph> graph;
    mutable std::mutex searchMutex; // setEf() + searchKnn() is not re-entrant
};

AnnIndex::AnnIndex(int dim, std::unique_ptr<Impl> impl)
    : m_dim(dim)
    , d(std::move(impl))
{ }

AnnIndex::~AnnIndex() = default;

Expected<std::unique_ptr<AnnIndex>> AnnIndex::create(int dim, qint64 capacity, const Params &params)
{
    if (dim <= 0 || capacity < 0 || capacity > kMaxElements)
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("AnnIndex", "bad vector index size").toStdString());
    auto impl = std::make_unique<Impl>(dim);
    try {
        impl->graph = std::make_unique<Graph>(&impl->space, size_t(std::max<qint64>(capacity, 16)),
            size_t(params.m), size_t(params.efConstruction), size_t(params.seed));
    } catch (const std::exception &e) {
        return makeError(ErrorCode::OutOfMemory, e.what());
    }
    return std::unique_ptr<AnnIndex>(new AnnIndex(dim, std::move(impl)));
}

Expected<std::unique_ptr<AnnIndex>> AnnIndex::load(const QString &path, int dim, qint64 extraCapacity)
{
    if (dim <= 0)
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("AnnIndex", "bad vector size").toStdString());
    Expected<Header> header = checkFile(path, dim);
    if (!header)
        return header.error();
    auto impl = std::make_unique<Impl>(dim);
    try {
        // Passing the capacity bounds what the loader allocates (it would
        // otherwise trust max_elements from the file).
        const size_t capacity
            = size_t(header->count) + size_t(std::clamp<qint64>(extraCapacity, 16, kMaxElements));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::NotFound,
                QCoreApplication::translate("AnnIndex", "cannot open %1").arg(path).toStdString());
        impl->graph = std::make_unique<Graph>(&impl->space);
        loadGraph(*impl->graph, file, *header, &impl->space, capacity);
    } catch (const std::exception &e) {
        return damaged(path, QString::fromUtf8(e.what()));
    }
    if (!graphIsSound(*impl->graph, dim))
        return damaged(path, QStringLiteral("inconsistent graph"));
    return std::unique_ptr<AnnIndex>(new AnnIndex(dim, std::move(impl)));
}

Expected<void> AnnIndex::save(const QString &path) const
{
    const QString temporary = path + QStringLiteral(".tmp-%1").arg(::getpid());
    try {
        d->graph->saveIndex(temporary.toStdString());
    } catch (const std::exception &e) {
        QFile::remove(temporary);
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("AnnIndex", "cannot write %1: %2")
                .arg(temporary, QString::fromUtf8(e.what()))
                .toStdString());
    }
    // hnswlib does not report write errors: check the result before it replaces the old file.
    Expected<Header> written = checkFile(temporary, m_dim);
    if (!written || written->count != d->graph->cur_element_count) {
        QFile::remove(temporary);
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("AnnIndex", "writing %1 failed (disk full?)")
                .arg(temporary)
                .toStdString());
    }
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporary);
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("AnnIndex", "cannot replace %1").arg(path).toStdString());
    }
    return {};
}

Expected<void> AnnIndex::add(const float *vectors, const qint64 *labels, qint64 count, int threads)
{
    if (count <= 0)
        return {};
    Graph &g = *d->graph;
    try {
        const size_t needed = g.cur_element_count + size_t(count);
        if (needed > g.max_elements_)
            g.resizeIndex(std::max(needed, g.max_elements_ + g.max_elements_ / 2));
        const size_t stride = size_t(m_dim);
        auto addOne
            = [&](qint64 i) { g.addPoint(vectors + size_t(i) * stride, hnswlib::labeltype(labels[i])); };
        const int workers = count < 256 ? 1 : threadCount(threads);
        if (workers == 1) {
            for (qint64 i = 0; i < count; ++i)
                addOne(i);
            return {};
        }
        // The first point becomes the entry point: add it before going parallel.
        addOne(0);
        std::atomic<qint64> next {1};
        std::atomic<bool> failed {false};
        std::string failure;
        std::mutex failureMutex;
        std::vector<std::thread> pool;
        for (int t = 0; t < workers; ++t)
            pool.emplace_back([&] {
                for (qint64 i = next++; i < count && !failed; i = next++) {
                    try {
                        addOne(i);
                    } catch (const std::exception &e) {
                        std::lock_guard lock(failureMutex);
                        failure = e.what();
                        failed = true;
                    }
                }
            });
        for (std::thread &t : pool)
            t.join();
        if (failed)
            return makeError(ErrorCode::Internal, failure);
    } catch (const std::exception &e) {
        return makeError(ErrorCode::OutOfMemory, e.what());
    }
    return {};
}

void AnnIndex::markDeleted(qint64 label)
{
    Graph &g = *d->graph;
    const auto it = g.label_lookup_.find(hnswlib::labeltype(label));
    if (it != g.label_lookup_.end() && !g.isMarkedDeleted(it->second))
        g.markDelete(hnswlib::labeltype(label));
}

QList<AnnHit> AnnIndex::search(const float *query, int k, int ef) const
{
    QList<AnnHit> hits;
    if (k <= 0 || liveCount() == 0)
        return hits;
    std::priority_queue<std::pair<float, hnswlib::labeltype>> found;
    {
        std::lock_guard lock(d->searchMutex);
        d->graph->setEf(size_t(std::max(ef, k)));
        found = d->graph->searchKnn(query, size_t(k));
    }
    hits.resize(qsizetype(found.size()));
    for (qsizetype i = hits.size() - 1; i >= 0; --i) { // the queue pops the farthest first
        hits[i] = {qint64(found.top().second), 1.f - found.top().first};
        found.pop();
    }
    return hits;
}

const float *AnnIndex::vector(qint64 label) const
{
    const Graph &g = *d->graph;
    const auto it = g.label_lookup_.find(hnswlib::labeltype(label));
    if (it == g.label_lookup_.end() || g.isMarkedDeleted(it->second))
        return nullptr;
    return reinterpret_cast<const float *>(g.getDataByInternalId(it->second));
}

QList<qint64> AnnIndex::labels() const
{
    const Graph &g = *d->graph;
    QList<qint64> result;
    result.reserve(qsizetype(g.label_lookup_.size()));
    for (const auto &[label, internal] : g.label_lookup_)
        if (!g.isMarkedDeleted(internal))
            result.append(qint64(label));
    return result;
}

qint64 AnnIndex::liveCount() const
{
    return qint64(d->graph->cur_element_count) - qint64(d->graph->num_deleted_);
}

qint64 AnnIndex::deletedCount() const
{
    return qint64(d->graph->num_deleted_);
}

} // namespace mplug2::app
