#pragma once
/// Puts the media case kinds (frame_indices, video_transform,
/// image_transform; see mediaparitycases.h) on the model library's parity
/// runner, so that `mplug2 parity DIR` runs every kind of a fixture set.
///
///     model::ParityRunner runner(options);
///     model::registerModelParityKinds(runner);
///     registerMediaParityKinds(runner);
///     return runner.run(dir, std::cout);

namespace mplug2::model {
class ParityRunner;
}

namespace mplug2::app {

void registerMediaParityKinds(model::ParityRunner &runner);

} // namespace mplug2::app
