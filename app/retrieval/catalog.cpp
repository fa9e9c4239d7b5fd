#include "app/retrieval/catalog.h"

#include "app/retrieval/postgrescatalog.h"
#include "app/retrieval/sqlitecatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

namespace mplug2::app {

bool Catalog::isServerLocation(const QString &location)
{
    return PostgresCatalog::isUri(location);
}

Expected<std::unique_ptr<Catalog>> Catalog::open(const QString &location)
{
    if (isServerLocation(location)) {
        auto server = PostgresCatalog::open(location);
        if (!server)
            return server.error();
        return std::unique_ptr<Catalog>(std::move(*server));
    }
    auto sqlite = SqliteCatalog::open(location);
    if (!sqlite)
        return sqlite.error();
    return std::unique_ptr<Catalog>(std::move(*sqlite));
}

namespace {

QMutex g_rootsLock;
QHash<QString, QList<CatalogRoot>> g_localRoots; ///< by normalizedLocation()

/// One key per catalog however its location was written.
QString normalizedLocation(const QString &location)
{
    if (Catalog::isServerLocation(location)) {
        const Expected<PostgresAddress> address = PostgresCatalog::parseUri(location);
        return address ? address->display : location;
    }
    return QFileInfo(location).absoluteFilePath();
}

} // namespace

void Catalog::addLocalRoots(const QString &location, const QList<CatalogRoot> &roots)
{
    QMutexLocker lock(&g_rootsLock);
    QList<CatalogRoot> &list = g_localRoots[normalizedLocation(location)];
    for (CatalogRoot root : roots) {
        root.path = QDir::cleanPath(root.path);
        list.removeIf([&](const CatalogRoot &r) { return r.name == root.name || r.path == root.path; });
        list.append(root);
    }
}

QList<CatalogRoot> Catalog::localRoots(const QString &location)
{
    QMutexLocker lock(&g_rootsLock);
    return g_localRoots.value(normalizedLocation(location));
}

QString Catalog::rootNameProblem(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[\\p{L}\\p{N}._ -]{1,100}$"));
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("Catalog", "a root needs a name");
    if (!allowed.match(name).hasMatch())
        return QCoreApplication::translate("Catalog",
            "the root name '%1' may hold letters, digits, '.', '_', '-' and spaces only (at most 100)")
            .arg(name);
    return {};
}

QString Catalog::vectorCacheBase() const
{
    return location();
}

} // namespace mplug2::app
