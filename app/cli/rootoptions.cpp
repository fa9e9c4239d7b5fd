#include "app/cli/rootoptions.h"

#include "app/retrieval/catalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace mplug2::app {

namespace {

struct RootOptionsText {
    Q_DECLARE_TR_FUNCTIONS(RootOptions)
};

} // namespace

QCommandLineOption rootNameOption()
{
    return QCommandLineOption(QStringLiteral("root-name"),
        RootOptionsText::tr(
            "A root of a shared index and where it is on this machine (repeatable). Files are stored "
            "relative to their root, so machines that mount one archive at different paths share it. "
            "Default: each indexed folder is a root named after itself."),
        QStringLiteral("NAME=PATH"));
}

Expected<QList<CatalogRoot>> readRootNames(const QStringList &values)
{
    QList<CatalogRoot> roots;
    for (const QString &value : values) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == value.size() - 1)
            return makeError(ErrorCode::InvalidArgument,
                RootOptionsText::tr("--root-name takes NAME=PATH, got '%1'").arg(value).toStdString());
        const QString name = value.left(eq);
        if (const QString problem = Catalog::rootNameProblem(name); !problem.isEmpty())
            return makeError(ErrorCode::InvalidArgument, problem.toStdString());
        const QString path = QDir::cleanPath(QFileInfo(value.mid(eq + 1)).absoluteFilePath());
        if (path == QLatin1String("/"))
            return makeError(ErrorCode::InvalidArgument,
                RootOptionsText::tr("--root-name %1: / cannot be a root").arg(name).toStdString());
        roots.append({name, path});
    }
    return roots;
}

} // namespace mplug2::app
