#pragma once
/// The demo model's commands:
///   train-demo --out DIR [--seed S] [--minutes M]   trains it from scratch (resumes in DIR)
///   eval-demo [--model BUNDLE] [--json]              scores it on held-out H.264/PNG files
/// Both return 0 on success, 1 when something failed, 2 for usage errors;
/// eval-demo with --check also returns 1 when a threshold of issue 10 is missed.
#include <QStringList>

namespace mplug2::app {

int runTrainDemoCommand(const QStringList &args);
int runEvalDemoCommand(const QStringList &args);

} // namespace mplug2::app
