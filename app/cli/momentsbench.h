#pragma once
#include <QStringList>

namespace mplug2::app {
/// `mplug2 bench moments [--minutes 60] [--video FILE]`: how fast videos are
/// indexed with moments (issue 22): one pass that finds the shots and embeds
/// every moment, timed against the video's length (x real time). With no
/// --video it makes a multi-shot video of the synthetic world at 640x360,
/// 25 frames/s, H.264, kept in the cache folder for the next run.
int runMomentsBench(const QStringList &args);
} // namespace mplug2::app
