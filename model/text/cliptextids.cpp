#include "model/text/cliptextids.h"

namespace mplug2::model::text {

std::vector<TokenId> clipTextIds(const Tokenizer &tokenizer, std::string_view text, std::size_t contextLength)
{
    if (contextLength < 2)
        return {};
    if (tokenizer.kind() == TokenizerKind::ClipBpe)
        return tokenizer.encode(text, {.addSpecialTokens = true, .maxLength = contextLength});
    // WordPiece and SentencePiece add only the start token: append the end one.
    std::vector<TokenId> ids
        = tokenizer.encode(text, {.addSpecialTokens = true, .maxLength = contextLength - 1});
    const TokenId end = tokenizer.specialTokenIds().end;
    if (end >= 0 && (ids.empty() || ids.back() != end))
        ids.push_back(end);
    return ids;
}

} // namespace mplug2::model::text
