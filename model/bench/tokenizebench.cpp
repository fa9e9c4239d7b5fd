#include "model/bench/tokenizebench.h"

#include "base/installlayout.h"
#include "base/json/json.h"
#include "model/bench/benchtextcorpus.h"
#include "model/bench/commandline.h"
#include "model/text/sentencepiecetrainer.h"
#include "model/text/tokenizer.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace mplug2::model {

namespace {

namespace fs = std::filesystem;
using text::TokenizerKind;

struct Measurement {
    std::string kind;
    std::string file;
    bool ran = false;
    std::string skipReason;
    std::size_t tokens = 0;
    double seconds = 0;
};

// The bundled vocabulary: in the data folder beside the program, or (a
// core-only build copies no data) in the source tree.
fs::path defaultWordPieceVocab()
{
    const fs::path name = fs::path("vocab") / "bert-base-uncased-vocab.txt";
    const fs::path candidates[] = {dataDir() / name, fs::path(MPLUG2_BENCH_SOURCE_RESOURCES) / name};
    for (const fs::path &c : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(c, ec))
            return c;
    }
    return {};
}

// Without --spm-model, a unigram model trained on the start of the corpus.
Expected<fs::path> trainCorpusModel(const std::vector<std::string> &lines, const fs::path &dir)
{
    text::SentencePieceTraining training;
    training.settings = {{"model_prefix", (dir / "bench").string()}, {"vocab_size", "8000"},
        {"model_type", "unigram"}, {"character_coverage", "0.9995"}, {"minloglevel", "2"}};
    training.sentences.assign(lines.begin(),
        lines.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(lines.size(), 20000)));
    if (auto ok = text::trainSentencePiece(training); !ok)
        return ok.error();
    return dir / "bench.model";
}

Measurement measure(TokenizerKind kind, const fs::path &file, const std::vector<std::string> &lines)
{
    Measurement m;
    m.kind = text::tokenizerKindName(kind);
    m.file = file.string();
    auto tok = text::loadTokenizer(kind, file);
    if (!tok) {
        m.skipReason = tok.error().message;
        return m;
    }
    text::EncodeOptions options;
    options.addSpecialTokens = false;
    for (std::size_t i = 0; i < std::min<std::size_t>(lines.size(), 200); ++i)
        (void)(*tok)->encode(lines[i], options);
    const auto start = std::chrono::steady_clock::now();
    for (const std::string &line : lines)
        m.tokens += (*tok)->encode(line, options).size();
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.ran = true;
    return m;
}

} // namespace

int runTokenizeBench(int argc, char **argv)
{
    CommandLine cl(argc, argv, 2);
    for (const char *name : {"kind", "vocab", "clip-bpe", "spm-model", "size-mb"})
        cl.declareValue(name);
    cl.declareFlag("json");
    cl.declareFlag("help");
    if (const auto err = cl.parse(); !err.empty() || !cl.positional().empty()) {
        std::cerr << "mplug2-bench tokenize: "
                  << (err.empty() ? "unexpected argument " + cl.positional()[0] : err) << '\n';
        return 2;
    }
    if (cl.has("help")) {
        std::cout
            << "Usage: mplug2-bench tokenize [--kind wordpiece|clip|sentencepiece|all] [--vocab FILE]\n"
               "                             [--clip-bpe FILE] [--spm-model FILE] [--size-mb N] [--json]\n"
               "Tokens per second of the tokenizers on a generated English/Chinese text mix\n"
               "(N MB, default 10), encoded one line at a time.\n"
               "  --vocab FILE      WordPiece vocabulary (default: the bundled bert-base-uncased)\n"
               "  --clip-bpe FILE   CLIP merges, bpe_simple_vocab_16e6.txt.gz (CLIP is skipped without it)\n"
               "  --spm-model FILE  SentencePiece model (default: one trained on the text mix)\n";
        return 0;
    }
    bool ok = true;
    const long long megabytes = cl.intValue("size-mb", 10, &ok);
    if (!ok || megabytes < 1 || megabytes > 1024) {
        std::cerr << "mplug2-bench tokenize: --size-mb must be a whole number from 1 to 1024\n";
        return 2;
    }
    const std::string kindName = cl.value("kind", "all");
    std::vector<TokenizerKind> kinds;
    if (kindName == "all") {
        kinds = {TokenizerKind::WordPiece, TokenizerKind::ClipBpe, TokenizerKind::SentencePiece};
    } else if (auto kind = text::parseTokenizerKind(kindName)) {
        kinds = {*kind};
    } else {
        std::cerr << "mplug2-bench tokenize: " << kind.error().message << '\n';
        return 2;
    }

    const std::vector<std::string> lines = benchTextCorpus(static_cast<std::size_t>(megabytes) << 20);
    std::size_t bytes = 0;
    for (const std::string &l : lines)
        bytes += l.size();

    std::vector<Measurement> results;
    std::error_code ec;
    const fs::path tempDir
        = fs::temp_directory_path(ec) / ("mplug2-bench-tokenize-" + std::to_string(::getpid()));
    for (const TokenizerKind kind : kinds) {
        fs::path file;
        std::string missing;
        if (kind == TokenizerKind::WordPiece) {
            file = cl.has("vocab") ? fs::path(cl.value("vocab")) : defaultWordPieceVocab();
            missing = "no WordPiece vocabulary (pass --vocab FILE)";
        } else if (kind == TokenizerKind::ClipBpe) {
            file = cl.value("clip-bpe");
            missing = "pass --clip-bpe FILE (bpe_simple_vocab_16e6.txt.gz)";
        } else if (cl.has("spm-model")) {
            file = cl.value("spm-model");
        } else if (text::tokenizerAvailability(kind).available) {
            fs::create_directories(tempDir, ec);
            auto trained = trainCorpusModel(lines, tempDir);
            if (trained)
                file = *trained;
            else
                missing = trained.error().message;
        } else {
            missing = text::tokenizerAvailability(kind).reason;
        }
        if (file.empty()) {
            Measurement m;
            m.kind = text::tokenizerKindName(kind);
            m.skipReason = missing;
            results.push_back(m);
            continue;
        }
        results.push_back(measure(kind, file, lines));
    }
    fs::remove_all(tempDir, ec);

    bool anyRan = false;
    if (cl.has("json")) {
        json::Json out = json::Json::object();
        out["bytes"] = json::Json(static_cast<std::int64_t>(bytes));
        out["lines"] = json::Json(static_cast<std::int64_t>(lines.size()));
        json::Json list = json::Json::array();
        for (const Measurement &m : results) {
            json::Json r = json::Json::object();
            r["kind"] = m.kind;
            r["ran"] = m.ran;
            if (m.ran) {
                r["file"] = m.file;
                r["tokens"] = json::Json(static_cast<std::int64_t>(m.tokens));
                r["seconds"] = m.seconds;
                r["tokens_per_second"] = m.tokens / m.seconds;
                r["megabytes_per_second"] = bytes / m.seconds / (1 << 20);
            } else {
                r["skipped"] = m.skipReason;
            }
            anyRan = anyRan || m.ran;
            list.push_back(r);
        }
        out["results"] = list;
        std::cout << json::dump(out) << '\n';
    } else {
        std::cout << "text: " << std::fixed << std::setprecision(1) << bytes / double(1 << 20) << " MB, "
                  << lines.size() << " lines (English/Chinese mix), encoded line by line\n";
        for (const Measurement &m : results) {
            std::cout << std::left << std::setw(14) << (m.kind + ":") << std::right;
            if (!m.ran) {
                std::cout << "skipped: " << m.skipReason << '\n';
                continue;
            }
            anyRan = true;
            std::cout << std::setprecision(0) << m.tokens / m.seconds << " tokens/s, " << std::setprecision(2)
                      << bytes / m.seconds / (1 << 20) << " MB/s (" << m.tokens << " tokens in "
                      << std::setprecision(2) << m.seconds << " s)\n";
        }
    }
    return anyRan ? 0 : 1;
}

} // namespace mplug2::model
