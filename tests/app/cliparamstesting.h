#pragma once
/// What the CLI parsing tests share (cliparamstest, benchparamstest): the
/// arguments as main() hands them over, and checks of a command's stop.

#include "app/cli/commandlineparsing.h"

#include <QStringList>
#include <QTest>

#include <initializer_list>
#include <variant>

namespace mplug2::app::testing {

inline QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *w : list)
        out.append(QString::fromUtf8(w));
    return out;
}

/// The arguments of `mplug2 COMMAND` with `rest`, as main() hands them over.
inline QStringList commandArgs(const char *command, const QStringList &rest)
{
    return QStringList {QStringLiteral("mplug2 ") + QString::fromUtf8(command)} + rest;
}

/// A command's stop for `args`, checked: its exit code and a part of its text.
template<class Params> void verifyStop(const CliParsed<Params> &parsed, int exitCode, const QString &says)
{
    QVERIFY2(std::holds_alternative<CliStop>(parsed), "parsed instead of stopping");
    const CliStop &stop = std::get<CliStop>(parsed);
    QCOMPARE(stop.exitCode, exitCode);
    QVERIFY2(stop.text.contains(says), qPrintable(stop.text));
}

/// The columns of the stop tests: the arguments after the command, the exit code, a part of the text.
inline void addStopColumns()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
}

} // namespace mplug2::app::testing
