#pragma once
/// `--root-name NAME=PATH` (repeatable), for the commands that read or write
/// an index: where a root of a shared index is on this machine, when it is
/// mounted elsewhere than on the machine that indexed it first.
///
///     const QCommandLineOption roots = rootNameOption();
///     parser.addOption(roots);
///     ...
///     Expected<QList<CatalogRoot>> named = readRootNames(parser.values(roots));   // when parsing
///     if (!named) return usage(...);
///     Catalog::addLocalRoots(dbLocation, *named);                               // when running

#include "app/retrieval/catalogtypes.h"
#include "base/expected.h"

#include <QCommandLineOption>
#include <QStringList>

namespace mplug2::app {

QCommandLineOption rootNameOption();
/// Checks every NAME=PATH; the paths made absolute and clean.
Expected<QList<CatalogRoot>> readRootNames(const QStringList &values);

} // namespace mplug2::app
