#include "app/about/thirdpartycomponent.h"

#include "media/libraryversions.h"
#include "model/runtime/runtimeinfo.h"

#include <QtGlobal>

namespace mplug2::app {

QList<ThirdPartyComponent> thirdPartyComponents()
{
    QList<ThirdPartyComponent> list;
    list.append({QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only"),
        QStringLiteral("https://www.qt.io")});
    list.append(
        {QStringLiteral("LibTorch (PyTorch)"), QString::fromStdString(model::runtimeInfo().torchVersion),
            QStringLiteral("BSD-3-Clause"), QStringLiteral("https://pytorch.org")});
    for (const media::LibraryVersion &lib : media::mediaLibraryVersions()) {
        const bool ffmpeg = lib.name.rfind("lib", 0) == 0;
        list.append({QString::fromStdString(lib.name), QString::fromStdString(lib.version),
            QString::fromStdString(lib.license),
            ffmpeg ? QStringLiteral("https://ffmpeg.org") : QStringLiteral("https://opencv.org")});
    }
    list.append({QStringLiteral("SentencePiece"), QString(), QStringLiteral("Apache-2.0"),
        QStringLiteral("https://github.com/google/sentencepiece")});
    list.append({QStringLiteral("utf8proc"), QString(), QStringLiteral("MIT"),
        QStringLiteral("https://juliastrings.github.io/utf8proc/")});
    list.append(
        {QStringLiteral("zlib"), QString(), QStringLiteral("Zlib"), QStringLiteral("https://zlib.net")});
    list.append({QStringLiteral("SQLite"), QString(), QStringLiteral("Public domain"),
        QStringLiteral("https://sqlite.org")});
    list.append({QStringLiteral("hnswlib"), QString(), QStringLiteral("Apache-2.0"),
        QStringLiteral("https://github.com/nmslib/hnswlib")});
    list.append({QStringLiteral("BERT uncased WordPiece vocabulary"), QString(),
        QStringLiteral("Apache-2.0 (Google BERT)"),
        QStringLiteral("https://github.com/google-research/bert")});
    list.append({QStringLiteral("mPLUG-2 model architecture"), QString(),
        QStringLiteral("Apache-2.0 (X-PLUG/mPLUG-2)"), QStringLiteral("https://github.com/X-PLUG/mPLUG-2")});
    return list;
}

} // namespace mplug2::app
