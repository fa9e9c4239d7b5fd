#include "app/parity/mediaparitykinds.h"

#include "app/parity/mediaparitycases.h"
#include "model/parity/parityrunner.h"

namespace mplug2::app {

void registerMediaParityKinds(model::ParityRunner &runner)
{
    for (const char *kind : {"frame_indices", "video_transform", "image_transform"}) {
        runner.registerKind(kind, [](const model::ParityCase &parityCase) {
            // Pixels are computed on the CPU in float32 whatever the model's
            // target: the fixture set's own tolerances apply as they are.
            const MediaCaseResult r = runMediaParityCase(parityCase.fixtureDir, parityCase.entry,
                [&parityCase](const std::string &key) { return parityCase.tolerances.atolFor(key); });
            model::CaseOutcome outcome;
            outcome.id = r.id;
            outcome.status = r.passed ? model::CaseStatus::Passed : model::CaseStatus::Failed;
            outcome.worstDiff = r.worstDiff;
            outcome.worstKey = r.worstKey;
            outcome.message = r.message;
            outcome.checks = r.checks;
            return std::vector<model::CaseOutcome> {outcome};
        });
    }
}

} // namespace mplug2::app
