#include "app/retrieval/indexplan.h"

#include "app/retrieval/samplehash.h"

#include <QHash>
#include <QSet>

namespace mplug2::app {

IndexPlan planIndexing(const QList<FileStamp> &onDisk, const QList<CatalogEntry> &known,
    const std::function<bool()> &cancelled, bool moments)
{
    QHash<QString, const CatalogEntry *> byPath;
    for (const CatalogEntry &e : known)
        byPath.insert(e.path, &e);

    IndexPlan plan;
    QSet<QString> present;
    for (const FileStamp &file : onDisk) {
        present.insert(file.path);
        const CatalogEntry *entry = byPath.value(file.path, nullptr);
        if (!entry) {
            plan.toEmbed.append(file);
            continue;
        }
        bool sameContent = entry->size == file.size && entry->mtimeMs == file.mtimeMs;
        bool restamped = false;
        if (!sameContent && entry->size == file.size) {
            // Touched, copied back, restored from a backup: the time moved but
            // the bytes may be the same. The hash decides.
            if (cancelled && cancelled())
                return plan;
            const Expected<QByteArray> hash = sampleHash(file.path);
            if (hash && *hash == entry->sampleHash) {
                plan.toRestamp.append({entry->id, file.size, file.mtimeMs});
                sameContent = restamped = true;
            }
        }
        if (!sameContent) {
            ++plan.changed;
            plan.toEmbed.append(file);
        } else if (!entry->error.isEmpty()) {
            ++plan.failedBefore;
        } else if (entry->embedded
            && (!moments || entry->kind != MediaKind::Video || entry->hasMoments
                || entry->durationSeconds <= 0)) {
            plan.unchanged += restamped ? 0 : 1; // counted as re-stamped instead
        } else {
            plan.toEmbed.append(file); // catalogued for another model only
        }
    }
    QSet<qint64> dropped;
    for (const CatalogEntry &e : known)
        if (!present.contains(e.path) && !dropped.contains(e.id)) {
            dropped.insert(e.id);
            plan.toDrop.append(e.id);
        }
    return plan;
}

} // namespace mplug2::app
