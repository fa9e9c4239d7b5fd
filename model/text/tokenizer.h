#pragma once
/// One interface for the three tokenizers of mPLUG-2 Studio:
///   - WordPieceTokenizer: BERT uncased WordPiece, identical to the official
///     mPLUG-2 BertTokenizer (text encoder and decoder of every checkpoint);
///   - ClipBpeTokenizer: CLIP's byte-level BPE (the CLIP text tower);
///   - SentencePieceTokenizer: SentencePiece models we train ourselves.
///
///     auto tok = loadTokenizer(TokenizerKind::WordPiece, "bert-base-uncased-vocab.txt");
///     if (!tok) { std::cerr << tok.error().message; return 1; }
///     std::vector<TokenId> ids = (*tok)->encode("What is the man doing");  // [CLS] what is ...
///     BatchEncoding batch = encodeBatch(**tok, {"yes[SEP]", "no[SEP]"});  // padding='longest'
///     std::string text = (*tok)->decode(ids, {.skipSpecialTokens = true});
///
/// The official code gives one text [CLS] + tokens and NO [SEP]; where it
/// wants an end marker it appends "[SEP]" to the text (answers, captions):
/// see officialtext.h for those helpers.
///
/// Threading: a loaded tokenizer is immutable; encode/decode may be called
/// from several threads at once.

#include "base/expected.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mplug2::model::text {

using TokenId = std::int64_t;

enum class TokenizerKind { WordPiece, SentencePiece, ClipBpe };

/// "wordpiece", "sentencepiece", "clip".
const char *tokenizerKindName(TokenizerKind kind);
Expected<TokenizerKind> parseTokenizerKind(std::string_view name);

/// Ids of the special tokens; -1 where the vocabulary has none.
struct SpecialTokenIds {
    TokenId start = -1; ///< [CLS], <|startoftext|>, SentencePiece BOS
    TokenId end = -1; ///< [SEP], <|endoftext|>, SentencePiece EOS
    TokenId padding = 0; ///< what encodeBatch pads with
    TokenId unknown = -1; ///< [UNK], SentencePiece <unk>
    TokenId mask = -1; ///< [MASK]
};

struct EncodeOptions {
    /// Add the start token (and for CLIP the end token), as the official
    /// `tokenizer(text)` / `clip.tokenize(text)` do.
    bool addSpecialTokens = true;
    /// When > 0, cut the result to at most this many ids (special tokens
    /// included), as `truncation=True, max_length=N` does; CLIP keeps its end
    /// token as the last id.
    std::size_t maxLength = 0;
};

struct DecodeOptions {
    /// Leave out the special tokens (`skip_special_tokens=True`).
    bool skipSpecialTokens = false;
    /// WordPiece only: the transformers `clean_up_tokenization` pass that
    /// joins " ." " ," " 's" ... (on by default, as in `tokenizer.decode`).
    bool cleanUpTokenizationSpaces = true;
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    virtual TokenizerKind kind() const = 0;

    /// Token ids of `utf8`. Ill-formed UTF-8 is read with U+FFFD in place of
    /// each bad sequence (see utf8.h); nothing here throws or fails.
    virtual std::vector<TokenId> encode(std::string_view utf8, const EncodeOptions &options = {}) const = 0;

    /// Ids back to text, the way the official code shows them.
    virtual std::string decode(std::span<const TokenId> ids, const DecodeOptions &options = {}) const = 0;

    /// The vocabulary entry of `id` (the unknown token's text for ids
    /// outside the vocabulary, or "" where there is none).
    virtual std::string idToToken(TokenId id) const = 0;

    /// The id of a vocabulary entry, or the unknown id (-1 when none).
    virtual TokenId tokenToId(std::string_view token) const = 0;

    virtual std::size_t vocabSize() const = 0;
    virtual SpecialTokenIds specialTokenIds() const = 0;

    /// The official `tokenizer.tokenize(text)`: the pieces without special
    /// tokens added.
    std::vector<std::string> tokenize(std::string_view utf8) const;
};

/// Loads a tokenizer: WordPiece from a vocab.txt, CLIP from
/// bpe_simple_vocab_16e6.txt.gz, SentencePiece from a .model file. Fails with
/// NotFound / Format / Unsupported (library not in this build) errors.
Expected<std::unique_ptr<Tokenizer>> loadTokenizer(TokenizerKind kind, const std::filesystem::path &file);

/// Whether this build can load `kind` at all, and if not, why not (for
/// parity runners that report skipped cases).
struct TokenizerAvailability {
    bool available = false;
    std::string reason;
};
TokenizerAvailability tokenizerAvailability(TokenizerKind kind);

/// A padded batch: `rows` texts, each `columns` ids long, row-major.
struct BatchEncoding {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<TokenId> inputIds; ///< rows * columns, padded with the padding id
    std::vector<TokenId> attentionMask; ///< 1 for real tokens, 0 for padding

    std::span<const TokenId> idsRow(std::size_t row) const;
    std::span<const TokenId> maskRow(std::size_t row) const;
};

enum class Padding {
    Longest, ///< to the longest text of the batch (padding='longest')
    MaxLength, ///< to EncodeOptions::maxLength (clip.tokenize's fixed context)
};

/// Encodes each text with `options` and pads the batch.
BatchEncoding encodeBatch(const Tokenizer &tokenizer, const std::vector<std::string> &texts,
    const EncodeOptions &options = {}, Padding padding = Padding::Longest);

} // namespace mplug2::model::text
