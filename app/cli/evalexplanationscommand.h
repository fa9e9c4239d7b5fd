#pragma once
/// `mplug2 eval-explanations [--model BUNDLE] [--items N] [--json] [--check]`:
/// the pointing game and deletion / insertion AUC of every explanation
/// method of a demo model on held-out synthetic scenes
/// (app/demo/explanationevaluation.h). Returns 0 on success, 1 when
/// something failed (or, with --check, occlusion's pointing game is below
/// 90% or a method does not beat a random map), 2 for usage errors.
#include <QStringList>

namespace mplug2::app {

int runEvalExplanationsCommand(const QStringList &args);

} // namespace mplug2::app
