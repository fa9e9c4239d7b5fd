#pragma once
/// The values a retrieval catalog stores and returns: media files with what
/// was learnt about them, their embeddings per model, and the state of the
/// indexing job. Plain values: they cross threads and storage back ends.
///
///     CatalogEntry e;
///     e.path = "/photos/beach.mp4";
///     e.kind = MediaKind::Video;
///     IndexedMedia m{e, modelKey, {{EmbeddingKind::Clip, vector}}, thumbnails};
///     catalog->storeIndexed(m);

#include "app/engine/enginerequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

enum class MediaKind { Unknown, Image, Video };

/// "image", "video", "unknown" (the names stored and printed).
QString mediaKindName(MediaKind kind);
MediaKind parseMediaKind(const QString &name);

/// "clip", "itc".
QString embeddingKindName(EmbeddingKind kind);
std::optional<EmbeddingKind> parseEmbeddingKind(const QString &name);

/// One media file as the catalog knows it.
struct CatalogEntry {
    qint64 id = 0; ///< assigned by the catalog (0: not stored)
    QString path; ///< absolute and clean
    qint64 size = 0; ///< bytes
    qint64 mtimeMs = 0; ///< last modification, ms since the epoch
    QByteArray sampleHash; ///< SampleHash of the content (see samplehash.h)
    MediaKind kind = MediaKind::Unknown;
    double durationSeconds = 0; ///< 0 for images
    int width = 0;
    int height = 0;
    qint64 indexedAtMs = 0;
    /// Why the file could not be indexed ("" when it was). Failed files are
    /// kept so that a re-run skips them until they change.
    QString error;
    /// Whether the catalog holds an embedding of the model asked about
    /// (filled by entriesUnder()).
    bool embedded = false;
    /// The caption stored while indexing (`mplug2 index --captions`), if any.
    QString caption;
    /// Whether the catalog holds moments of the model asked about (filled by
    /// entriesUnder(); a video indexed without --moments has none).
    bool hasMoments = false;
};

/// A moment of a video (issue 22): a shot, or a window of a long one, with
/// its CLIP-space embedding and a picture from its middle.
struct MediaMoment {
    qint64 id = 0; ///< assigned by the catalog (a stored moment gets a new, larger id)
    qint64 entryId = 0;
    double startSeconds = 0;
    double endSeconds = 0;
    int shot = 0; ///< the shot it lies in, counted from 0 in time order
    QList<float> vector; ///< L2-normalised; filled when storing, not when listing
    QByteArray thumbnail; ///< JPEG; filled when storing, not when listing
    QString caption; ///< made while indexing (index --moments --captions), if any
};

/// How much the moments of one space hold, for the index view.
struct MomentStats {
    qint64 moments = 0;
    qint64 files = 0; ///< videos that have moments
    qint64 bytes = 0; ///< vectors and thumbnails
};

/// A caption made while indexing, and how (so that it can be told apart
/// from one made with other settings).
struct StoredCaption {
    QString text;
    QString settings; ///< JSON: the model's task and beam settings
};

struct MediaEmbedding {
    EmbeddingKind kind = EmbeddingKind::Clip;
    QList<float> vector; ///< L2-normalised
};

/// A named folder of an archive (see Catalog::setLocalRoots).
struct CatalogRoot {
    QString name;
    QString path; ///< absolute and clean
    bool operator==(const CatalogRoot &other) const = default;
};

/// A file on disk as a scan saw it.
struct FileStamp {
    QString path; ///< absolute and clean
    qint64 size = 0;
    qint64 mtimeMs = 0;
    MediaKind kind = MediaKind::Unknown; ///< from the extension
};

/// A file an indexing worker took from the catalog's work queue: while the
/// lease holds, no other worker takes it. Each claim of a file gets a larger
/// token, so a store made under an older claim (its worker stalled past the
/// lease, another took the file over) can be told apart and refused.
struct WorkClaim {
    FileStamp file;
    QString worker; ///< who holds it
    qint64 token = 0;
    /// The queue it was claimed from (claimWork's key); "" reads as the store's model key.
    QString queue;
};

/// The work queue of one model, all workers together.
struct WorkCounts {
    qint64 pending = 0; ///< queued, nobody holds them
    qint64 claimed = 0; ///< held under a lease that has not run out
    qint64 expired = 0; ///< held under a lease that ran out: the next claim takes them
    qint64 done = 0; ///< stored (failed files included)
    QHash<QString, qint64> doneBy; ///< worker -> files it stored
};

/// Everything one indexed file adds to the catalog, stored atomically.
struct IndexedMedia {
    CatalogEntry entry;
    QString modelKey; ///< see modelKey() in modelkey.h
    QString bundleId; ///< the bundle that made the embeddings
    QList<MediaEmbedding> embeddings; ///< empty when entry.error is set
    QList<QByteArray> thumbnails; ///< JPEG pictures: the first is the poster, the rest a hover preview
    /// Set when the file came from the work queue: the store happens only if
    /// this claim still holds (else LimitExceeded and nothing is written),
    /// and marks the file done in the queue in the same transaction.
    std::optional<WorkClaim> claim;
    /// Stored under modelKey when set (a failed file stores none).
    std::optional<StoredCaption> caption;
    /// When set, replaces the file's moments in the model's CLIP space (an
    /// empty list removes them); unset leaves them as they are, unless the
    /// content changed, which drops them with every embedding.
    std::optional<QList<MediaMoment>> moments;
};

/// One model's embeddings of one kind: the unit a vector index is built over.
struct EmbeddingSpace {
    qint64 id = 0;
    QString modelKey;
    QString bundleId;
    EmbeddingKind kind = EmbeddingKind::Clip;
    int dim = 0;
    qint64 count = 0; ///< embeddings stored in it
};

/// Which entry an embedding belongs to.
struct EmbeddingRef {
    qint64 embeddingId = 0;
    qint64 entryId = 0;
};

/// Which media a search may return. Empty fields do not restrict.
struct MediaFilter {
    QStringList folders; ///< inside any of these folders (recursively)
    std::optional<MediaKind> kind;
    double minDurationSeconds = -1; ///< < 0: no lower bound (images count as 0 s)
    double maxDurationSeconds = -1; ///< < 0: no upper bound
    bool isEmpty() const
    {
        return folders.isEmpty() && !kind && minDurationSeconds < 0 && maxDurationSeconds < 0;
    }
};

enum class IndexJobStatus { Running, Paused, Cancelled, Finished, Failed };

/// "running", "paused", "cancelled", "finished", "failed".
QString indexJobStatusName(IndexJobStatus status);
std::optional<IndexJobStatus> parseIndexJobStatus(const QString &name);

/// The last indexing job, so that an interrupted one can be resumed (a job
/// still "running" when it is read again was killed).
struct IndexJobRecord {
    qint64 id = 0;
    QStringList roots;
    QString modelKey;
    QString bundleId;
    IndexJobStatus status = IndexJobStatus::Running;
    qint64 total = 0; ///< files to embed when it started
    qint64 done = 0; ///< of those, stored (failures included)
    qint64 failed = 0;
    qint64 startedMs = 0;
    qint64 updatedMs = 0;
    QString message; ///< why it failed
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::CatalogEntry)
