#pragma once
/// The ids the CLIP text tower (`visual_encoder.transformer`) reads for a
/// text: start token, pieces, end token, at most `contextLength` ids (the end
/// token kept last), not padded. The tower reads its embedding at the
/// largest id of the row, so the end token must be the vocabulary's largest:
/// true for CLIP BPE (<|endoftext|>) and for the demo model's SentencePiece
/// vocabulary ([SEP]).
///
///     auto ids = clipTextIds(*clipTokenizer, "a red circle moves left", 77);
///     // CLIP BPE: <|startoftext|> a red ... <|endoftext|>; SentencePiece: [CLS] ... [SEP]
///
/// Thread-safe.

#include "model/text/tokenizer.h"

#include <string_view>
#include <vector>

namespace mplug2::model::text {

std::vector<TokenId> clipTextIds(
    const Tokenizer &tokenizer, std::string_view text, std::size_t contextLength);

} // namespace mplug2::model::text
