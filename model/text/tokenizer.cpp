#include "model/text/tokenizer.h"

#include "model/text/sentencepieceplugin.h"
#include "model/text/sentencepiecetokenizer.h"

#ifdef MPLUG2_HAS_UTF8PROC
#include "model/text/wordpiecetokenizer.h"
#endif
#if defined(MPLUG2_HAS_UTF8PROC) && defined(MPLUG2_HAS_ZLIB)
#include "model/text/clipbpetokenizer.h"
#endif

#include <algorithm>

namespace mplug2::model::text {

const char *tokenizerKindName(TokenizerKind kind)
{
    switch (kind) {
    case TokenizerKind::WordPiece:
        return "wordpiece";
    case TokenizerKind::SentencePiece:
        return "sentencepiece";
    case TokenizerKind::ClipBpe:
        return "clip";
    }
    return "unknown";
}

Expected<TokenizerKind> parseTokenizerKind(std::string_view name)
{
    for (const TokenizerKind kind :
        {TokenizerKind::WordPiece, TokenizerKind::SentencePiece, TokenizerKind::ClipBpe}) {
        if (name == tokenizerKindName(kind))
            return kind;
    }
    return makeError(ErrorCode::InvalidArgument,
        "unknown tokenizer kind '" + std::string(name) + "' (expected wordpiece, sentencepiece or clip)");
}

std::vector<std::string> Tokenizer::tokenize(std::string_view utf8) const
{
    EncodeOptions options;
    options.addSpecialTokens = false;
    std::vector<std::string> tokens;
    for (const TokenId id : encode(utf8, options))
        tokens.push_back(idToToken(id));
    return tokens;
}

TokenizerAvailability tokenizerAvailability(TokenizerKind kind)
{
    switch (kind) {
    case TokenizerKind::WordPiece:
#ifdef MPLUG2_HAS_UTF8PROC
        return {true, {}};
#else
        return {false, "built without utf8proc (install libutf8proc-dev and reconfigure)"};
#endif
    case TokenizerKind::ClipBpe:
#if defined(MPLUG2_HAS_UTF8PROC) && defined(MPLUG2_HAS_ZLIB)
        return {true, {}};
#else
        return {
            false, "built without utf8proc or zlib (install libutf8proc-dev and zlib1g-dev and reconfigure)"};
#endif
    case TokenizerKind::SentencePiece: {
        const Expected<const Mplug2SpmApi *> api = sentencePieceApi();
        if (api)
            return {true, {}};
        return {false, api.error().message};
    }
    }
    return {false, "unknown tokenizer kind"};
}

Expected<std::unique_ptr<Tokenizer>> loadTokenizer(TokenizerKind kind, const std::filesystem::path &file)
{
    const TokenizerAvailability availability = tokenizerAvailability(kind);
    if (!availability.available)
        return makeError(ErrorCode::Unsupported,
            std::string("the ") + tokenizerKindName(kind)
                + " tokenizer is not available: " + availability.reason);
    const auto upcast = [](auto loaded) -> Expected<std::unique_ptr<Tokenizer>> {
        if (!loaded)
            return loaded.error();
        return std::unique_ptr<Tokenizer>(std::move(*loaded));
    };
    switch (kind) {
    case TokenizerKind::WordPiece:
#ifdef MPLUG2_HAS_UTF8PROC
        return upcast(WordPieceTokenizer::load(file));
#else
        break;
#endif
    case TokenizerKind::ClipBpe:
#if defined(MPLUG2_HAS_UTF8PROC) && defined(MPLUG2_HAS_ZLIB)
        return upcast(ClipBpeTokenizer::load(file));
#else
        break;
#endif
    case TokenizerKind::SentencePiece:
        return upcast(SentencePieceTokenizer::load(file));
    }
    return makeError(ErrorCode::Unsupported, "unknown tokenizer kind");
}

std::span<const TokenId> BatchEncoding::idsRow(std::size_t row) const
{
    return std::span<const TokenId>(inputIds).subspan(row * columns, columns);
}

std::span<const TokenId> BatchEncoding::maskRow(std::size_t row) const
{
    return std::span<const TokenId>(attentionMask).subspan(row * columns, columns);
}

BatchEncoding encodeBatch(const Tokenizer &tokenizer, const std::vector<std::string> &texts,
    const EncodeOptions &options, Padding padding)
{
    std::vector<std::vector<TokenId>> rows;
    rows.reserve(texts.size());
    std::size_t longest = 0;
    for (const std::string &text : texts) {
        rows.push_back(tokenizer.encode(text, options));
        longest = std::max(longest, rows.back().size());
    }
    BatchEncoding batch;
    batch.rows = rows.size();
    batch.columns = padding == Padding::MaxLength && options.maxLength > 0 ? options.maxLength : longest;
    const TokenId pad = tokenizer.specialTokenIds().padding;
    batch.inputIds.assign(batch.rows * batch.columns, pad);
    batch.attentionMask.assign(batch.rows * batch.columns, 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::copy(rows[r].begin(), rows[r].end(),
            batch.inputIds.begin() + static_cast<std::ptrdiff_t>(r * batch.columns));
        std::fill_n(
            batch.attentionMask.begin() + static_cast<std::ptrdiff_t>(r * batch.columns), rows[r].size(), 1);
    }
    return batch;
}

} // namespace mplug2::model::text
