#pragma once
/// A BERT vocab.txt (one token per line, id = line number) and the greedy
/// longest-match-first WordPiece split of one word, as the official
/// `WordpieceTokenizer` does it: continuation pieces carry "##", a word that
/// cannot be covered, or has more than 100 characters, becomes [UNK].
///
///     auto vocab = WordPieceVocab::load("bert-base-uncased-vocab.txt");
///     std::vector<TokenId> ids;
///     vocab->appendWordPieces("strawberries", ids);   // straw ##berries
///
/// Immutable after loading; thread-safe.

#include "base/expected.h"
#include "model/text/tokenizer.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mplug2::model::text {

class WordPieceVocab {
public:
    /// The official limit on characters per word (longer words become [UNK]).
    static constexpr std::size_t kMaxCharsPerWord = 100;
    /// vocab.txt files larger than this are refused as hostile.
    static constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

    static Expected<WordPieceVocab> load(const std::filesystem::path &file);
    /// `contents` is the text of a vocab.txt; `origin` names it in errors.
    static Expected<WordPieceVocab> parse(std::string_view contents, const std::string &origin);

    std::optional<TokenId> find(std::string_view token) const;
    /// Python's `vocab.get(token, vocab.get(unk_token))`.
    TokenId idOrUnknown(std::string_view token) const;
    /// The token of `id`, or nullptr when no entry has that id.
    const std::string *token(TokenId id) const;
    /// Ids are line numbers: this is the number of lines, one more than the
    /// largest id (also when a token is listed twice).
    std::size_t size() const { return m_tokens.size(); }
    TokenId unknownId() const { return m_unknownId; }
    const std::string &unknownToken() const { return m_unknownToken; }

    /// Appends the WordPiece ids of one word (UTF-8, already basic-tokenized).
    void appendWordPieces(std::string_view word, std::vector<TokenId> &ids) const;

private:
    std::unordered_map<std::string, TokenId> m_ids;
    std::vector<std::optional<std::string>> m_tokens; ///< by id
    std::string m_unknownToken = "[UNK]";
    TokenId m_unknownId = -1;
    std::size_t m_longestTokenBytes = 0;
};

} // namespace mplug2::model::text
