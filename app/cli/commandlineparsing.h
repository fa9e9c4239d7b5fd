#pragma once
/// Parses a subcommand's arguments with the exit codes of clicommand.h:
/// --help prints the help and ends with 0, a parse error prints one line to
/// stderr and ends with 2 (QCommandLineParser::process would exit with 1).
///
///     if (const std::optional<int> done = parseCommandLine(parser, args)) return *done;

#include <QCommandLineParser>
#include <QStringList>

#include <optional>
#include <variant>

namespace mplug2::app {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &args);

/// Why a command stops before it runs: --help (exit 0, the help for stdout)
/// or a usage error (exit 2, the message for stderr); also an input that
/// parsing reads or looks up, so that errors keep the order the command has
/// always reported them in (a labels file, the bundled demo model), when it
/// is missing or unreadable (exit 1). Parsing returns it instead of
/// printing, so that it can be tested without a process.
struct CliStop {
    int exitCode = 0;
    QString text;
    bool operator==(const CliStop &other) const = default;
};

/// A command's parameters, or why it stops: what each command's
/// `parseXxxParams(args)` returns (whisper.cpp's params + parse + run).
///
///     const auto parsed = parseImportParams(args);
///     if (const auto *stop = std::get_if<CliStop>(&parsed)) return printStop(*stop, args.value(0));
///     return runImport(std::get<ImportParams>(parsed), args.value(0));
template<class Params> using CliParsed = std::variant<Params, CliStop>;

/// parseCommandLine() without printing: a CliStop for --help or a parse error.
std::optional<CliStop> parseOrStop(QCommandLineParser &parser, const QStringList &args);
/// A usage error of `command`: exit code 2 and the message.
CliStop usageStop(const QString &message);
/// Prints a stop as the command line does (help to stdout, "<command>:
/// <message>" to stderr) and returns its exit code.
int printStop(const CliStop &stop, const QString &command);

/// Prints "<command>: <message>" to stderr and returns `exitCode`.
int reportCliError(const QString &command, const QString &message, int exitCode = 1);

} // namespace mplug2::app
