#pragma once
/// A reproducible English/Chinese text mix for tokenizer benchmarks: lines of
/// English words, of Chinese characters with Chinese punctuation, and mixed
/// lines, from a fixed seed, so every run and every machine measures the same
/// text.
///
///     std::vector<std::string> lines = benchTextCorpus(10u << 20);   // >= 10 MB
///
/// Thread-safe (pure function).

#include <cstddef>
#include <string>
#include <vector>

namespace mplug2::model {

std::vector<std::string> benchTextCorpus(std::size_t minBytes, unsigned seed = 2023);

} // namespace mplug2::model
