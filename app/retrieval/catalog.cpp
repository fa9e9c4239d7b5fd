#include "app/retrieval/catalog.h"

#include "app/retrieval/postgrescatalog.h"
#include "app/retrieval/sqlitecatalog.h"

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

QString Catalog::vectorCacheBase() const
{
    return location();
}

} // namespace mplug2::app
