#pragma once
/// The demo model's text side: trains its SentencePiece vocabulary (through
/// our plug-in's trainer, on every sentence of the synthetic world) and turns
/// the world's texts into the ids each part of the model reads.
///
///     auto file = trainDemoVocabulary("/tmp/out");          // -> /tmp/out/demo.model
///     auto tokenizer = text::SentencePieceTokenizer::load(*file);
///     DemoTextCodec codec(**tokenizer);
///     auto target = codec.withEnd("a red circle moves left");   // [CLS] a red circle ... [SEP]
///     auto question = codec.question("what color is the circle?"); // [CLS] what color ... (no '?')
///
/// The caption ids (with [SEP]) are also the CLIP text tower's input: [SEP]
/// is the vocabulary's largest id, where the tower reads its embedding.

#include "base/expected.h"
#include "model/text/tokenizer.h"

#include <map>
#include <string>
#include <vector>

namespace mplug2::model::train {

/// Trains `<directory>/<name>.model` (and .vocab); returns the .model path.
Expected<std::string> trainDemoVocabulary(const std::string &directory, const std::string &name = "demo");

/// Checks that a tokenizer has the demo layout (vocabulary size and special ids).
Expected<void> checkDemoVocabulary(const text::Tokenizer &tokenizer);

class DemoTextCodec {
public:
    /// Encodes every sentence of the world once; the tokenizer must outlive this.
    explicit DemoTextCodec(const text::Tokenizer &tokenizer);

    /// [CLS] pieces [SEP]: caption and answer targets, CLIP text tower input.
    const std::vector<int64_t> &withEnd(const std::string &text) const;
    /// [CLS] pieces of questionForModel(question).
    const std::vector<int64_t> &question(const std::string &question) const;

    const text::Tokenizer &tokenizer() const { return m_tokenizer; }

private:
    const std::vector<int64_t> &lookup(
        const std::map<std::string, std::vector<int64_t>> &table, const std::string &text) const;

    const text::Tokenizer &m_tokenizer;
    std::map<std::string, std::vector<int64_t>> m_withEnd;
    std::map<std::string, std::vector<int64_t>> m_questions;
};

} // namespace mplug2::model::train
