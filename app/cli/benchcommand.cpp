#include "app/cli/benchcommand.h"

#include "app/cli/retrievalbench.h"

#include <QCoreApplication>
#include <QList>
#include <QTextStream>

namespace mplug2::app {

namespace {

struct BenchEntry {
    QString name;
    QString summary;
    int (*run)(const QStringList &args);
};

const QList<BenchEntry> &benches()
{
    static const QList<BenchEntry> list = {
        {QStringLiteral("retrieval"),
            QStringLiteral(
                "Search index: query latency and ANN recall on synthetic embeddings; indexing throughput"),
            &runRetrievalBench},
    };
    return list;
}

} // namespace

int runBenchCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString what = args.value(1);
    for (const BenchEntry &b : benches())
        if (b.name == what) {
            QStringList rest = args.mid(2);
            rest.prepend(args.value(0) + QLatin1Char(' ') + b.name);
            return b.run(rest);
        }
    const bool help = what == QLatin1String("--help") || what == QLatin1String("-h");
    if (!what.isEmpty() && !help)
        err << QCoreApplication::translate("BenchCommand", "mplug2 bench: unknown benchmark '%1'").arg(what)
            << '\n';
    QTextStream &stream = help ? out : err;
    stream << QCoreApplication::translate(
        "BenchCommand", "Usage: mplug2 bench <benchmark> [options]\n\nBenchmarks:")
           << '\n';
    for (const BenchEntry &b : benches())
        stream << QStringLiteral("  %1%2\n").arg(b.name, -12).arg(b.summary);
    return help ? 0 : 2;
}

} // namespace mplug2::app
