#pragma once
/// The tokenizer side of the data-driven parity runner: checks the cases of
/// a fixture folder's tokenizer.json (kinds `tokenizer` and `clip_tokenizer`
/// in cases.json) against our tokenizers, exactly (ids, tokens, strings).
/// Nothing here knows the fixture strings: any tokenizer.json with the same
/// schema (fixtures/README.md) works.
///
///     TokenizerParityFiles files = defaultTokenizerParityFiles(fixtureDir);   // <fixtures>/../data
///     for (json::View c : cases["cases"].items())
///         if (isTokenizerParityKind(c["kind"].asString())) {
///             TokenizerParityResult r = checkTokenizerCase(c, fixtureDir, files);
///             std::cout << r.caseId << ' ' << parityStatusName(r.status) << ' ' << r.summary << '\n';
///         }
///
/// Vocabularies: WordPiece reads the file named by tokenizer.json's "vocab"
/// (its first word) from the data folder, CLIP reads
/// bpe_simple_vocab_16e6.txt.gz from it. A missing vocabulary or a tokenizer
/// this build leaves out gives Skipped with the reason, never Passed.

#include "base/json/json.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mplug2::model::text {

enum class ParityStatus { Passed, Failed, Skipped };
const char *parityStatusName(ParityStatus status);

/// One compared item, e.g. "encode[3].input_ids".
struct TokenizerParityCheck {
    std::string name;
    bool passed = false;
    std::string detail; ///< what differed (empty when passed)
};

struct TokenizerParityResult {
    std::string caseId;
    ParityStatus status = ParityStatus::Skipped;
    std::string summary; ///< "N/M checks passed", the first mismatch, or the skip reason
    std::vector<TokenizerParityCheck> checks;
    std::size_t failedChecks() const;
};

struct TokenizerParityFiles {
    std::filesystem::path dataDir; ///< where the vocabularies are
    std::filesystem::path wordPieceVocab; ///< empty: dataDir / tokenizer.json "vocab"
    std::filesystem::path clipBpe; ///< empty: dataDir / bpe_simple_vocab_16e6.txt.gz
};

/// dataDir = <fixtureDir>/../data.
TokenizerParityFiles defaultTokenizerParityFiles(const std::filesystem::path &fixtureDir);

/// "tokenizer" and "clip_tokenizer".
bool isTokenizerParityKind(std::string_view kind);

/// Checks one cases.json entry of a tokenizer kind (reads its "file" from
/// `fixtureDir`).
TokenizerParityResult checkTokenizerCase(
    json::View caseEntry, const std::filesystem::path &fixtureDir, const TokenizerParityFiles &files);

/// The checks themselves, on a parsed tokenizer.json.
TokenizerParityResult checkWordPieceCases(
    json::View tokenizerJson, const std::filesystem::path &vocabFile, std::string caseId);
TokenizerParityResult checkClipBpeCases(json::View tokenizerJson, std::string_view jsonKey,
    const std::filesystem::path &bpeFile, std::string caseId);

/// The texts a model case (caption, qa, clip_embed) lists in its "input"
/// next to the ids the official tokenizer made of them: "questions",
/// "decoder_prefix_texts" and "answer_list_texts" (WordPiece, padded to the
/// longest, with their attention masks) and "texts" (CLIP BPE, ids up to
/// <|endoftext|>). Our tokenizers must give the same ids, so a model case
/// run from text is as exact as one run from the recorded ids. The
/// WordPiece vocabulary is the one the manifest's `tokenizer` case names.
/// Skipped (with the reason) when the case has no texts or a vocabulary is
/// missing.
TokenizerParityResult checkModelCaseTexts(json::View manifest, json::View caseEntry,
    const std::filesystem::path &fixtureDir, const TokenizerParityFiles &files);

} // namespace mplug2::model::text
