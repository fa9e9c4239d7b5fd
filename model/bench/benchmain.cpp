// mplug2-bench: the Qt-free runner for parity checks and benchmarks. It links
// only mplug2_model, so it builds on GPU machines that have nothing but a
// CUDA LibTorch (core-only build).
#include "base/version.h"
#include "model/bench/benchcommands.h"
#include "model/runtime/runtimeinfo.h"

#include <algorithm>
#include <cstring>
#include <iostream>

namespace {

void printUsage(std::ostream &out)
{
    out << "Usage: mplug2-bench <command> [options]\n\n"
           "Parity checks and benchmarks of the mPLUG-2 model library (no GUI, no media).\n\n"
           "Commands:\n";
    for (const auto &cmd : mplug2::model::benchCommands())
        out << "  " << cmd.name << std::string(12 - std::min<size_t>(11, std::strlen(cmd.name)), ' ')
            << cmd.summary << '\n';
    out << "\nOptions:\n"
           "  -h, --help     show this help (or `mplug2-bench <command> --help`)\n"
           "  -v, --version  show the version\n";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string first = argv[1];
    if (first == "-h" || first == "--help" || first == "help") {
        printUsage(std::cout);
        return 0;
    }
    if (first == "-v" || first == "--version") {
        std::cout << "mplug2-bench " << mplug2::kVersion << '\n';
        return 0;
    }
    for (const auto &cmd : mplug2::model::benchCommands()) {
        if (first == cmd.name) {
            mplug2::model::configureThreads(0);
            mplug2::model::setFollowFreeCores(true);
            return cmd.run(argc, argv);
        }
    }
    std::cerr << "mplug2-bench: unknown command '" << first << "' (see mplug2-bench --help)\n";
    return 2;
}
