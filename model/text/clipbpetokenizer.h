#pragma once
/// CLIP's byte-level BPE tokenizer (models/clip/simple_tokenizer.py), for the
/// CLIP text tower inside every mPLUG-2 checkpoint: text is cleaned and
/// lower-cased (cliptextcleaner.h), pre-split with CLIP's pattern (special
/// tokens, 's 't 're 've 'm 'll 'd, letter runs, single digits, runs of other
/// symbols), each piece's UTF-8 bytes are mapped to printable characters and
/// merged by rank with the merges of bpe_simple_vocab_16e6.txt.gz. encode()
/// gives <|startoftext|> + ids + <|endoftext|>, as clip.tokenize does.
///
///     auto clip = ClipBpeTokenizer::load("bpe_simple_vocab_16e6.txt.gz");
///     (*clip)->encode("a photo of a cat");        // 49406 320 1125 539 320 2368 49407
///     EncodeOptions o; o.maxLength = ClipBpeTokenizer::kContextLength;
///     BatchEncoding b = encodeBatch(**clip, texts, o, Padding::MaxLength);   // clip.tokenize
///
/// Thread-safe: the word cache is guarded by a mutex.

#include "model/text/tokenizer.h"

#include <array>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace mplug2::model::text {

class ClipBpeTokenizer final : public Tokenizer {
public:
    static constexpr std::size_t kContextLength = 77;
    /// simple_tokenizer.py reads lines 1 .. 49152-256-2 of the merges file.
    static constexpr std::size_t kMergeCount = 49152 - 256 - 2;
    static constexpr std::size_t kMaxFileBytes = 64u << 20;

    /// Reads the merges file, gzip-compressed or plain.
    static Expected<std::unique_ptr<ClipBpeTokenizer>> load(const std::filesystem::path &file);
    /// `mergesText`: the decompressed file (a header line, then "a b" merges).
    static Expected<std::unique_ptr<ClipBpeTokenizer>> fromMerges(
        std::string_view mergesText, const std::string &origin);

    TokenizerKind kind() const override { return TokenizerKind::ClipBpe; }
    std::vector<TokenId> encode(std::string_view utf8, const EncodeOptions &options = {}) const override;
    /// Ids outside the vocabulary are left out; pieces are joined, "</w>"
    /// becomes a space and bytes that are not UTF-8 become U+FFFD.
    std::string decode(std::span<const TokenId> ids, const DecodeOptions &options = {}) const override;
    std::string idToToken(TokenId id) const override;
    TokenId tokenToId(std::string_view token) const override;
    std::size_t vocabSize() const override { return m_decoder.size(); }
    SpecialTokenIds specialTokenIds() const override { return m_special; }

private:
    ClipBpeTokenizer() = default;
    void appendPieceIds(std::string_view pieceUtf8, std::vector<TokenId> &ids) const;
    std::vector<TokenId> mergeWord(std::string_view pieceUtf8) const;

    struct Merge {
        std::size_t rank;
        TokenId merged;
    };
    std::array<char32_t, 256> m_byteToChar {};
    std::unordered_map<char32_t, unsigned char> m_charToByte;
    std::array<TokenId, 256> m_byteId {}; ///< the byte's character alone
    std::array<TokenId, 256> m_byteEndId {}; ///< the byte's character + "</w>"
    std::unordered_map<std::string, TokenId> m_encoder;
    std::vector<std::optional<std::string>> m_decoder;
    std::unordered_map<std::uint64_t, Merge> m_merges; ///< (left id << 32 | right id) -> merge
    SpecialTokenIds m_special;

    static constexpr std::size_t kMaxCachedWords = 1u << 17;
    mutable std::mutex m_cacheMutex;
    mutable std::unordered_map<std::string, std::vector<TokenId>> m_cache;
};

/// CLIP's pre-split pattern, on cleaned, lower-cased text: the pieces that
/// BPE then merges (exposed for tests).
std::vector<std::u32string> clipPreSplit(std::u32string_view text);

} // namespace mplug2::model::text
