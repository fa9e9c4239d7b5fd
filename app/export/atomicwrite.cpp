#include "app/export/atomicwrite.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace mplug2::app {

namespace {
struct AtomicWriteText {
    Q_DECLARE_TR_FUNCTIONS(Export)
};
} // namespace

Expected<void> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
            AtomicWriteText::tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorCode::Io,
            AtomicWriteText::tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

} // namespace mplug2::app
