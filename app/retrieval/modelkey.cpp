#include "app/retrieval/modelkey.h"

#include "app/retrieval/samplehash.h"

namespace mplug2::app {

Expected<QString> modelKey(const ModelBundle &bundle)
{
    Expected<QByteArray> hash = sampleHash(bundle.checkpoint);
    if (!hash)
        return hash.error();
    return QStringLiteral("%1@%2-r%3-f%4")
        .arg(bundle.id, QString::fromLatin1(hash->toHex().left(12)))
        .arg(bundle.imageRes)
        .arg(bundle.numFrames);
}

} // namespace mplug2::app
