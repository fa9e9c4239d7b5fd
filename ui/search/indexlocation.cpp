#include "ui/search/indexlocation.h"

#include "app/retrieval/catalog.h"
#include "app/retrieval/postgrescatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

namespace mplug2::ui {

namespace {

/// libpq waits for a silent server without end unless told otherwise; a
/// check must end, or it would hold the app's exit too (the pool waits for it).
constexpr int kCheckTimeoutSeconds = 15;

QString withConnectTimeout(const QString &uri)
{
    QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid())
        return uri; // Catalog::open() says what is wrong with it
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("connect_timeout")))
        return uri;
    query.addQueryItem(QStringLiteral("connect_timeout"), QString::number(kCheckTimeoutSeconds));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

QString IndexLocation::displayName(const QString &location)
{
    if (!app::Catalog::isServerLocation(location))
        return QFileInfo(location).fileName();
    const Expected<app::PostgresAddress> address = app::PostgresCatalog::parseUri(location);
    if (!address)
        return location;
    const QString database = address->database.isEmpty() ? address->user : address->database;
    if (address->host.isEmpty())
        return tr("%1 on the local server").arg(database);
    return tr("%1 on %2").arg(database, address->host);
}

IndexLocation::Check IndexLocation::check(const QString &location, Missing missing)
{
    Check found;
    if (location.isEmpty()) {
        found.error = tr("No index was chosen.");
        return found;
    }
    const bool server = app::Catalog::isServerLocation(location);
    if (missing == LeaveMissing && !server && !QFileInfo::exists(location)) {
        // A new index may go there; a missing folder is more likely a drive that is not mounted.
        if (!QFileInfo(location).absoluteDir().exists())
            found.error
                = tr("%1 cannot be found: its folder is missing.").arg(QDir::toNativeSeparators(location));
        return found;
    }
    Expected<std::unique_ptr<app::Catalog>> catalog
        = app::Catalog::open(server ? withConnectTimeout(location) : location);
    if (!catalog) {
        found.error = QString::fromStdString(catalog.error().message);
        return found;
    }
    // A file that is no index, or a server that refuses reads, fails here rather than at the first search.
    Expected<std::optional<app::IndexJobRecord>> last = (*catalog)->lastJob();
    if (!last)
        found.error = QString::fromStdString(last.error().message);
    else if (*last)
        found.folders = (*last)->roots;
    return found;
}

} // namespace mplug2::ui
