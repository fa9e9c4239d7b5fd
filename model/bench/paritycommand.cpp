#include "model/bench/paritycommand.h"

#include "model/bench/commandline.h"
#include "model/parity/modelparitykinds.h"
#include "model/parity/parityrunner.h"

#include <iostream>

namespace mplug2::model {

int runParityCommand(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    for (const char *name : {"device", "precision", "case", "data"})
        cl.declareValue(name);
    cl.declareFlag("help");
    cl.declareFlag("same-top-beam");
    if (const auto err = cl.parse(); !err.empty()) {
        std::cerr << "mplug2-bench parity: " << err << '\n';
        return 2;
    }
    if (cl.has("help")) {
        std::cout
            << "Usage: mplug2-bench parity DIR [--device cpu|cuda] [--precision fp32|fp16|bf16] "
               "[--case SUBSTR] [--data DIR] [--same-top-beam]\n"
               "Runs every case of DIR/cases.json against the official expectations; exits 0 only when\n"
               "all pass. Cases that need media decoding are reported as skipped.\n"
               "--data: the vocabularies for the tokenizer cases (default: DIR/../data).\n"
               "--same-top-beam: in fp16/bf16 each generation's best hypothesis must be the official one\n"
               "(otherwise a reordering of near-tied hypotheses passes when ours score as well).\n";
        return 0;
    }
    if (cl.positional().size() != 1) {
        std::cerr << "mplug2-bench parity: give exactly one fixture folder (see --help)\n";
        return 2;
    }
    ParityOptions options;
    options.target.device = cl.value("device", "cpu");
    const auto precision = parsePrecision(cl.value("precision", "fp32"));
    if (!precision) {
        std::cerr << "mplug2-bench parity: --precision must be fp32, fp16 or bf16\n";
        return 2;
    }
    options.target.precision = *precision;
    options.caseFilter = cl.value("case");
    options.dataDir = cl.value("data");
    options.sameTopBeam = cl.has("same-top-beam");
    if (auto ok = checkComputeTarget(options.target); !ok) {
        std::cerr << "mplug2-bench parity: " << ok.error().message << '\n';
        return 2;
    }
    ParityRunner runner(options);
    registerModelParityKinds(runner);
    return runner.run(cl.positional().front(), std::cout);
}

} // namespace mplug2::model
