#pragma once
/// A seeded random source whose numbers are the same on every platform and
/// standard library (std::mt19937_64's output is specified; the std
/// distributions are not, so the ranges are computed here).
///
///     SceneRandom random(seed, stream);     // independent streams per batch / item
///     double size = random.uniform(0.15, 0.35);
///     int side = random.integer(64, 320);   // both ends included

#include <cmath>
#include <cstdint>
#include <random>

namespace mplug2::model::synthetic {

class SceneRandom {
public:
    /// `stream` selects an independent sequence for the same seed (e.g. a batch number).
    explicit SceneRandom(uint64_t seed, uint64_t stream = 0)
        : m_engine(mix(seed) ^ mix(stream + 0x9e3779b97f4a7c15ULL))
    { }

    /// Uniform in [low, high).
    double uniform(double low, double high) { return low + (high - low) * unit(); }
    /// Uniform in [low, high], both included.
    int integer(int low, int high)
    {
        const uint64_t span = uint64_t(int64_t(high) - low + 1);
        return int(int64_t(low) + int64_t(m_engine() % span));
    }
    bool chance(double probability) { return unit() < probability; }
    /// A standard normal value (Box-Muller).
    double normal()
    {
        const double u = 1.0 - unit(); // (0, 1]: the logarithm stays finite
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * unit());
    }
    uint64_t next() { return m_engine(); }

private:
    double unit() { return double(m_engine() >> 11) * 0x1.0p-53; }
    static uint64_t mix(uint64_t x)
    {
        // SplitMix64's finaliser: nearby seeds give unrelated engine states.
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }

    std::mt19937_64 m_engine;
};

} // namespace mplug2::model::synthetic
