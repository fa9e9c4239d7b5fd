#pragma once
/// `mplug2 models list|download|remove`: the official checkpoints one
/// command away (app/zoo), as params + parse + run.
///
///     mplug2 models list [--json]
///     mplug2 models download ID [--fp16] [--default] [--replace]          # from the catalogue
///     mplug2 models download --url URL --id ID [--name TEXT] [--kind K]   # any URL
///     mplug2 models remove ID
///
/// A download resumes where the last one stopped, and is imported when it
/// finishes (as `mplug2 import --register` would), so `--model ID` uses it.

#include "app/bundle/modelbundle.h"
#include "app/cli/commandlineparsing.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

struct ModelsParams {
    enum class Action { List, Download, Remove };
    Action action = Action::List;
    QString id; ///< catalogue id (download), or the bundle id (--id, remove)
    QString url; ///< download: any URL instead of a catalogue id
    QString name;
    std::optional<ModelKind> kind; ///< --url downloads; nullopt = caption
    QString mirror; ///< "" = $MPLUG2_MODEL_MIRROR
    QString catalogue; ///< "" = the bundled catalogue
    bool fp16 = false;
    bool replace = false;
    bool makeDefault = false;
    bool json = false;
    bool operator==(const ModelsParams &other) const = default;
};

CliParsed<ModelsParams> parseModelsParams(const QStringList &args);
int runModels(const ModelsParams &params, const QString &command);
int runModelsCommand(const QStringList &args);

} // namespace mplug2::app
