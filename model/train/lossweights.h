#pragma once
/// How much each of the demo model's training objectives (demolosses.h)
/// counts in the total loss. Torch-free, so that the trainer's options can be
/// filled in from Qt code.
///
///     LossWeights w = LossWeights::defaultParams();
///     w.attention = 0;   // train without the grounding loss

namespace mplug2::model::train {

struct LossWeights {
    double caption = 1.0;
    double qa = 1.0;
    double itc = 0.5;
    double attention = 0.2;

    static LossWeights defaultParams() { return {}; }
};

} // namespace mplug2::model::train
