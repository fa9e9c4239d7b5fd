#pragma once
/// How the decoder turns visual (or fused) states into text, and what comes
/// back. Plain structs, no torch types: they cross into app/ and ui/.
///
///     GenerationParams p = GenerationParams::defaultParams();   // official beam 5
///     p.minLength = 4; p.maxLength = 20; p.nBest = 3;
///     GenerationParams s = GenerationParams::sampling(0.9, 40, 0.95, 7);
///
/// Scores are the official ones: the sum of the tokens' log-probabilities
/// divided by the length penalty ((5 + n) / 6)^0.6, n = generated tokens.

#include <cstdint>
#include <functional>
#include <vector>

namespace mplug2::model {

enum class DecodingStrategy {
    Beam, ///< the official beam search (predictor.py); beamSize 1 is greedy
    Sample, ///< temperature / top-k / top-p sampling with a seed
};

struct GenerationParams {
    DecodingStrategy strategy = DecodingStrategy::Beam;
    int64_t beamSize = 5;
    /// Steps before [SEP] may be chosen (the official min_length).
    int64_t minLength = 1;
    /// Decoding steps at most (the official max_length).
    int64_t maxLength = 20;
    /// Hypotheses returned per item (at most beamSize for beam search).
    int64_t nBest = 1;
    double temperature = 1.0;
    int64_t topK = 0; ///< 0 = no top-k filter
    double topP = 1.0; ///< 1 = no nucleus filter
    uint64_t seed = 0;
    /// Keep the self-attention cache and the shared cross K/V. Off = the
    /// official way (recompute the whole prefix and per-beam cross K/V each
    /// step): same results, for benchmarks.
    bool useCache = true;
    /// Tokens fed after [CLS] before decoding (e.g. a prompt).
    std::vector<int64_t> prefix;
    /// Polled once per step; returning true stops early (result.cancelled).
    std::function<bool()> shouldStop;

    static GenerationParams defaultParams() { return {}; }
    static GenerationParams beam(int64_t beamSize, int64_t minLength, int64_t maxLength, int64_t nBest = 1);
    static GenerationParams sampling(double temperature, int64_t topK, double topP, uint64_t seed);
};

struct Hypothesis {
    /// Starts with [CLS] = 101 (then the prefix); ends with [SEP] = 102 when finished early.
    std::vector<int64_t> ids;
    float score = 0.0f;
};

struct GenerationResult {
    /// Per input item, best first.
    std::vector<std::vector<Hypothesis>> items;
    /// Decoder steps run.
    int64_t steps = 0;
    bool cancelled = false;
};

/// Official length penalty for n generated tokens.
double lengthPenalty(int64_t generatedTokens);

constexpr int64_t kStartTokenId = 101; ///< [CLS]
constexpr int64_t kEndTokenId = 102; ///< [SEP]
constexpr int64_t kPadTokenId = 0; ///< [PAD]

} // namespace mplug2::model
