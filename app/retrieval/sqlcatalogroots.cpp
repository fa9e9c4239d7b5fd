// SqlCatalog: roots. A file inside a root is stored as "<root>:/path/in/root",
// so that machines that mount one archive at different paths share its
// entries; everything else keeps its absolute path. Each catalog object maps
// roots to folders of this machine and translates paths both ways.
#include "app/retrieval/sqlcatalog.h"
#include "app/retrieval/sqlcatalogsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace mplug2::app {

void SqlCatalog::mapRoot(const CatalogRoot &root)
{
    // One name, one folder; one folder, one name.
    m_mounts.removeIf([&](const CatalogRoot &m) { return m.name == root.name || m.path == root.path; });
    m_mounts.append(root);
    std::stable_sort(m_mounts.begin(), m_mounts.end(),
        [](const CatalogRoot &a, const CatalogRoot &b) { return a.path.size() > b.path.size(); });
}

Expected<void> SqlCatalog::loadRoots()
{
    Expected<QList<CatalogRoot>> known = roots();
    if (!known)
        return known.error();
    m_mounts.clear();
    for (const CatalogRoot &root : std::as_const(*known))
        mapRoot(root);
    for (const CatalogRoot &local : Catalog::localRoots(m_location))
        mapRoot(local);
    return {};
}

Expected<QList<CatalogRoot>> SqlCatalog::roots()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name, path FROM root ORDER BY name")))
        return failure(q.lastError());
    QList<CatalogRoot> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString()});
    return list;
}

Expected<CatalogRoot> SqlCatalog::nameRoot(const QString &folder, const QString &preferred)
{
    const QString clean = QDir::cleanPath(folder);
    if (!QDir::isAbsolutePath(clean) || clean == QLatin1String("/"))
        return makeError(ErrorCode::InvalidArgument,
            tr("%1 cannot be a root: name a folder below /").arg(folder).toStdString());
    // Inside a root that another machine or an earlier run named: indexed under it. A name the caller
    // gives is recorded as asked (a root inside another is fine: a file goes to its innermost root).
    if (preferred.isEmpty())
        for (const CatalogRoot &m : std::as_const(m_mounts))
            if (clean == m.path || clean.startsWith(m.path + QLatin1Char('/')))
                return m;
    const QString base = preferred.isEmpty() ? QFileInfo(clean).fileName() : preferred;
    if (const QString problem = Catalog::rootNameProblem(base); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, problem.toStdString());
    Expected<QList<CatalogRoot>> known = roots();
    if (!known)
        return known.error();
    QString chosen;
    for (int n = 1; chosen.isEmpty() && n < 1000; ++n) {
        const QString name = n == 1 ? base : QStringLiteral("%1-%2").arg(base).arg(n);
        const auto it = std::find_if(
            known->begin(), known->end(), [&](const CatalogRoot &r) { return r.name == name; });
        // Free, the same folder, or a folder this machine does not have (another machine's mount of the
        // same archive: the name is what ties them). An explicit name is taken as given.
        if (it == known->end() || it->path == clean || !preferred.isEmpty() || !QFileInfo(it->path).isDir())
            chosen = name;
    }
    if (chosen.isEmpty())
        return makeError(
            ErrorCode::LimitExceeded, tr("no free name for the root %1").arg(clean).toStdString());
    Expected<void> ok = inTransaction([&]() -> Expected<void> {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO root(name, path) VALUES (?, ?) ON CONFLICT DO NOTHING"));
        q.addBindValue(chosen);
        q.addBindValue(clean);
        if (!q.exec())
            return failure(q.lastError());
        return {};
    });
    if (!ok)
        return ok.error();
    mapRoot({chosen, clean});
    return CatalogRoot {chosen, clean};
}

QString SqlCatalog::toStored(const QString &absolute) const
{
    const QString clean = QDir::cleanPath(absolute);
    for (const CatalogRoot &m : m_mounts) {
        if (clean == m.path)
            return m.name + QLatin1Char(':');
        if (clean.startsWith(m.path + QLatin1Char('/')))
            return m.name + QLatin1Char(':') + clean.mid(m.path.size());
    }
    return clean;
}

QString SqlCatalog::fromStored(const QString &stored) const
{
    if (stored.startsWith(QLatin1Char('/')))
        return stored;
    const qsizetype colon = stored.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return stored;
    const QString name = stored.left(colon);
    for (const CatalogRoot &m : m_mounts)
        if (m.name == name)
            return m.path + stored.mid(colon + 1);
    return stored;
}

QString SqlCatalog::resolve(const QString &stored)
{
    QString path = fromStored(stored);
    if (!path.startsWith(QLatin1Char('/')) && loadRoots())
        path = fromStored(stored);
    return path;
}

namespace sqlcatalog {

Expected<void> moveIntoRoots(QSqlDatabase &db, const QString &location)
{
    // The folders earlier jobs indexed become the roots, named after themselves; nested ones first, so that
    // each file goes to its innermost root.
    QSqlQuery jobs(db);
    if (!jobs.exec(QStringLiteral("SELECT roots FROM job")))
        return sqlFailure(location, jobs.lastError());
    QSet<QString> folders;
    while (jobs.next())
        for (const QJsonValue &v : QJsonDocument::fromJson(jobs.value(0).toString().toUtf8()).array()) {
            const QString folder = QDir::cleanPath(v.toString());
            if (QDir::isAbsolutePath(folder) && folder != QLatin1String("/"))
                folders.insert(folder);
        }
    jobs.finish();
    QStringList ordered(folders.begin(), folders.end());
    std::sort(ordered.begin(), ordered.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    QSet<QString> names;
    for (const QString &folder : std::as_const(ordered)) {
        QString base = QFileInfo(folder).fileName();
        if (!Catalog::rootNameProblem(base).isEmpty())
            base = QStringLiteral("root");
        QString name = base;
        for (int n = 2; names.contains(name); ++n)
            name = QStringLiteral("%1-%2").arg(base).arg(n);
        names.insert(name);
        QSqlQuery root(db);
        root.prepare(QStringLiteral("INSERT INTO root(name, path) VALUES (?, ?)"));
        root.addBindValue(name);
        root.addBindValue(folder);
        if (!root.exec())
            return sqlFailure(location, root.lastError());
        QString high = folder + QLatin1Char('/');
        high.back() = QChar(QLatin1Char('/').unicode() + 1);
        for (const char *table : {"media", "work"}) {
            QSqlQuery move(db);
            move.prepare(QStringLiteral("UPDATE %1 SET path = ? || substr(path, ?) WHERE path = ? OR "
                                        "(path >= ? AND path < ?)")
                             .arg(QLatin1String(table)));
            move.addBindValue(name + QLatin1Char(':'));
            move.addBindValue(int(folder.toUcs4().size()) + 1); // SQL counts characters, not UTF-16 units
            move.addBindValue(folder);
            move.addBindValue(folder + QLatin1Char('/'));
            move.addBindValue(high);
            if (!move.exec())
                return sqlFailure(location, move.lastError());
        }
    }
    return {};
}

} // namespace sqlcatalog

} // namespace mplug2::app
