#include "model/text/tokenizerparity.h"

#include "model/text/tokenizer.h"

#ifdef MPLUG2_HAS_UTF8PROC
#include "model/text/officialtext.h"
#include "model/text/wordpiecetokenizer.h"
#endif
#if defined(MPLUG2_HAS_UTF8PROC) && defined(MPLUG2_HAS_ZLIB)
#include "model/text/clipbpetokenizer.h"
#endif

#include <regex>
#include <sstream>

namespace mplug2::model::text {

namespace {

constexpr const char *kClipBpeFileName = "bpe_simple_vocab_16e6.txt.gz";

std::vector<TokenId> idsOf(json::View array)
{
    std::vector<TokenId> ids;
    for (json::View v : array.items())
        ids.push_back(v.asInt(-999999));
    return ids;
}

std::vector<std::string> stringsOf(json::View array)
{
    std::vector<std::string> out;
    for (json::View v : array.items())
        out.push_back(v.asString());
    return out;
}

template<typename T> std::string show(const std::vector<T> &values)
{
    std::ostringstream s;
    s << '[';
    for (std::size_t i = 0; i < values.size(); ++i)
        s << (i ? ", " : "") << values[i];
    s << ']';
    return s.str();
}

std::string quoted(const std::string &s)
{
    return '"' + s + '"';
}

class Checks {
public:
    explicit Checks(TokenizerParityResult &result)
        : m_result(result)
    { }

    template<typename T>
    void equal(const std::string &name, const std::vector<T> &ours, const std::vector<T> &expected)
    {
        if (ours == expected)
            return pass(name);
        std::size_t at = 0;
        while (at < ours.size() && at < expected.size() && ours[at] == expected[at])
            ++at;
        fail(name,
            "differs at index " + std::to_string(at) + ": ours " + show(ours) + ", expected "
                + show(expected));
    }

    void equal(const std::string &name, const std::string &ours, const std::string &expected)
    {
        if (ours == expected)
            return pass(name);
        fail(name, "ours " + quoted(ours) + ", expected " + quoted(expected));
    }

    void pass(const std::string &name) { m_result.checks.push_back({name, true, {}}); }
    void fail(const std::string &name, const std::string &detail)
    {
        m_result.checks.push_back({name, false, detail});
    }

private:
    TokenizerParityResult &m_result;
};

void finish(TokenizerParityResult &result)
{
    const std::size_t failed = result.failedChecks();
    if (result.checks.empty()) {
        result.status = ParityStatus::Failed;
        result.summary = "no tokenizer checks found in the fixture";
        return;
    }
    result.status = failed == 0 ? ParityStatus::Passed : ParityStatus::Failed;
    std::ostringstream s;
    s << (result.checks.size() - failed) << '/' << result.checks.size() << " checks passed";
    for (const TokenizerParityCheck &c : result.checks) {
        if (!c.passed) {
            s << "; first mismatch: " << c.name << ": " << c.detail;
            break;
        }
    }
    result.summary = s.str();
}

TokenizerParityResult skipped(std::string caseId, std::string reason)
{
    TokenizerParityResult r;
    r.caseId = std::move(caseId);
    r.status = ParityStatus::Skipped;
    r.summary = std::move(reason);
    return r;
}

TokenizerParityResult failed(std::string caseId, std::string reason)
{
    TokenizerParityResult r;
    r.caseId = std::move(caseId);
    r.status = ParityStatus::Failed;
    r.summary = std::move(reason);
    return r;
}

#ifdef MPLUG2_HAS_UTF8PROC
void checkBatch(Checks &checks, const Tokenizer &tok, const std::string &name, json::View entry)
{
    std::vector<std::string> texts;
    if (entry["texts"].isArray())
        texts = stringsOf(entry["texts"]);
    else if (entry["text"].isArray())
        texts = stringsOf(entry["text"]);
    else
        texts.push_back(entry["text"].asString());
    if (entry.contains("padding") && entry["padding"].asString() != "longest"
        && entry["padding"].asBool(true))
        return checks.fail(name, "padding '" + entry["padding"].asString() + "' is not supported");
    EncodeOptions options;
    if (entry["truncation"].asBool(false))
        options.maxLength = static_cast<std::size_t>(entry["max_length"].asInt(0));
    const BatchEncoding batch = encodeBatch(tok, texts, options, Padding::Longest);
    json::View expectedIds = entry["input_ids"];
    if (expectedIds.size() != batch.rows)
        return checks.fail(name + ".input_ids",
            "rows: ours " + std::to_string(batch.rows) + ", expected " + std::to_string(expectedIds.size()));
    for (std::size_t r = 0; r < batch.rows; ++r) {
        const auto row = batch.idsRow(r);
        checks.equal(name + ".input_ids[" + std::to_string(r) + "]",
            std::vector<TokenId>(row.begin(), row.end()), idsOf(expectedIds[r]));
        if (entry.contains("attention_mask")) {
            const auto mask = batch.maskRow(r);
            checks.equal(name + ".attention_mask[" + std::to_string(r) + "]",
                std::vector<TokenId>(mask.begin(), mask.end()), idsOf(entry["attention_mask"][r]));
        }
    }
}

void checkDecode(
    Checks &checks, const Tokenizer &tok, const std::string &name, json::View entry, std::string_view prompt)
{
    const std::vector<TokenId> ids = idsOf(entry["ids"]);
    for (const auto &[key, value] : entry.members()) {
        if (key == "ids")
            continue;
        const std::string check = name + "." + key;
        DecodeOptions options;
        if (key == "decode") {
            checks.equal(check, tok.decode(ids, options), value.asString());
        } else if (key == "decode_skip_special") {
            options.skipSpecialTokens = true;
            checks.equal(check, tok.decode(ids, options), value.asString());
        } else if (key == "decode_no_cleanup") {
            options.cleanUpTokenizationSpaces = false;
            checks.equal(check, tok.decode(ids, options), value.asString());
        } else if (key == "caption_postprocess") {
            checks.equal(check, postprocessCaption(tok.decode(ids, options), prompt), value.asString());
        } else {
            checks.fail(check, "field not understood by this runner");
        }
    }
}

void checkPreprocessing(Checks &checks, const std::string &name, json::View entry)
{
    static const std::regex kKey("pre_(question|caption)_([0-9]+)");
    const std::string text = entry["text"].asString();
    for (const auto &[key, value] : entry.members()) {
        if (key == "text")
            continue;
        std::smatch m;
        if (!std::regex_match(key, m, kKey)) {
            checks.fail(name + "." + key, "field not understood by this runner");
            continue;
        }
        const auto maxWords = static_cast<std::size_t>(std::stoull(m[2].str()));
        const std::string ours
            = m[1] == "question" ? preQuestion(text, maxWords) : preCaption(text, maxWords);
        checks.equal(name + "." + key, ours, value.asString());
    }
}
#endif

// tokenizer.json names its vocabulary as "<file> (<where>)".
std::filesystem::path wordPieceVocabFile(json::View tokenizerJson, const TokenizerParityFiles &files)
{
    if (!files.wordPieceVocab.empty())
        return files.wordPieceVocab;
    const std::string named = tokenizerJson["vocab"].asString();
    return files.dataDir / named.substr(0, named.find(' '));
}

std::filesystem::path clipBpeFile(const TokenizerParityFiles &files)
{
    return files.clipBpe.empty() ? files.dataDir / kClipBpeFileName : files.clipBpe;
}

#ifdef MPLUG2_HAS_UTF8PROC
// The WordPiece vocabulary of a fixture set: the file its `tokenizer` case names.
Expected<std::filesystem::path> manifestWordPieceVocab(
    json::View manifest, const std::filesystem::path &fixtureDir, const TokenizerParityFiles &files)
{
    if (!files.wordPieceVocab.empty())
        return files.wordPieceVocab;
    for (json::View c : manifest["cases"].items()) {
        if (c["kind"].asString() != "tokenizer")
            continue;
        const std::string file = c["file"].asString().empty() ? "tokenizer.json" : c["file"].asString();
        Expected<json::Json> json = json::parseFile((fixtureDir / file).string());
        if (!json)
            return json.error();
        return wordPieceVocabFile(*json, files);
    }
    return makeError(ErrorCode::NotFound, "no tokenizer case in cases.json names the WordPiece vocabulary");
}

struct ModelTextField {
    const char *texts;
    const char *ids;
    const char *mask; ///< nullptr: the ids are unpadded rows
    TokenizerKind kind;
};

// How the official cases record the texts they tokenised (fixtures/README.md).
constexpr ModelTextField kModelTextFields[] = {
    {"questions", "question_input_ids", "question_attention_mask", TokenizerKind::WordPiece},
    {"decoder_prefix_texts", "decoder_input_ids", "decoder_attention_mask", TokenizerKind::WordPiece},
    {"answer_list_texts", "answer_input_ids", "answer_attention_mask", TokenizerKind::WordPiece},
    {"texts", "text_tokens", nullptr, TokenizerKind::ClipBpe},
};

void checkModelTextField(Checks &checks, const Tokenizer &tok, const ModelTextField &field, json::View input)
{
    const std::vector<std::string> texts = stringsOf(input[field.texts]);
    json::View expectedIds = input[field.ids];
    const std::string name = std::string(field.texts) + "->" + field.ids;
    if (expectedIds.size() != texts.size())
        return checks.fail(name,
            "rows: " + std::to_string(texts.size()) + " texts, " + std::to_string(expectedIds.size())
                + " expected id rows");
    if (!field.mask) {
        for (std::size_t r = 0; r < texts.size(); ++r)
            checks.equal(name + "[" + std::to_string(r) + "]", tok.encode(texts[r]), idsOf(expectedIds[r]));
        return;
    }
    const BatchEncoding batch = encodeBatch(tok, texts, {}, Padding::Longest);
    for (std::size_t r = 0; r < batch.rows; ++r) {
        const auto row = batch.idsRow(r);
        checks.equal(name + "[" + std::to_string(r) + "]", std::vector<TokenId>(row.begin(), row.end()),
            idsOf(expectedIds[r]));
        if (input.contains(field.mask)) {
            const auto mask = batch.maskRow(r);
            checks.equal(std::string(field.texts) + "->" + field.mask + "[" + std::to_string(r) + "]",
                std::vector<TokenId>(mask.begin(), mask.end()), idsOf(input[field.mask][r]));
        }
    }
}
#endif

} // namespace

const char *parityStatusName(ParityStatus status)
{
    switch (status) {
    case ParityStatus::Passed:
        return "passed";
    case ParityStatus::Failed:
        return "FAILED";
    case ParityStatus::Skipped:
        return "skipped";
    }
    return "unknown";
}

std::size_t TokenizerParityResult::failedChecks() const
{
    std::size_t n = 0;
    for (const TokenizerParityCheck &c : checks)
        n += c.passed ? 0 : 1;
    return n;
}

TokenizerParityFiles defaultTokenizerParityFiles(const std::filesystem::path &fixtureDir)
{
    TokenizerParityFiles files;
    files.dataDir = fixtureDir / ".." / "data";
    return files;
}

bool isTokenizerParityKind(std::string_view kind)
{
    return kind == "tokenizer" || kind == "clip_tokenizer";
}

TokenizerParityResult checkTokenizerCase(
    json::View caseEntry, const std::filesystem::path &fixtureDir, const TokenizerParityFiles &files)
{
    std::string caseId = caseEntry["id"].asString();
    const std::string kind = caseEntry["kind"].asString();
    const std::string file
        = caseEntry["file"].asString().empty() ? "tokenizer.json" : caseEntry["file"].asString();
    Expected<json::Json> json = json::parseFile((fixtureDir / file).string());
    if (!json)
        return failed(std::move(caseId), json.error().message);
    if (kind == "tokenizer")
        return checkWordPieceCases(*json, wordPieceVocabFile(*json, files), std::move(caseId));
    if (kind == "clip_tokenizer") {
        const std::string key
            = caseEntry["json_key"].asString().empty() ? "clip_bpe" : caseEntry["json_key"].asString();
        return checkClipBpeCases(*json, key, clipBpeFile(files), std::move(caseId));
    }
    return failed(std::move(caseId), "not a tokenizer case kind: '" + kind + "'");
}

TokenizerParityResult checkWordPieceCases(
    json::View tokenizerJson, const std::filesystem::path &vocabFile, std::string caseId)
{
#ifndef MPLUG2_HAS_UTF8PROC
    return skipped(std::move(caseId), tokenizerAvailability(TokenizerKind::WordPiece).reason);
#else
    std::error_code ec;
    if (!std::filesystem::is_regular_file(vocabFile, ec))
        return skipped(std::move(caseId), "WordPiece vocabulary not found: " + vocabFile.string());
    if (!tokenizerJson["do_lower_case"].asBool(true))
        return failed(std::move(caseId), "do_lower_case=false (cased BERT) is not supported");
    auto loaded = WordPieceTokenizer::load(vocabFile);
    if (!loaded)
        return failed(std::move(caseId), loaded.error().message);
    const WordPieceTokenizer &tok = **loaded;

    TokenizerParityResult result;
    result.caseId = std::move(caseId);
    Checks checks(result);
    for (const auto &[token, id] : tokenizerJson["special_ids"].members())
        checks.equal("special_ids." + token, std::vector<TokenId> {tok.tokenToId(token)},
            std::vector<TokenId> {id.asInt()});
    const auto &encodes = tokenizerJson["encode"].items();
    for (std::size_t i = 0; i < encodes.size(); ++i) {
        json::View e = encodes[i];
        const std::string name = "encode[" + std::to_string(i) + "]";
        const std::string text = e["text"].asString();
        if (e.contains("tokens"))
            checks.equal(name + ".tokens", tok.tokenize(text), stringsOf(e["tokens"]));
        const std::vector<TokenId> ids = tok.encode(text);
        checks.equal(name + ".input_ids", ids, idsOf(e["input_ids"]));
        if (e.contains("attention_mask"))
            checks.equal(
                name + ".attention_mask", std::vector<TokenId>(ids.size(), 1), idsOf(e["attention_mask"]));
    }
    if (tokenizerJson.contains("batch"))
        checkBatch(checks, tok, "batch", tokenizerJson["batch"]);
    if (tokenizerJson.contains("truncation"))
        checkBatch(checks, tok, "truncation", tokenizerJson["truncation"]);
    const std::string prompt = tokenizerJson.contains("caption_prompt")
        ? tokenizerJson["caption_prompt"].asString()
        : std::string(kOfficialCaptionPrompt);
    const auto &decodes = tokenizerJson["decode"].items();
    for (std::size_t i = 0; i < decodes.size(); ++i)
        checkDecode(checks, tok, "decode[" + std::to_string(i) + "]", decodes[i], prompt);
    const auto &pre = tokenizerJson["pre_question"].items();
    for (std::size_t i = 0; i < pre.size(); ++i)
        checkPreprocessing(checks, "pre_question[" + std::to_string(i) + "]", pre[i]);
    finish(result);
    return result;
#endif
}

TokenizerParityResult checkClipBpeCases(json::View tokenizerJson, std::string_view jsonKey,
    const std::filesystem::path &bpeFile, std::string caseId)
{
#if !defined(MPLUG2_HAS_UTF8PROC) || !defined(MPLUG2_HAS_ZLIB)
    return skipped(std::move(caseId), tokenizerAvailability(TokenizerKind::ClipBpe).reason);
#else
    std::error_code ec;
    if (!std::filesystem::is_regular_file(bpeFile, ec))
        return skipped(std::move(caseId), "CLIP BPE merges not found: " + bpeFile.string());
    auto loaded = ClipBpeTokenizer::load(bpeFile);
    if (!loaded)
        return failed(std::move(caseId), loaded.error().message);
    const ClipBpeTokenizer &tok = **loaded;

    TokenizerParityResult result;
    result.caseId = std::move(caseId);
    Checks checks(result);
    const auto &entries = tokenizerJson[jsonKey].items();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        json::View e = entries[i];
        const std::string name = std::string(jsonKey) + "[" + std::to_string(i) + "]";
        EncodeOptions options;
        options.maxLength
            = static_cast<std::size_t>(e["context_length"].asInt(ClipBpeTokenizer::kContextLength));
        const std::vector<TokenId> expected = idsOf(e["ids"]);
        checks.equal(name + ".ids", tok.encode(e["text"].asString(), options), expected);
        // clip.tokenize's tensor row: the ids, then zeros up to the context length.
        const BatchEncoding batch = encodeBatch(tok, {e["text"].asString()}, options, Padding::MaxLength);
        std::vector<TokenId> padded = expected;
        padded.resize(options.maxLength, 0);
        const auto row = batch.idsRow(0);
        checks.equal(name + ".padded", std::vector<TokenId>(row.begin(), row.end()), padded);
    }
    finish(result);
    return result;
#endif
}

TokenizerParityResult checkModelCaseTexts(json::View manifest, json::View caseEntry,
    const std::filesystem::path &fixtureDir, const TokenizerParityFiles &files)
{
    std::string caseId = caseEntry["id"].asString();
#if !defined(MPLUG2_HAS_UTF8PROC) || !defined(MPLUG2_HAS_ZLIB)
    return skipped(std::move(caseId),
        tokenizerAvailability(TokenizerKind::WordPiece).reason + "; "
            + tokenizerAvailability(TokenizerKind::ClipBpe).reason);
#else
    json::View input = caseEntry["input"];
    TokenizerParityResult result;
    result.caseId = caseId;
    Checks checks(result);
    std::unique_ptr<Tokenizer> wordPiece;
    std::unique_ptr<Tokenizer> clip;
    for (const ModelTextField &field : kModelTextFields) {
        if (!input[field.texts].isArray() || !input.contains(field.ids))
            continue;
        std::unique_ptr<Tokenizer> &tok = field.kind == TokenizerKind::WordPiece ? wordPiece : clip;
        if (!tok) {
            Expected<std::filesystem::path> file = field.kind == TokenizerKind::WordPiece
                ? manifestWordPieceVocab(manifest, fixtureDir, files)
                : Expected<std::filesystem::path>(clipBpeFile(files));
            if (!file)
                return skipped(std::move(caseId), file.error().message);
            std::error_code ec;
            if (!std::filesystem::is_regular_file(*file, ec))
                return skipped(std::move(caseId),
                    std::string(tokenizerKindName(field.kind)) + " vocabulary not found: " + file->string());
            auto loaded = loadTokenizer(field.kind, *file);
            if (!loaded)
                return failed(std::move(caseId), loaded.error().message);
            tok = std::move(*loaded);
        }
        checkModelTextField(checks, *tok, field, input);
    }
    if (result.checks.empty())
        return skipped(std::move(caseId), "the case lists no texts with their ids");
    finish(result);
    return result;
#endif
}

} // namespace mplug2::model::text
