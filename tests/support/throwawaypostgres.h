#pragma once
/// A PostgreSQL server of a test's own: initdb into a temporary folder, a
/// free loopback port, stopped (and its folder removed) when the object
/// goes. It never touches a system cluster. Run as root (CI does), the
/// server runs as `nobody`, since PostgreSQL refuses to run as root.
///
///     test::ThrowawayPostgres pg;
///     MPLUG2_REQUIRE_POSTGRES(pg);              // skip with why; fail under CI=true
///     QString uri = pg.newDatabase("t1");      // postgresql://mplug2@127.0.0.1:PORT/t1
///
/// Connections over TCP need the password (scram-sha-256); the object puts
/// it in PGPASSWORD for this process and the processes it starts, which is
/// how a user's own setup hands it to libpq. The local socket trusts, for
/// the test's own administration.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mplug2::test {

class ThrowawayPostgres {
public:
    static constexpr const char *kUser = "mplug2";
    static constexpr const char *kPassword = "throwaway-pw-1";

    ThrowawayPostgres() = default;
    ThrowawayPostgres(const ThrowawayPostgres &) = delete;
    ThrowawayPostgres &operator=(const ThrowawayPostgres &) = delete;
    ~ThrowawayPostgres() { stop(); }

    /// Starts the server; "" when it runs, else why it could not.
    QString start()
    {
        if (m_running)
            return {};
        m_bin = findBinDir();
        if (m_bin.isEmpty())
            return QStringLiteral("the PostgreSQL server is not installed (Debian: postgresql)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        m_asNobody = geteuid() == 0;
        reapOrphans();
        const QString root = m_dir.path();
        QFile::setPermissions(root,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        QFile pw(root + QStringLiteral("/pw"));
        if (!pw.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write the password file");
        pw.write(kPassword);
        pw.close();
        if (m_asNobody
            && !run({QStringLiteral("chown"), QStringLiteral("-R"), QStringLiteral("nobody"), root}, false))
            return QStringLiteral("cannot hand the temporary folder to 'nobody': ") + m_lastOutput;
        if (!run({m_bin + QStringLiteral("/initdb"), QStringLiteral("-D"), dataDir(), QStringLiteral("-U"),
                QString::fromLatin1(kUser), QStringLiteral("--pwfile=") + pw.fileName(),
                QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
                QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                QStringLiteral("--no-sync")}))
            return QStringLiteral("initdb failed: ") + m_lastOutput;
        for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
            m_port = freePort();
            const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                                   "-c synchronous_commit=off -c full_page_writes=off "
                                                   "-c max_connections=60")
                                        .arg(m_port)
                                        .arg(root);
            m_running = run(
                {m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                    root + QStringLiteral("/server.log"), QStringLiteral("-w"), QStringLiteral("-t"),
                    QStringLiteral("30"), QStringLiteral("-o"), options, QStringLiteral("start")});
        }
        if (!m_running)
            return QStringLiteral("the server did not start: ") + logTail();
        // Whose server it is: a test that dies without its destructor leaves it for the next to stop.
        QFile owner(root + QStringLiteral("/owner.pid"));
        if (owner.open(QIODevice::WriteOnly))
            owner.write(QByteArray::number(qint64(::getpid())));
        qputenv("PGPASSWORD", kPassword);
        return {};
    }

    void stop()
    {
        if (!m_running)
            return;
        run({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
            QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
        m_running = false;
    }

    bool running() const { return m_running; }
    int port() const { return m_port; }
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    QString binDir() const { return m_bin; }

    QString uri(const QString &database, const QString &query = {}) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3%4")
            .arg(QLatin1String(kUser))
            .arg(m_port)
            .arg(database, query.isEmpty() ? QString() : QLatin1Char('?') + query);
    }

    /// Runs SQL through psql on the local socket; "" on success, else psql's output.
    QString psql(const QString &database, const QString &sql)
    {
        if (!run({m_bin.isEmpty() ? QStringLiteral("psql") : psqlPath(), QStringLiteral("-X"),
                QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"), QString::number(m_port),
                QStringLiteral("-U"), QString::fromLatin1(kUser), QStringLiteral("-d"), database,
                QStringLiteral("-c"), sql}))
            return m_lastOutput.isEmpty() ? QStringLiteral("psql failed") : m_lastOutput;
        return {};
    }

    /// The first column of the first row of `sql`, or nullopt-like "" with ok=false.
    QString psqlValue(const QString &database, const QString &sql, bool *ok = nullptr)
    {
        const bool done = run({psqlPath(), QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-h"),
            m_dir.path(), QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
            QString::fromLatin1(kUser), QStringLiteral("-d"), database, QStringLiteral("-c"), sql});
        if (ok)
            *ok = done;
        return m_lastOutput.trimmed();
    }

    /// Creates an empty database and returns its URI ("" on failure, see lastOutput()).
    QString newDatabase(const QString &name)
    {
        if (!psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)).isEmpty())
            return {};
        return uri(name);
    }

    QString lastOutput() const { return m_lastOutput; }

    QString logTail() const
    {
        QFile log(m_dir.path() + QStringLiteral("/server.log"));
        if (!log.open(QIODevice::ReadOnly))
            return m_lastOutput;
        const QByteArray all = log.readAll();
        return QString::fromUtf8(all.right(2000));
    }

    /// Whether a test must fail rather than skip when no server can start.
    static bool required() { return qEnvironmentVariable("CI") == QLatin1String("true"); }

private:
    /// Stops servers that earlier test processes started and could not stop (they crashed or were
    /// killed), and removes their folders.
    void reapOrphans()
    {
        const QDir temp(QDir::tempPath());
        for (const QString &name : temp.entryList({QStringLiteral("mplug2-pg-*")}, QDir::Dirs)) {
            const QString folder = temp.filePath(name);
            QFile owner(folder + QStringLiteral("/owner.pid"));
            if (folder == m_dir.path() || !owner.open(QIODevice::ReadOnly))
                continue;
            const pid_t pid = pid_t(owner.readAll().trimmed().toLongLong());
            if (pid <= 0 || ::kill(pid, 0) == 0 || errno != ESRCH)
                continue;
            run({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), folder + QStringLiteral("/data"),
                QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                QStringLiteral("stop")});
            QDir(folder).removeRecursively();
        }
    }

    static QString findBinDir()
    {
        QDir versions(QStringLiteral("/usr/lib/postgresql"));
        QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(found.begin(), found.end(),
            [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &v : found)
            if (QFile::exists(versions.filePath(v + QStringLiteral("/bin/pg_ctl"))))
                return versions.filePath(v + QStringLiteral("/bin"));
        const QString onPath = QStandardPaths::findExecutable(QStringLiteral("pg_ctl"));
        return onPath.isEmpty() ? QString() : QFileInfo(onPath).absolutePath();
    }

    QString psqlPath() const
    {
        const QString here = m_bin + QStringLiteral("/psql");
        return QFile::exists(here) ? here : QStringLiteral("psql");
    }

    /// A loopback port nothing listens on right now (the kernel picks it).
    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof(address);
        int port = 54329;
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        if (fd >= 0)
            ::close(fd);
        return port;
    }

    /// Runs a command (as `nobody` when we are root and `asServerUser`); false on failure.
    bool run(QStringList command, bool asServerUser = true)
    {
        if (asServerUser && m_asNobody)
            command = QStringList {QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("nobody"),
                          QStringLiteral("--")}
                + command;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_dir.path());
        p.start(command.takeFirst(), command);
        if (!p.waitForStarted(10000)) {
            m_lastOutput = QStringLiteral("cannot start it: ") + p.errorString();
            return false;
        }
        p.waitForFinished(120000);
        m_lastOutput = QString::fromUtf8(p.readAll()).trimmed();
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QTemporaryDir m_dir {QDir::tempPath() + QStringLiteral("/mplug2-pg-XXXXXX")};
    QString m_bin;
    QString m_lastOutput;
    int m_port = 0;
    bool m_running = false;
    bool m_asNobody = false;
};

} // namespace mplug2::test

/// Starts `pg` or skips the test with why (fails instead under CI=true).
#define MPLUG2_REQUIRE_POSTGRES(pg)                                                                          \
    do {                                                                                                     \
        const QString mplug2PgWhy_ = (pg).start();                                                           \
        if (!mplug2PgWhy_.isEmpty()) {                                                                       \
            if (mplug2::test::ThrowawayPostgres::required())                                                 \
                QFAIL(qPrintable(QStringLiteral("no PostgreSQL server for this test: ") + mplug2PgWhy_));    \
            QSKIP(qPrintable(QStringLiteral("no PostgreSQL server for this test: ") + mplug2PgWhy_));        \
        }                                                                                                    \
    } while (false)
