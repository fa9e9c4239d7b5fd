// libFuzzer target: SentencePieceTokenizer on arbitrary bytes. The plug-in's
// source is linked in directly (no dlopen: AddressSanitizer does not support
// RTLD_DEEPBIND, and this process has no LibTorch to keep apart from).
#include "model/text/sentencepieceapi.h"
#include "model/text/sentencepiecetokenizer.h"
#include "model/text/utf8.h"
#include "tests/fuzz/fuzzinput.h"

#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

using namespace mplug2::model::text;
using mplug2::fuzz::fuzzCheck;

namespace {

const Mplug2SpmApi *g_api = nullptr;
std::unique_ptr<SentencePieceTokenizer> g_tok;

std::string trainModel()
{
    char dirTemplate[] = "/tmp/mplug2-spm-fuzz-XXXXXX";
    fuzzCheck(mkdtemp(dirTemplate) != nullptr, "cannot make a temporary folder");
    const std::string prefix = std::string(dirTemplate) + "/m";
    std::vector<std::string> lines;
    const char *words[] = {"a", "man", "woman", "is", "cooking", "playing", "guitar", "in", "the", "kitchen",
        "视频", "一个", "男人", "café", "naïve", "2023", "!", "?"};
    for (std::size_t i = 0; i < 400; ++i) {
        std::string line;
        for (std::size_t j = 0; j < 8; ++j)
            line += std::string(words[(i * 7 + j * 13 + i / 3) % std::size(words)]) + " ";
        lines.push_back(line);
    }
    std::vector<const char *> sentences;
    for (const std::string &l : lines)
        sentences.push_back(l.c_str());
    const char *keys[] = {"model_prefix", "vocab_size", "model_type", "minloglevel", "character_coverage"};
    const char *values[] = {prefix.c_str(), "40", "unigram", "2", "1.0"};
    char error[512] = {};
    const int rc = g_api->train(
        keys, values, std::size(keys), sentences.data(), sentences.size(), error, sizeof error);
    if (rc != 0)
        std::fprintf(stderr, "%s\n", error);
    fuzzCheck(rc == 0, "training the fuzz model failed");
    return prefix + ".model";
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_api = mplug2_sentencepiece_api(MPLUG2_SPM_API_VERSION);
    fuzzCheck(g_api != nullptr, "no plug-in table");
    const std::string model = trainModel();
    auto tok = SentencePieceTokenizer::load(model, *g_api);
    fuzzCheck(tok.hasValue(), "the fuzz model did not load");
    g_tok = std::move(*tok);
    std::filesystem::remove_all(std::filesystem::path(model).parent_path());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mplug2::fuzz::FuzzInput in(data, size);
    const unsigned mode = in.takeByte();
    const std::string_view bytes = in.rest();
    switch (mode % 3) {
    case 0: {
        EncodeOptions options;
        options.addSpecialTokens = mode & 4;
        options.maxLength = (mode >> 3) % 2 ? 16 : 0;
        const std::vector<TokenId> ids = g_tok->encode(bytes, options);
        if (options.maxLength > 0)
            fuzzCheck(ids.size() <= options.maxLength, "truncation exceeded max length");
        for (const TokenId id : ids)
            fuzzCheck(id >= 0 && std::size_t(id) < g_tok->vocabSize(), "id outside the vocabulary");
        DecodeOptions decode;
        decode.skipSpecialTokens = mode & 8;
        fuzzCheck(isValidUtf8(g_tok->decode(ids, decode)), "decode produced invalid UTF-8");
        for (const TokenId id : ids)
            (void)g_tok->tokenToId(g_tok->idToToken(id));
        break;
    }
    case 1: {
        std::vector<TokenId> ids(bytes.size() / 2);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            std::int16_t v = 0;
            std::memcpy(&v, bytes.data() + 2 * i, 2);
            ids[i] = v;
        }
        (void)g_tok->decode(ids);
        break;
    }
    default: {
        // The bytes as a serialized model: must fail cleanly or load.
        Mplug2SpmModel *model = nullptr;
        char error[256] = {};
        if (g_api->loadFromMemory(bytes.data(), bytes.size(), &model, error, sizeof error) == 0)
            g_api->release(model);
        break;
    }
    }
    return 0;
}
