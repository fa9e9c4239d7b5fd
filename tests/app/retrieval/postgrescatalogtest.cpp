// PostgresCatalog on its own (the shared contract is catalogcontracttest):
// the URI and what it refuses, the schema made once by racing workers and
// refused when newer, and the faults of a network: no server, a wrong
// password, and a connection dropped in the middle of a store, which leaves
// the catalog as it was before the store.
#include "app/retrieval/postgrescatalog.h"

#include "tests/support/throwawaypostgres.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <thread>

using namespace mplug2;
using namespace mplug2::app;

namespace {

IndexedMedia media(const QString &path)
{
    IndexedMedia m;
    m.entry.path = path;
    m.entry.size = 10;
    m.entry.mtimeMs = 20;
    m.entry.sampleHash = "h";
    m.entry.kind = MediaKind::Image;
    m.modelKey = QStringLiteral("k");
    m.bundleId = QStringLiteral("b");
    m.embeddings = {{EmbeddingKind::Clip, {1, 0, 0}}};
    m.thumbnails = {QByteArray("jpeg")};
    return m;
}

QString message(const Error &e)
{
    return QString::fromStdString(e.message);
}

} // namespace

class PostgresCatalogTest : public QObject {
    Q_OBJECT

    test::ThrowawayPostgres m_pg;
    int m_counter = 0;

    QString freshUri()
    {
        const QString uri = m_pg.newDatabase(QStringLiteral("p%1").arg(m_counter++));
        if (uri.isEmpty())
            qFatal("cannot create a database: %s", qPrintable(m_pg.lastOutput()));
        return uri;
    }

private Q_SLOTS:
    void takesTheUriApart()
    {
        auto a = PostgresCatalog::parseUri(QStringLiteral(
            "postgresql://indexer@db.lab:6543/media%20archive?sslmode=require&connect_timeout=3"));
        QVERIFY2(a, a ? "" : a.error().message.c_str());
        QCOMPARE(a->user, QStringLiteral("indexer"));
        QCOMPARE(a->host, QStringLiteral("db.lab"));
        QCOMPARE(a->port, 6543);
        QCOMPARE(a->database, QStringLiteral("media archive"));
        QCOMPARE(a->parameters.size(), 2);
        QCOMPARE(a->parameters.at(0).first, QStringLiteral("sslmode"));
        QCOMPARE(a->parameters.at(0).second, QStringLiteral("require"));
        auto socket = PostgresCatalog::parseUri(QStringLiteral("postgres:///media?host=/run/postgresql"));
        QVERIFY(socket);
        QVERIFY(socket->host.isEmpty());
        QCOMPARE(socket->port, -1);
        QCOMPARE(socket->parameters.at(0).second, QStringLiteral("/run/postgresql"));
        auto service = PostgresCatalog::parseUri(QStringLiteral("postgresql:///?service=lab"));
        QVERIFY(service);
        QVERIFY(service->database.isEmpty());
        QVERIFY(Catalog::isServerLocation(QStringLiteral("POSTGRESQL://h/d")));
        QVERIFY(!Catalog::isServerLocation(QStringLiteral("/home/me/postgresql://x.sqlite")));
        QVERIFY(!Catalog::isServerLocation(QStringLiteral("index.sqlite")));
    }

    void refusesAPasswordInTheUri()
    {
        for (const QString &uri :
            {QStringLiteral("postgresql://u:secret@h/d"), QStringLiteral("postgresql://u:@h/d"),
                QStringLiteral("postgresql://u@h/d?password=secret")}) {
            auto a = PostgresCatalog::parseUri(uri);
            QVERIFY2(!a, qPrintable(uri));
            QCOMPARE(a.error().code, ErrorCode::InvalidArgument);
            QVERIFY(message(a.error()).contains(QStringLiteral("~/.pgpass")));
            QVERIFY2(
                !message(a.error()).contains(QStringLiteral("secret")), "the password is never repeated");
            auto c = Catalog::open(uri);
            QVERIFY(!c);
            QVERIFY(!message(c.error()).contains(QStringLiteral("secret")));
        }
        QVERIFY(!PostgresCatalog::parseUri(QStringLiteral("postgresql://u@h/d?bad-key=1")));
        QVERIFY(!PostgresCatalog::parseUri(QStringLiteral("postgresql://u@h/d?options=a%3Bb")));
        QVERIFY(!PostgresCatalog::parseUri(QStringLiteral("postgresql://u@h/a/b")));
    }

    void workersStartedTogetherCreateTheSchemaOnce()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        const QString uri = freshUri();
        constexpr int kWorkers = 6;
        std::atomic_int opened {0};
        QStringList errors;
        std::mutex lock;
        std::vector<std::thread> threads;
        for (int i = 0; i < kWorkers; ++i)
            threads.emplace_back([&] {
                auto c = Catalog::open(uri);
                if (c) {
                    ++opened;
                    return;
                }
                std::lock_guard guard(lock);
                errors << message(c.error());
            });
        for (std::thread &t : threads)
            t.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(opened.load(), kWorkers);
        const QString db = uri.section(QLatin1Char('/'), -1);
        QCOMPARE(m_pg.psqlValue(db, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'uuid'")),
            QStringLiteral("1"));
        QCOMPARE(m_pg.psqlValue(db, QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")),
            QString::fromLatin1(SqlCatalog::kSchema));
    }

    void refusesANewerSchemaAndForeignDatabases()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        const QString uri = freshUri();
        const QString db = uri.section(QLatin1Char('/'), -1);
        QVERIFY(Catalog::open(uri));
        QCOMPARE(
            m_pg.psql(db, QStringLiteral("UPDATE meta SET value = 'mplug2-catalog/9' WHERE key = 'schema'")),
            QString());
        auto newer = Catalog::open(uri);
        QVERIFY(!newer);
        QCOMPARE(newer.error().code, ErrorCode::Unsupported);
        QVERIFY(message(newer.error()).contains(QStringLiteral("mplug2-catalog/9")));

        const QString foreign = freshUri();
        QCOMPARE(m_pg.psql(foreign.section(QLatin1Char('/'), -1),
                     QStringLiteral("CREATE TABLE meta(key TEXT, value TEXT)")),
            QString());
        auto other = Catalog::open(foreign);
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::Format);
    }

    void anOlderSchemaIsUpgradedInPlace()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        const QString uri = freshUri();
        const QString db = uri.section(QLatin1Char('/'), -1);
        {
            auto c = *Catalog::open(uri);
            QVERIFY(c->storeIndexed(media(QStringLiteral("/u/kept.png"))));
        }
        // What the first shared catalogs (schema 3, before captions) look like.
        QCOMPARE(m_pg.psql(db,
                     QStringLiteral("DROP TABLE caption; UPDATE meta SET value = 'mplug2-catalog/3' "
                                    "WHERE key = 'schema'")),
            QString());
        auto c = Catalog::open(uri);
        QVERIFY2(c, c ? "" : c.error().message.c_str());
        QCOMPARE(m_pg.psqlValue(db, QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")),
            QString::fromLatin1(SqlCatalog::kSchema));
        QVERIFY(*(*c)->entry(QStringLiteral("/u/kept.png")));
        IndexedMedia m = media(QStringLiteral("/u/new.png"));
        m.caption = StoredCaption {QStringLiteral("a caption"), QStringLiteral("{}")};
        QVERIFY((*c)->storeIndexed(m));
        QCOMPARE((*(*c)->entry(QStringLiteral("/u/new.png")))->caption, QStringLiteral("a caption"));
    }

    void noServerIsAClearErrorNotAHang()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        // A loopback port with nothing behind it: refused at once.
        QElapsedTimer clock;
        clock.start();
        auto c = Catalog::open(QStringLiteral("postgresql://mplug2@127.0.0.1:%1/none")
                                   .arg(m_pg.port() + 1 == 65536 ? 1 : m_pg.port() + 1));
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Io);
        QVERIFY2(message(c.error()).contains(QStringLiteral("cannot connect to the index")),
            c.error().message.c_str());
        QVERIFY(clock.elapsed() < 15000);
        auto missing = Catalog::open(m_pg.uri(QStringLiteral("no_such_database")));
        QVERIFY(!missing);
        QVERIFY2(message(missing.error()).contains(QStringLiteral("no_such_database")),
            missing.error().message.c_str());
    }

    void aWrongPasswordIsAClearError()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        const QString uri = freshUri();
        const QByteArray right = qgetenv("PGPASSWORD");
        qputenv("PGPASSWORD", "wrong-password");
        auto c = Catalog::open(uri);
        qputenv("PGPASSWORD", right);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::InvalidArgument); // not worth trying again
        QVERIFY2(message(c.error()).contains(QStringLiteral("password authentication failed")),
            c.error().message.c_str());
        QVERIFY(!message(c.error()).contains(QStringLiteral("wrong-password")));
        QVERIFY(Catalog::open(uri));
    }

    void aConnectionDroppedInTheMiddleOfAStoreLeavesTheCatalogAsItWas()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        const QString uri = freshUri();
        auto c = *Catalog::open(uri);
        QVERIFY(c->storeIndexed(media(QStringLiteral("/d/before.png"))));
        const qint64 generation = *c->generation();

        // Another session holds the generation row, so the store stops half way (its file row written,
        // its embeddings not yet) and waits there; then the server drops the store's connection.
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        admin.setHostName(QStringLiteral("127.0.0.1"));
        admin.setPort(m_pg.port());
        admin.setUserName(QString::fromLatin1(test::ThrowawayPostgres::kUser));
        admin.setDatabaseName(uri.section(QLatin1Char('/'), -1));
        QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
        {
            QSqlQuery hold(admin);
            QVERIFY(admin.transaction());
            QVERIFY(hold.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'generation' FOR UPDATE")));
            QVERIFY(hold.next());
        }
        std::optional<Error> storeError;
        std::thread store([&] {
            auto mine = Catalog::open(uri);
            if (!mine) {
                storeError = mine.error();
                return;
            }
            Expected<qint64> stored = (*mine)->storeIndexed(media(QStringLiteral("/d/during.png")));
            if (!stored)
                storeError = stored.error();
        });
        qint64 pid = 0;
        // Asked on a connection of its own: inside the admin's transaction the activity view is a snapshot.
        for (int i = 0; i < 200 && pid == 0; ++i) {
            pid = m_pg.psqlValue(QStringLiteral("postgres"),
                          QStringLiteral("SELECT pid FROM pg_stat_activity WHERE application_name = 'mplug2' "
                                         "AND wait_event_type = 'Lock' LIMIT 1"))
                      .toLongLong();
            if (pid == 0)
                QTest::qWait(25);
        }
        if (pid == 0) {
            admin.rollback();
            store.join();
            QFAIL(qPrintable(QStringLiteral("the store never reached the held row: ")
                + (storeError ? message(*storeError) : QStringLiteral("it was stored"))));
        }
        {
            QSqlQuery kill(admin);
            QVERIFY(kill.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
            QVERIFY(admin.rollback());
        }
        store.join();
        admin.close();
        admin = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        QVERIFY2(storeError, "the store should have failed with its connection");
        QCOMPARE(storeError->code, ErrorCode::Io);

        auto after = *Catalog::open(uri);
        QVERIFY(!*after->entry(QStringLiteral("/d/during.png")));
        QCOMPARE(*after->entryCount(), 1);
        QCOMPARE(*after->generation(), generation);
        QCOMPARE((*after->space(QStringLiteral("k"), EmbeddingKind::Clip))->count, 1);
        QVERIFY(
            after->storeIndexed(media(QStringLiteral("/d/during.png")))); // and it stores on a new connection
    }

    void searchGraphsAreCachedPerCatalogInAPrivateFolder()
    {
        MPLUG2_REQUIRE_POSTGRES(m_pg);
        const QString a = freshUri();
        const QString b = freshUri();
        auto ca = *Catalog::open(a);
        auto cb = *Catalog::open(b);
        const QString baseA = ca->vectorCacheBase();
        QVERIFY(baseA != cb->vectorCacheBase());
        QCOMPARE((*Catalog::open(a))->vectorCacheBase(), baseA);
        const QFileInfo folder(QFileInfo(baseA).absolutePath());
        QVERIFY(folder.isDir());
        QCOMPARE(
            folder.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
            QFileDevice::Permissions());
    }
};

QTEST_GUILESS_MAIN(PostgresCatalogTest)
#include "postgrescatalogtest.moc"
