#include "model/generation/generationparams.h"

#include <cmath>

namespace mplug2::model {

GenerationParams GenerationParams::beam(int64_t beamSize, int64_t minLength, int64_t maxLength, int64_t nBest)
{
    GenerationParams p;
    p.beamSize = beamSize;
    p.minLength = minLength;
    p.maxLength = maxLength;
    p.nBest = nBest;
    return p;
}

GenerationParams GenerationParams::sampling(double temperature, int64_t topK, double topP, uint64_t seed)
{
    GenerationParams p;
    p.strategy = DecodingStrategy::Sample;
    p.beamSize = 1;
    p.temperature = temperature;
    p.topK = topK;
    p.topP = topP;
    p.seed = seed;
    return p;
}

double lengthPenalty(int64_t generatedTokens)
{
    return std::pow((5.0 + static_cast<double>(generatedTokens)) / 6.0, 0.6);
}

} // namespace mplug2::model
