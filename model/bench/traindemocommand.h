#pragma once
/// `mplug2-bench train-demo`: trains the demo model without Qt (e.g. on a
/// GPU machine with the core-only build), with the architecture knobs open
/// for measurements. `mplug2 train-demo` is the user-facing command.

namespace mplug2::model {

int runTrainDemoCommand(int argc, char **argv);

} // namespace mplug2::model
