#include "app/retrieval/thumbnails.h"

#include <QBuffer>

#include <algorithm>

namespace mplug2::app {

QList<QByteArray> makeThumbnails(const QList<QImage> &frames, int side, int count)
{
    QList<QImage> usable;
    for (const QImage &f : frames)
        if (!f.isNull())
            usable.append(f);
    QList<QByteArray> result;
    if (usable.isEmpty() || side <= 0 || count <= 0)
        return result;
    const qsizetype n = usable.size();
    QList<qsizetype> picks {n / 2};
    for (qsizetype i = 0; i < qsizetype(count) - 1 && i < n; ++i) {
        const qsizetype index = (2 * i + 1) * n / (2 * qsizetype(count - 1));
        if (!picks.contains(index))
            picks.append(std::min(index, n - 1));
    }
    for (qsizetype index : std::as_const(picks)) {
        if (result.size() >= count)
            break;
        const QImage scaled
            = usable.at(index).scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        if (scaled.convertToFormat(QImage::Format_RGB888).save(&buffer, "JPEG", 82))
            result.append(jpeg);
    }
    return result;
}

} // namespace mplug2::app
