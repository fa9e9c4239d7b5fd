#pragma once
/// The subcommands of mplug2-bench. Each issue adds its own entry in
/// benchcommands.cpp; `run` gets the full argv (argv[1] is the command name)
/// and returns the process exit code.

#include <vector>

namespace mplug2::model {

struct BenchCommand {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
};

const std::vector<BenchCommand> &benchCommands();

} // namespace mplug2::model
