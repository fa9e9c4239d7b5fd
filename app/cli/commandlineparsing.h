#pragma once
/// Parses a subcommand's arguments with the exit codes of clicommand.h:
/// --help prints the help and ends with 0, a parse error prints one line to
/// stderr and ends with 2 (QCommandLineParser::process would exit with 1).
///
///     if (const std::optional<int> done = parseCommandLine(parser, args)) return *done;

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace mplug2::app {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args);

/// Prints "<command>: <message>" to stderr and returns `exitCode`.
int reportCliError(const QString &command, const QString &message, int exitCode = 1);

} // namespace mplug2::app
