#pragma once
/// BERT uncased WordPiece, token for token what the official mPLUG-2
/// `BertTokenizer` (models/tokenization_bert.py on transformers 4.x) gives:
/// special tokens in the text ("[SEP]", "[CLS]", ...) are kept whole, the
/// rest is lower-cased, cleaned, accent-stripped, split on whitespace,
/// punctuation and CJK ideographs, then cut into WordPiece pieces. A single
/// text becomes [CLS] + pieces, with NO [SEP]. Decoding joins "##" pieces and
/// applies transformers' clean-up of spaces before punctuation.
///
///     auto tok = WordPieceTokenizer::load("bert-base-uncased-vocab.txt");
///     tok->encode("i like strawberries");   // 101 1045 2066 13137 20968
///     tok->decode(std::vector<TokenId>{101, 2054, 1005, 1055, 102});   // "[CLS] what's [SEP]"
///
/// Immutable after loading; thread-safe.

#include "model/text/bertbasictokenizer.h"
#include "model/text/tokenizer.h"
#include "model/text/wordpiecevocab.h"

namespace mplug2::model::text {

class WordPieceTokenizer final : public Tokenizer {
public:
    static Expected<std::unique_ptr<WordPieceTokenizer>> load(const std::filesystem::path &vocabFile);
    explicit WordPieceTokenizer(WordPieceVocab vocab);

    TokenizerKind kind() const override { return TokenizerKind::WordPiece; }
    std::vector<TokenId> encode(std::string_view utf8, const EncodeOptions &options = {}) const override;
    std::string decode(std::span<const TokenId> ids, const DecodeOptions &options = {}) const override;
    std::string idToToken(TokenId id) const override;
    TokenId tokenToId(std::string_view token) const override;
    std::size_t vocabSize() const override { return m_vocab.size(); }
    SpecialTokenIds specialTokenIds() const override { return m_special; }

    /// The special tokens in transformers' order: [UNK] [SEP] [PAD] [CLS] [MASK].
    const std::vector<std::string> &specialTokens() const { return m_specialTokens; }

private:
    void appendContentIds(std::u32string_view text, std::vector<TokenId> &ids) const;
    bool isSpecialId(TokenId id) const;

    WordPieceVocab m_vocab;
    std::vector<std::string> m_specialTokens;
    std::vector<std::u32string> m_specialTokensUtf32;
    std::u32string m_specialFirstChars; ///< a cheap pre-check while scanning
    BertBasicTokenizer m_basic;
    SpecialTokenIds m_special;
};

/// transformers' `clean_up_tokenization`: " ." -> ".", " ?" -> "?", " !" -> "!",
/// " ," -> ",", " ' " -> "'", " n't" -> "n't", " 'm" -> "'m", " 's" -> "'s",
/// " 've" -> "'ve", " 're" -> "'re", applied in that order.
std::string cleanUpTokenizationSpaces(std::string text);

} // namespace mplug2::model::text
