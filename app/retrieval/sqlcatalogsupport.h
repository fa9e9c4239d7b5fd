#pragma once
// Shared by the SQL catalogs' source files only.

#include "base/expected.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

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

/// Qt binds a null QString as SQL NULL; text columns declared NOT NULL want "".
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace mplug2::app::sqlcatalog
