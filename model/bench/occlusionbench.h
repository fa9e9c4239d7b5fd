#pragma once
/// `mplug2-bench occlusion`: how long one occlusion map takes on a
/// random-weight model of the official shapes (Base by default): the visual
/// encode (once, as in the app, where it is cached) and then the map of one
/// token of a random text, every mask through the decoder. Prints both times.
///
///     mplug2-bench occlusion --config base --frames 8 --text-length 12 --token 10
///     mplug2-bench occlusion --config base --no-map     # the same process without the map (for --vs)

namespace mplug2::model {

int runOcclusionBenchCommand(int argc, char **argv);

} // namespace mplug2::model
