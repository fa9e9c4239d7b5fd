#pragma once
// A file as the catalog tests store it: fixed size, time, frame size and two
// thumbnails, with one CLIP embedding of model `model`.
#include "app/retrieval/catalogtypes.h"

namespace mplug2::test {

inline app::IndexedMedia catalogMedia(const QString &path, app::MediaKind kind, const QByteArray &hash,
    QList<float> vector, const QString &model = QStringLiteral("m@1"))
{
    app::IndexedMedia m;
    m.entry.path = path;
    m.entry.size = 100;
    m.entry.mtimeMs = 1000;
    m.entry.sampleHash = hash;
    m.entry.kind = kind;
    m.entry.durationSeconds = kind == app::MediaKind::Video ? 3.5 : 0.0;
    m.entry.width = 64;
    m.entry.height = 48;
    m.modelKey = model;
    m.bundleId = QStringLiteral("m");
    m.embeddings = {{app::EmbeddingKind::Clip, std::move(vector)}};
    m.thumbnails = {QByteArray("poster"), QByteArray("preview")};
    return m;
}

} // namespace mplug2::test
