#pragma once
// Runs the real `mplug2` executable in a sealed environment: its own config
// folder (QSettings: the bundle registry), its own user data folder
// (downloaded models) and, unless asked otherwise, data
// folder (no built-in model unless a test puts one there), so tests never
// see the user's state.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace mplug2::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

enum class DataDir {
    Sandboxed, ///< sandbox/data: no built-in model unless the test puts one there
    Bundled, ///< the program finds its data beside itself (build tree or install), as a user's does
};

inline CliRun runCli(const QStringList &args, const QString &sandbox, int timeoutMs = 120000,
    DataDir data = DataDir::Sandboxed)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), sandbox + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), sandbox + QStringLiteral("/share")); // downloaded models
    if (data == DataDir::Sandboxed)
        env.insert(QStringLiteral("MPLUG2_DATA_DIR"), sandbox + QStringLiteral("/data"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MPLUG2_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace mplug2::test
