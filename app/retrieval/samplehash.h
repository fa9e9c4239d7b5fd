#pragma once
/// A fingerprint of a file's content that costs three small reads, not a
/// full read: the size, the first, middle and last 64 KiB (the whole file
/// when it is smaller). Enough to tell "touched but unchanged" from "edited",
/// which is what incremental indexing needs; not a cryptographic identity.
///
///     Expected<QByteArray> h = sampleHash("/videos/a.mp4");
///     if (h && *h == entry.sampleHash) ...   // same content: keep the embeddings

#include "base/expected.h"

#include <QByteArray>
#include <QString>

namespace mplug2::app {

/// 16 bytes (the first half of SHA-256 over the size and the samples). Io / NotFound errors name the file.
Expected<QByteArray> sampleHash(const QString &path);

} // namespace mplug2::app
