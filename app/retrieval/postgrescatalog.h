#pragma once
/// A catalog on a PostgreSQL server, shared by everyone who can reach it:
/// many indexing workers on many machines write it at once (they divide
/// the files through the work queue), and anyone searches it. Created by
/// Catalog::open() for a `postgresql://` URI, through Qt's QPSQL driver
/// (Debian: libqt6sql6-psql).
///
///     auto catalog = PostgresCatalog::open("postgresql://indexer@db.lab:5432/media?sslmode=require");
///
/// The URI names user, host, port and database; any other libpq parameter
/// (sslmode, connect_timeout, service, host=/run/postgresql, ...) passes
/// through from its query. A password in the URI is refused, since it would
/// show in `ps`, shell history and recent lists: libpq finds it in
/// PGPASSWORD, ~/.pgpass or the PGSERVICE file. The schema is created on
/// first use (one process at a time, under an advisory lock) and carries
/// the same version as the SQLite catalog's.
///
/// Every write is one transaction: a dropped connection or a killed process
/// leaves the catalog as it was before or after each store.

#include "app/retrieval/sqlcatalog.h"

#include <QList>
#include <QPair>

namespace mplug2::app {

/// A `postgresql://` URI taken apart for libpq.
struct PostgresAddress {
    QString user;
    QString host; ///< empty: libpq's default (the local socket)
    int port = -1; ///< -1: libpq's default
    QString database;
    QList<QPair<QString, QString>> parameters; ///< the query's libpq parameters, in order
    /// The URI again, for messages and recent lists (it never holds a password).
    QString display;
};

class PostgresCatalog final : public SqlCatalog {
    Q_DECLARE_TR_FUNCTIONS(PostgresCatalog)

public:
    /// Whether `location` is a `postgresql://` or `postgres://` URI.
    static bool isUri(const QString &location);
    /// Takes a URI apart; refuses a password in it and parameters libpq
    /// could not be given safely.
    static Expected<PostgresAddress> parseUri(const QString &uri);

    static Expected<std::unique_ptr<PostgresCatalog>> open(const QString &uri);

    /// ~/.cache/mplug2/indexes/<the catalog's uuid>, a folder only the user reads.
    QString vectorCacheBase() const override;

protected:
    QString beginStatement() const override;
    QString nowMsExpression() const override;
    Expected<QList<WorkClaim>> claimQueued(
        const QString &modelKey, const QString &worker, int count, qint64 leaseMs) override;

private:
    using SqlCatalog::SqlCatalog;
    Expected<void> initialise();

    QString m_uuid;
};

} // namespace mplug2::app
