#include "model/train/demovocabulary.h"

#include "model/synthetic/scenetext.h"
#include "model/text/sentencepiecetrainer.h"
#include "model/train/demoarchitecture.h"

#include <filesystem>
#include <stdexcept>

namespace mplug2::model::train {

Expected<std::string> trainDemoVocabulary(const std::string &directory, const std::string &name)
{
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create " + directory + ": " + ec.message());
    text::SentencePieceTraining training;
    const std::string prefix = (std::filesystem::path(directory) / name).string();
    training.settings = {
        {"model_prefix", prefix},
        {"vocab_size", std::to_string(kDemoVocabSize)},
        {"model_type", "bpe"},
        {"character_coverage", "1.0"},
        {"pad_id", "0"},
        {"unk_id", std::to_string(kDemoUnknownId)},
        {"bos_id", "101"},
        {"eos_id", "102"},
        {"pad_piece", "[PAD]"},
        {"unk_piece", "[UNK]"},
        {"bos_piece", "[CLS]"},
        {"eos_piece", "[SEP]"},
        // Case-folded, so "Red Circle" reads like "red circle".
        {"normalization_rule_name", "nmt_nfkc_cf"},
        {"num_threads", "1"},
        {"minloglevel", "2"},
    };
    // The world's sentences are few; repeating them gives the trainer word
    // frequencies to work with (captions are most of the text, as in training).
    for (int copy = 0; copy < 4; ++copy)
        for (const std::string &s : synthetic::worldSentences())
            training.sentences.push_back(s);
    if (Expected<void> ok = text::trainSentencePiece(training); !ok)
        return ok.error();
    return prefix + ".model";
}

Expected<void> checkDemoVocabulary(const text::Tokenizer &tokenizer)
{
    const text::SpecialTokenIds s = tokenizer.specialTokenIds();
    if (tokenizer.vocabSize() != size_t(kDemoVocabSize) || s.start != 101 || s.end != 102 || s.padding != 0)
        return makeError(ErrorCode::Format,
            "not a demo vocabulary: it needs " + std::to_string(kDemoVocabSize)
                + " pieces with [PAD] 0, [CLS] 101 and [SEP] 102 (has "
                + std::to_string(tokenizer.vocabSize()) + " pieces, start " + std::to_string(s.start)
                + ", end " + std::to_string(s.end) + ", padding " + std::to_string(s.padding) + ")");
    return {};
}

DemoTextCodec::DemoTextCodec(const text::Tokenizer &tokenizer)
    : m_tokenizer(tokenizer)
{
    for (const std::string &s : synthetic::worldSentences()) {
        std::vector<int64_t> ids = m_tokenizer.encode(s);
        m_questions.emplace(s, ids);
        ids.push_back(m_tokenizer.specialTokenIds().end);
        m_withEnd.emplace(s, std::move(ids));
    }
}

const std::vector<int64_t> &DemoTextCodec::lookup(
    const std::map<std::string, std::vector<int64_t>> &table, const std::string &text) const
{
    const auto it = table.find(text);
    if (it == table.end())
        throw std::invalid_argument("'" + text + "' is not a sentence of the synthetic world");
    return it->second;
}

const std::vector<int64_t> &DemoTextCodec::withEnd(const std::string &text) const
{
    return lookup(m_withEnd, text);
}

const std::vector<int64_t> &DemoTextCodec::question(const std::string &question) const
{
    return lookup(m_questions, synthetic::questionForModel(question));
}

} // namespace mplug2::model::train
