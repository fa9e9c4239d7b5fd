#pragma once
/// What an indexing run has to do, from what is on disk and what the catalog
/// already knows: embed new, changed and not-yet-embedded files, re-stamp
/// files that were only touched (same content, new time), drop files that
/// are gone, and leave the rest alone. Files that failed before are skipped
/// until they change.
///
///     auto files = FolderScanner().scan(roots);
///     auto known = catalog->entriesUnder(root, key);
///     IndexPlan plan = planIndexing(*files, *known, cancelled);
///
/// Pure apart from the sample hashes it reads for files whose time changed
/// but whose size did not.

#include "app/retrieval/catalogtypes.h"
#include "app/retrieval/folderscanner.h"

#include <QList>

#include <functional>

namespace mplug2::app {

struct StampUpdate {
    qint64 id = 0;
    qint64 size = 0;
    qint64 mtimeMs = 0;
};

struct IndexPlan {
    QList<FileStamp> toEmbed; ///< in scan order
    QList<StampUpdate> toRestamp; ///< unchanged content, new size/time stamp
    QList<qint64> toDrop; ///< catalogued files that are gone
    qint64 unchanged = 0; ///< already embedded by this model (re-stamped ones not counted)
    qint64 failedBefore = 0; ///< failed earlier, unchanged since: skipped
    qint64 changed = 0; ///< of toEmbed: content differs from the catalogued one
};

/// `onDisk` from FolderScanner::scan() over some roots, `known` the catalog's
/// entries under the same roots for the model in question. `cancelled` is
/// polled before each hash; a cancelled plan comes back partial and should
/// be thrown away. With `moments`, a video embedded without moments is
/// embedded again (with them).
IndexPlan planIndexing(const QList<FileStamp> &onDisk, const QList<CatalogEntry> &known,
    const std::function<bool()> &cancelled = {}, bool moments = false);

} // namespace mplug2::app
