#pragma once
/// The embedded catalog: one SQLite file (WAL journal, foreign keys on),
/// through Qt Sql. Created by Catalog::open() for a file path.
///
///     auto catalog = SqliteCatalog::open("index.sqlite");
///
/// Writes run as short IMMEDIATE transactions, so a reader in another
/// process (a search while indexing) never sees half a file, and a process
/// killed with SIGKILL leaves the file consistent (the WAL is rolled back or
/// forward on the next open). Waits up to 10 s for another writer.
/// Older files are upgraded in place when opened, one schema version at a
/// time (see kMigrations in sqlitecatalog.cpp); newer ones are refused.

#include "app/retrieval/sqlcatalog.h"

namespace mplug2::app {

class SqliteCatalog final : public SqlCatalog {
    Q_DECLARE_TR_FUNCTIONS(SqliteCatalog)

public:
    static Expected<std::unique_ptr<SqliteCatalog>> open(const QString &path);

protected:
    QString beginStatement() const override;
    QString nowMsExpression() const override;
    Expected<QList<WorkClaim>> claimQueued(
        const QString &modelKey, const QString &worker, int count, qint64 leaseMs) override;

private:
    using SqlCatalog::SqlCatalog;
    Expected<void> initialise();
    /// Brings a file of schema version `from` to kSchemaVersion, in one transaction.
    Expected<void> migrate(int from);
};

} // namespace mplug2::app
