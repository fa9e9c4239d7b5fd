#pragma once
/// Where a search index lives, as the search dock and File ▸ Open Index
/// show it, and a check that it opens. A location is an index file's path
/// or a `postgresql://user@host:port/db` URI (app::Catalog::open()).
///
///     label->setText(IndexLocation::displayName(location));   // "index.sqlite", "media on db.lab"
///     auto *watcher = new QFutureWatcher<IndexLocation::Check>(this);
///     watcher->setFuture(QtConcurrent::run(&IndexLocation::check, location, IndexLocation::Create));
///
/// check() talks to the server and can take seconds: run it off the GUI
/// thread. It opens and closes its own catalog there, since a catalog
/// belongs to the thread that opened it.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mplug2::ui {

class IndexLocation {
    Q_DECLARE_TR_FUNCTIONS(IndexLocation)

public:
    /// What check() found.
    struct Check {
        QString error; ///< empty: the index opened
        QStringList folders; ///< the folders its last indexing job covered
    };
    enum Missing {
        Create, ///< a missing index file is created (opening a new index)
        /// A missing index file is an empty index and stays missing (just looking); a
        /// missing folder is an error.
        LeaveMissing,
    };

    /// A short name for people: the file's name, or "database on host" for a server.
    static QString displayName(const QString &location);
    /// Opens the index at `location` and reads its indexed folders. Blocking:
    /// a server is given 15 s to answer unless the URI sets connect_timeout.
    static Check check(const QString &location, Missing missing);
};

} // namespace mplug2::ui
