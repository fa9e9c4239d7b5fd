#include "app/retrieval/samplehash.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QtEndian>

namespace mplug2::app {

namespace {

constexpr qint64 kSampleBytes = 64 * 1024;

Error readError(const QString &path, const QFile &file)
{
    const ErrorCode code = file.exists() ? ErrorCode::Io : ErrorCode::NotFound;
    return makeError(code,
        QCoreApplication::translate("SampleHash", "cannot read %1: %2")
            .arg(path, file.errorString())
            .toStdString());
}

} // namespace

Expected<QByteArray> sampleHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return readError(path, file);
    const qint64 size = file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const quint64 sizeLe = qToLittleEndian(quint64(size));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&sizeLe), sizeof sizeLe));

    QList<qint64> offsets;
    if (size <= 3 * kSampleBytes)
        offsets = {0};
    else
        offsets = {0, size / 2 - kSampleBytes / 2, size - kSampleBytes};
    const qint64 chunk = size <= 3 * kSampleBytes ? size : kSampleBytes;
    QByteArray buffer;
    for (qint64 offset : offsets) {
        if (!file.seek(offset))
            return readError(path, file);
        buffer = file.read(chunk);
        if (buffer.size() != chunk)
            return readError(path, file);
        hash.addData(buffer);
    }
    return hash.result().left(16);
}

} // namespace mplug2::app
