#pragma once
/// Trains a SentencePiece model through our plug-in (the demo model's
/// vocabulary). `settings` are spm_train options without "--"; `sentences`,
/// when given, are the training text (otherwise set "input").
///
///     SentencePieceTraining t;
///     t.settings = {{"model_prefix", dir + "/demo"}, {"vocab_size", "800"}, {"model_type", "unigram"}};
///     t.sentences = captions;
///     if (auto ok = trainSentencePiece(t); !ok) std::cerr << ok.error().message;
///     // -> dir/demo.model, dir/demo.vocab
///
/// Thread-safe as far as SentencePiece's trainer is (one training at a time
/// is the safe use).

#include "base/expected.h"

#include <map>
#include <string>
#include <vector>

namespace mplug2::model::text {

struct SentencePieceTraining {
    std::map<std::string, std::string> settings;
    std::vector<std::string> sentences;
};

Expected<void> trainSentencePiece(const SentencePieceTraining &training);

} // namespace mplug2::model::text
