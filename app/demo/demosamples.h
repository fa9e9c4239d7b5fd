#pragma once
/// The sample media shipped in resources/samples/ for the demo model, as
/// scenes of its synthetic world (so they can be made again, and tests know
/// what they show). `mplug2 eval-demo --write-samples DIR` writes them.
///
///     for (const DemoSample &s : demoSamples())
///         writeSceneFile(s.scene, dir + '/' + s.fileName);
///
/// The first one is what the app opens by default.

#include "model/synthetic/syntheticscene.h"

#include <QString>

#include <vector>

namespace mplug2::app {

struct DemoSample {
    QString fileName;
    model::synthetic::Scene scene;
};

std::vector<DemoSample> demoSamples();

} // namespace mplug2::app
