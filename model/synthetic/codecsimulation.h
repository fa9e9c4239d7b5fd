#pragma once
/// What a trip through a lossy codec does to a rendered frame, cheaply:
/// 4:2:0 chroma subsampling (colour bleeds over edges), blur and quantisation
/// noise that grow with the CRF. Training frames get this so that the model
/// sees what decoded H.264 clips (and JPEG pictures) look like; the
/// evaluation uses real H.264 files instead.
///
///     SceneRandom random(seed, item);
///     simulateCompression(frame, scene.crf, random);

#include "model/synthetic/scenerandom.h"
#include "model/synthetic/syntheticscene.h"

namespace mplug2::model::synthetic {

void simulateCompression(RgbFrame &frame, int crf, SceneRandom &random);

/// The official video transform's resize: nearest neighbour with torch's
/// index rule (floor(i * in / out) in float).
RgbFrame resizeNearest(const RgbFrame &frame, int width, int height);

/// An antialiased cubic resize (a = -0.5, support widened when shrinking),
/// as PIL's bicubic resize that the official picture transform uses.
RgbFrame resizeCubic(const RgbFrame &frame, int width, int height);

} // namespace mplug2::model::synthetic
