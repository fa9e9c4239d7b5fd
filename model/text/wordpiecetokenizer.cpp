#include "model/text/wordpiecetokenizer.h"

#include "model/text/pythonstring.h"
#include "model/text/utf8.h"

#include <algorithm>

namespace mplug2::model::text {

namespace {

std::set<std::string, std::less<>> asSet(const std::vector<std::string> &tokens)
{
    return {tokens.begin(), tokens.end()};
}

} // namespace

Expected<std::unique_ptr<WordPieceTokenizer>> WordPieceTokenizer::load(const std::filesystem::path &vocabFile)
{
    Expected<WordPieceVocab> vocab = WordPieceVocab::load(vocabFile);
    if (!vocab)
        return vocab.error();
    return std::make_unique<WordPieceTokenizer>(std::move(*vocab));
}

WordPieceTokenizer::WordPieceTokenizer(WordPieceVocab vocab)
    : m_vocab(std::move(vocab))
    , m_specialTokens {"[UNK]", "[SEP]", "[PAD]", "[CLS]", "[MASK]"}
    , m_basic(asSet(m_specialTokens))
{
    for (const std::string &tok : m_specialTokens) {
        m_specialTokensUtf32.push_back(decodeUtf8(tok));
        m_specialFirstChars.push_back(m_specialTokensUtf32.back().front());
    }
    // A special token missing from the vocabulary maps to [UNK], as
    // convert_tokens_to_ids does.
    m_special.unknown = m_vocab.unknownId();
    m_special.end = m_vocab.idOrUnknown("[SEP]");
    m_special.padding = m_vocab.idOrUnknown("[PAD]");
    m_special.start = m_vocab.idOrUnknown("[CLS]");
    m_special.mask = m_vocab.idOrUnknown("[MASK]");
}

std::vector<TokenId> WordPieceTokenizer::encode(std::string_view utf8, const EncodeOptions &options) const
{
    std::vector<TokenId> ids;
    if (options.addSpecialTokens)
        ids.push_back(m_special.start);
    const std::u32string text = decodeUtf8(utf8);
    const std::u32string_view view(text);
    // Split around the special tokens written in the text (leftmost, then
    // longest match), as transformers' added-token trie does; they keep their
    // case and are never cut into pieces.
    std::size_t chunkStart = 0;
    std::size_t i = 0;
    while (i < view.size()) {
        std::size_t matched = 0;
        std::size_t which = 0;
        if (m_specialFirstChars.find(view[i]) != std::u32string::npos) {
            for (std::size_t s = 0; s < m_specialTokensUtf32.size(); ++s) {
                const std::u32string &special = m_specialTokensUtf32[s];
                if (special.size() > matched && view.substr(i, special.size()) == special) {
                    matched = special.size();
                    which = s;
                }
            }
        }
        if (matched == 0) {
            ++i;
            continue;
        }
        appendContentIds(view.substr(chunkStart, i - chunkStart), ids);
        ids.push_back(m_vocab.idOrUnknown(m_specialTokens[which]));
        i += matched;
        chunkStart = i;
    }
    appendContentIds(view.substr(chunkStart), ids);

    if (options.maxLength > 0 && ids.size() > options.maxLength)
        ids.resize(options.maxLength);
    return ids;
}

void WordPieceTokenizer::appendContentIds(std::u32string_view text, std::vector<TokenId> &ids) const
{
    if (text.empty())
        return;
    thread_local std::vector<std::string> words;
    words.clear();
    m_basic.split(text, words);
    for (const std::string &word : words)
        m_vocab.appendWordPieces(word, ids);
}

bool WordPieceTokenizer::isSpecialId(TokenId id) const
{
    return id == m_special.unknown || id == m_special.end || id == m_special.padding || id == m_special.start
        || id == m_special.mask;
}

std::string WordPieceTokenizer::decode(std::span<const TokenId> ids, const DecodeOptions &options) const
{
    // convert_tokens_to_string: " ".join(tokens).replace(" ##", "").strip()
    std::string joined;
    bool first = true;
    for (const TokenId id : ids) {
        if (options.skipSpecialTokens && isSpecialId(id))
            continue;
        const std::string *tok = m_vocab.token(id);
        if (!first)
            joined.push_back(' ');
        joined += tok ? *tok : m_vocab.unknownToken();
        first = false;
    }
    std::string text = pythonStrip(replaceAll(joined, " ##", ""));
    if (options.cleanUpTokenizationSpaces)
        text = cleanUpTokenizationSpaces(std::move(text));
    return text;
}

std::string WordPieceTokenizer::idToToken(TokenId id) const
{
    const std::string *tok = m_vocab.token(id);
    return tok ? *tok : m_vocab.unknownToken();
}

TokenId WordPieceTokenizer::tokenToId(std::string_view token) const
{
    return m_vocab.idOrUnknown(token);
}

std::string cleanUpTokenizationSpaces(std::string text)
{
    static const std::pair<const char *, const char *> kReplacements[] = {
        {" .", "."},
        {" ?", "?"},
        {" !", "!"},
        {" ,", ","},
        {" ' ", "'"},
        {" n't", "n't"},
        {" 'm", "'m"},
        {" 's", "'s"},
        {" 've", "'ve"},
        {" 're", "'re"},
    };
    for (const auto &[from, to] : kReplacements)
        text = replaceAll(text, from, to);
    return text;
}

} // namespace mplug2::model::text
