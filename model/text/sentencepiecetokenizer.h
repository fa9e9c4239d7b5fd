#pragma once
/// A SentencePiece model (.model file), for the models we train ourselves
/// (the demo model). SentencePiece runs inside our plug-in
/// (sentencepieceplugin.h): this class never links libsentencepiece.
/// encode() gives BOS (when the model has one and special tokens are asked
/// for) + the pieces' ids, mirroring BERT's [CLS] + tokens; an end marker is
/// the caller's business, as with the official BERT code. The BOS and EOS
/// pieces written in the text (e.g. "yes[SEP]" with a model whose EOS piece
/// is "[SEP]") become those ids, as BERT's tokenizer treats its special tokens.
///
///     auto sp = SentencePieceTokenizer::load("demo.model");
///     if (!sp) { std::cerr << sp.error().message; return 1; }
///     auto ids = (*sp)->encode("a man is cooking");
///     std::string text = (*sp)->decode(ids, {.skipSpecialTokens = true});
///
/// Thread-safe.

#include "model/text/sentencepieceapi.h"
#include "model/text/tokenizer.h"

#include <string>
#include <utility>
#include <vector>

namespace mplug2::model::text {

class SentencePieceTokenizer final : public Tokenizer {
public:
    /// Opens the plug-in if needed and loads `modelFile`.
    static Expected<std::unique_ptr<SentencePieceTokenizer>> load(const std::filesystem::path &modelFile);
    /// The same with an explicit table (fuzz targets link the plug-in in).
    static Expected<std::unique_ptr<SentencePieceTokenizer>> load(
        const std::filesystem::path &modelFile, const Mplug2SpmApi &api);
    ~SentencePieceTokenizer() override;
    SentencePieceTokenizer(const SentencePieceTokenizer &) = delete;
    SentencePieceTokenizer &operator=(const SentencePieceTokenizer &) = delete;

    TokenizerKind kind() const override { return TokenizerKind::SentencePiece; }
    std::vector<TokenId> encode(std::string_view utf8, const EncodeOptions &options = {}) const override;
    /// Ids outside the vocabulary are left out.
    std::string decode(std::span<const TokenId> ids, const DecodeOptions &options = {}) const override;
    std::string idToToken(TokenId id) const override;
    TokenId tokenToId(std::string_view token) const override;
    std::size_t vocabSize() const override;
    SpecialTokenIds specialTokenIds() const override { return m_special; }

private:
    SentencePieceTokenizer(const Mplug2SpmApi &api, Mplug2SpmModel *model);
    void appendPieces(std::string_view text, std::vector<TokenId> &ids) const;

    const Mplug2SpmApi &m_api;
    Mplug2SpmModel *m_model;
    SpecialTokenIds m_special;
    /// The text of the start and end pieces, with their ids.
    std::vector<std::pair<std::string, TokenId>> m_specialPieces;
};

} // namespace mplug2::model::text
