#include "model/text/sentencepiecetrainer.h"

#include "model/text/sentencepieceplugin.h"

#include <array>

namespace mplug2::model::text {

Expected<void> trainSentencePiece(const SentencePieceTraining &training)
{
    Expected<const Mplug2SpmApi *> api = sentencePieceApi();
    if (!api)
        return api.error();
    std::vector<const char *> keys;
    std::vector<const char *> values;
    for (const auto &[key, value] : training.settings) {
        keys.push_back(key.c_str());
        values.push_back(value.c_str());
    }
    std::vector<const char *> sentences;
    for (const std::string &s : training.sentences)
        sentences.push_back(s.c_str());
    std::array<char, 1024> error {};
    const int rc = (*api)->train(keys.data(), values.data(), keys.size(),
        training.sentences.empty() ? nullptr : sentences.data(), sentences.size(), error.data(),
        error.size());
    if (rc != 0)
        return makeError(
            ErrorCode::InvalidArgument, std::string("SentencePiece training failed: ") + error.data());
    return {};
}

} // namespace mplug2::model::text
