// libFuzzer target: WordPieceTokenizer and the official text helpers on
// arbitrary bytes, and WordPieceVocab on arbitrary vocabulary files.
#include "model/text/officialtext.h"
#include "model/text/utf8.h"
#include "model/text/wordpiecetokenizer.h"
#include "tests/fuzz/fuzzinput.h"

#include <memory>

using namespace mplug2::model::text;
using mplug2::fuzz::fuzzCheck;

namespace {

std::unique_ptr<WordPieceTokenizer> g_tok;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    auto tok = WordPieceTokenizer::load(MPLUG2_FUZZ_VOCAB);
    fuzzCheck(tok.hasValue(), "the bundled vocabulary did not load");
    g_tok = std::move(*tok);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mplug2::fuzz::FuzzInput in(data, size);
    const unsigned mode = in.takeByte();
    const std::string_view text = in.rest();
    if (mode % 4 == 3) {
        // The bytes as a vocabulary file.
        auto vocab = WordPieceVocab::parse(text, "fuzz");
        if (vocab) {
            WordPieceTokenizer tok(std::move(*vocab));
            const auto ids = tok.encode("Hello, wörld [SEP] 中文 unaffable");
            for (const TokenId id : ids)
                fuzzCheck(id >= 0 && std::size_t(id) < tok.vocabSize(), "id outside the small vocabulary");
            (void)tok.decode(ids);
        }
        return 0;
    }
    EncodeOptions options;
    options.addSpecialTokens = mode & 1;
    options.maxLength = (mode >> 2) % 3 == 0 ? 0 : (mode >> 2);
    const std::vector<TokenId> ids = g_tok->encode(text, options);
    if (options.maxLength > 0)
        fuzzCheck(ids.size() <= options.maxLength, "truncation exceeded max length");
    for (const TokenId id : ids)
        fuzzCheck(id >= 0 && std::size_t(id) < g_tok->vocabSize(), "id outside the vocabulary");
    DecodeOptions decode;
    decode.skipSpecialTokens = mode & 2;
    const std::string decoded = g_tok->decode(ids, decode);
    fuzzCheck(isValidUtf8(decoded), "decode produced invalid UTF-8");
    // Decoding then encoding again must not grow without bound.
    (void)g_tok->encode(decoded);
    (void)g_tok->decode(std::vector<TokenId> {-1, 30522, 1 << 30});
    fuzzCheck(isValidUtf8(preQuestion(text, mode % 40)), "pre_question produced invalid UTF-8");
    fuzzCheck(isValidUtf8(preCaption(text, mode % 40)), "pre_caption produced invalid UTF-8");
    (void)postprocessCaption(text, mode & 1 ? kOfficialCaptionPrompt : std::string_view {});
    return 0;
}
