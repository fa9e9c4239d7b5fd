#pragma once
// Shared by the SQL catalogs' source files only.

#include "base/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <cmath>
#include <cstring>

namespace mplug2::app::sqlcatalog {

inline Error sqlFailure(const QString &path, const QSqlError &error)
{
    return makeError(ErrorCode::Io,
        QCoreApplication::translate("SqlCatalog",
            "the index %1 cannot be read or "
            "written: %2")
            .arg(QDir::toNativeSeparators(path), error.text())
            .toStdString());
}

/// Schema 5, both back ends: the folders earlier jobs indexed become roots
/// (the root table must exist), and the files in them are stored relative
/// to them. Runs inside the caller's transaction.
Expected<void> moveIntoRoots(QSqlDatabase &db, const QString &location);

/// A vector as stored: little-endian float32, packed.
inline QByteArray packVector(const QList<float> &v)
{
    QByteArray blob(qsizetype(v.size() * sizeof(float)), Qt::Uninitialized);
    std::memcpy(blob.data(), v.constData(), size_t(blob.size()));
    return blob;
}

inline bool allFinite(const QList<float> &v)
{
    for (float x : v)
        if (!std::isfinite(x))
            return false;
    return true;
}

/// Qt binds a null QString as SQL NULL; text columns declared NOT NULL want "".
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace mplug2::app::sqlcatalog
