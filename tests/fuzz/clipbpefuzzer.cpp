// libFuzzer target: ClipBpeTokenizer on arbitrary bytes (as text, as ids to
// decode, and as a merges file).
#include "model/text/clipbpetokenizer.h"
#include "model/text/utf8.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstring>
#include <memory>

using namespace mplug2::model::text;
using mplug2::fuzz::fuzzCheck;

namespace {

std::unique_ptr<ClipBpeTokenizer> g_tok;

// A few hundred real merges are enough to exercise BPE; the real file is used
// when the shared data folder is there.
std::unique_ptr<ClipBpeTokenizer> fallbackTokenizer()
{
    std::string merges = "#version: 0.2\n";
    const char *pairs[]
        = {"t h", "i n", "a n", "th e</w>", "o n", "e r", "a t", "h e", "r e", "o u", "in g</w>", "a </w>",
            "o f</w>", "c a", "ca t</w>", "p h", "ph o", "pho to</w>", "t o</w>", "' s</w>"};
    for (const char *p : pairs)
        merges += std::string(p) + "\n";
    auto tok = ClipBpeTokenizer::fromMerges(merges, "fuzz merges");
    fuzzCheck(tok.hasValue(), "fallback merges did not load");
    return std::move(*tok);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    auto real = ClipBpeTokenizer::load(MPLUG2_FUZZ_CLIP_BPE);
    g_tok = real ? std::move(*real) : fallbackTokenizer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mplug2::fuzz::FuzzInput in(data, size);
    const unsigned mode = in.takeByte();
    const std::string_view bytes = in.rest();
    switch (mode % 4) {
    case 0:
    case 1: {
        EncodeOptions options;
        options.addSpecialTokens = mode & 1;
        options.maxLength = (mode >> 2) % 2 ? ClipBpeTokenizer::kContextLength : 0;
        const std::vector<TokenId> ids = g_tok->encode(bytes, options);
        if (options.maxLength > 0)
            fuzzCheck(ids.size() <= options.maxLength, "context length exceeded");
        if (options.addSpecialTokens)
            fuzzCheck(ids.size() >= 2 && ids.back() == g_tok->specialTokenIds().end, "end token missing");
        for (const TokenId id : ids)
            fuzzCheck(id >= 0 && std::size_t(id) < g_tok->vocabSize(), "id outside the vocabulary");
        fuzzCheck(isValidUtf8(g_tok->decode(ids)), "decode produced invalid UTF-8");
        break;
    }
    case 2: {
        std::vector<TokenId> ids(bytes.size() / 4);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            std::int32_t v = 0;
            std::memcpy(&v, bytes.data() + 4 * i, 4);
            ids[i] = v;
        }
        fuzzCheck(isValidUtf8(g_tok->decode(ids)), "decode of arbitrary ids produced invalid UTF-8");
        break;
    }
    default: {
        auto tok = ClipBpeTokenizer::fromMerges(bytes, "fuzz");
        if (tok)
            (void)(*tok)->decode((*tok)->encode("a photo of a cat, it's 123 <|endoftext|>"));
        break;
    }
    }
    return 0;
}
