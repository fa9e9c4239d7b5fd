#include "model/text/clipbpetokenizer.h"

#include "model/text/cliptextcleaner.h"
#include "model/text/gzipfile.h"
#include "model/text/pythonstring.h"
#include "model/text/unicodeproperties.h"
#include "model/text/utf8.h"

namespace mplug2::model::text {

namespace {

constexpr std::string_view kStartOfText = "<|startoftext|>";
constexpr std::string_view kEndOfText = "<|endoftext|>";
constexpr std::string_view kEndOfWord = "</w>";

bool isPrintableByte(int b)
{
    return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
}

// bytes_to_unicode(): printable Latin-1 bytes stand for themselves, the rest
// are moved to U+0100 and up, in byte order.
std::array<char32_t, 256> byteToCharTable()
{
    std::array<char32_t, 256> table {};
    char32_t next = 256;
    for (int b = 0; b < 256; ++b)
        table[static_cast<std::size_t>(b)] = isPrintableByte(b) ? static_cast<char32_t>(b) : next++;
    return table;
}

// The order in which bytes_to_unicode() lists the bytes: printable ones first.
std::vector<int> byteOrder()
{
    std::vector<int> order;
    for (int b = 0; b < 256; ++b) {
        if (isPrintableByte(b))
            order.push_back(b);
    }
    for (int b = 0; b < 256; ++b) {
        if (!isPrintableByte(b))
            order.push_back(b);
    }
    return order;
}

std::uint64_t pairKey(TokenId left, TokenId right)
{
    return (static_cast<std::uint64_t>(left) << 32) | static_cast<std::uint32_t>(right);
}

// The pattern is compiled with re.IGNORECASE: after lower-casing, only
// U+017F LATIN SMALL LETTER LONG S still folds onto an ASCII letter we test.
bool sameFolded(char32_t textChar, char32_t patternChar)
{
    return textChar == patternChar || (patternChar == U's' && textChar == 0x017F);
}

bool matchesAt(std::u32string_view text, std::size_t i, std::u32string_view pattern)
{
    if (text.size() - i < pattern.size())
        return false;
    for (std::size_t k = 0; k < pattern.size(); ++k) {
        if (!sameFolded(text[i + k], pattern[k]))
            return false;
    }
    return true;
}

std::size_t leadingMatch(std::u32string_view text, std::size_t i)
{
    static constexpr std::u32string_view kFixed[]
        = {U"<|startoftext|>", U"<|endoftext|>", U"'s", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"};
    for (const std::u32string_view f : kFixed) {
        if (matchesAt(text, i, f))
            return f.size();
    }
    return 0;
}

// Python's str.split() on one merges line.
std::vector<std::string> splitFields(std::string_view line)
{
    std::vector<std::string> fields;
    const std::u32string cps = decodeUtf8(line);
    std::size_t i = 0;
    while (i < cps.size()) {
        while (i < cps.size() && isPythonSpace(cps[i]))
            ++i;
        std::size_t end = i;
        while (end < cps.size() && !isPythonSpace(cps[end]))
            ++end;
        if (end > i)
            fields.push_back(encodeUtf8(std::u32string_view(cps).substr(i, end - i)));
        i = end;
    }
    return fields;
}

} // namespace

std::vector<std::u32string> clipPreSplit(std::u32string_view text)
{
    std::vector<std::u32string> pieces;
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t n = leadingMatch(text, i)) {
            pieces.emplace_back(text.substr(i, n));
            i += n;
            continue;
        }
        const GeneralCategory category = generalCategory(text[i]);
        std::size_t end = i + 1;
        if (isLetter(category)) {
            while (end < text.size() && isLetter(generalCategory(text[end])))
                ++end;
        } else if (isNumber(category)) {
            // one digit per piece
        } else if (isUnicodeWhiteSpace(text[i])) {
            ++i;
            continue;
        } else {
            while (end < text.size() && !isUnicodeWhiteSpace(text[end])
                && !isLetter(generalCategory(text[end])) && !isNumber(generalCategory(text[end])))
                ++end;
        }
        pieces.emplace_back(text.substr(i, end - i));
        i = end;
    }
    return pieces;
}

Expected<std::unique_ptr<ClipBpeTokenizer>> ClipBpeTokenizer::load(const std::filesystem::path &file)
{
    Expected<std::string> text = readGzipFile(file, kMaxFileBytes);
    if (!text)
        return makeError(text.error().code, "cannot read the CLIP BPE merges: " + text.error().message);
    return fromMerges(*text, file.string());
}

Expected<std::unique_ptr<ClipBpeTokenizer>> ClipBpeTokenizer::fromMerges(
    std::string_view mergesText, const std::string &origin)
{
    if (!isValidUtf8(mergesText))
        return makeError(ErrorCode::Format, "the CLIP BPE merges " + origin + " are not UTF-8 text");
    std::unique_ptr<ClipBpeTokenizer> tok(new ClipBpeTokenizer());
    tok->m_byteToChar = byteToCharTable();
    for (int b = 0; b < 256; ++b)
        tok->m_charToByte[tok->m_byteToChar[static_cast<std::size_t>(b)]] = static_cast<unsigned char>(b);

    // merges = text.split('\n')[1 : 1 + kMergeCount]
    const std::vector<std::string_view> lines = splitOn(mergesText, "\n");
    std::vector<std::vector<std::string>> merges;
    for (std::size_t i = 1; i < lines.size() && i <= kMergeCount; ++i)
        merges.push_back(splitFields(lines[i]));
    if (merges.empty())
        return makeError(ErrorCode::Format, "the CLIP BPE merges " + origin + " list no merges");

    std::vector<std::string> vocab;
    const std::vector<int> order = byteOrder();
    for (const int b : order)
        vocab.push_back(encodeUtf8(std::u32string(1, tok->m_byteToChar[static_cast<std::size_t>(b)])));
    for (std::size_t i = 0; i < order.size(); ++i)
        vocab.push_back(vocab[i] + std::string(kEndOfWord));
    for (const auto &merge : merges) {
        std::string joined;
        for (const std::string &part : merge)
            joined += part;
        vocab.push_back(std::move(joined));
    }
    vocab.emplace_back(kStartOfText);
    vocab.emplace_back(kEndOfText);

    // dict(zip(vocab, range)): a repeated entry keeps its last id, and the
    // decoder only knows those.
    for (std::size_t i = 0; i < vocab.size(); ++i)
        tok->m_encoder[vocab[i]] = static_cast<TokenId>(i);
    tok->m_decoder.resize(vocab.size());
    for (const auto &[piece, id] : tok->m_encoder)
        tok->m_decoder[static_cast<std::size_t>(id)] = piece;

    for (int b = 0; b < 256; ++b) {
        const std::string ch = encodeUtf8(std::u32string(1, tok->m_byteToChar[static_cast<std::size_t>(b)]));
        tok->m_byteId[static_cast<std::size_t>(b)] = tok->m_encoder.at(ch);
        tok->m_byteEndId[static_cast<std::size_t>(b)] = tok->m_encoder.at(ch + std::string(kEndOfWord));
    }
    // Only two-field lines are pairs BPE can apply; a later duplicate wins.
    for (std::size_t rank = 0; rank < merges.size(); ++rank) {
        const auto &merge = merges[rank];
        if (merge.size() != 2)
            continue;
        const auto left = tok->m_encoder.find(merge[0]);
        const auto right = tok->m_encoder.find(merge[1]);
        if (left == tok->m_encoder.end() || right == tok->m_encoder.end())
            continue;
        tok->m_merges[pairKey(left->second, right->second)]
            = Merge {rank, tok->m_encoder.at(merge[0] + merge[1])};
    }
    tok->m_special.start = tok->m_encoder.at(std::string(kStartOfText));
    tok->m_special.end = tok->m_encoder.at(std::string(kEndOfText));
    tok->m_special.padding = 0;
    return tok;
}

std::vector<TokenId> ClipBpeTokenizer::mergeWord(std::string_view pieceUtf8) const
{
    std::vector<TokenId> word;
    word.reserve(pieceUtf8.size());
    for (std::size_t i = 0; i < pieceUtf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(pieceUtf8[i]);
        word.push_back(i + 1 == pieceUtf8.size() ? m_byteEndId[b] : m_byteId[b]);
    }
    std::vector<TokenId> next;
    while (word.size() > 1) {
        const Merge *best = nullptr;
        std::uint64_t bestKey = 0;
        for (std::size_t i = 0; i + 1 < word.size(); ++i) {
            const auto it = m_merges.find(pairKey(word[i], word[i + 1]));
            if (it != m_merges.end() && (!best || it->second.rank < best->rank)) {
                best = &it->second;
                bestKey = it->first;
            }
        }
        if (!best)
            break;
        // Merge every occurrence of the pair, left to right.
        next.clear();
        for (std::size_t i = 0; i < word.size();) {
            if (i + 1 < word.size() && pairKey(word[i], word[i + 1]) == bestKey) {
                next.push_back(best->merged);
                i += 2;
            } else {
                next.push_back(word[i]);
                ++i;
            }
        }
        word.swap(next);
    }
    return word;
}

void ClipBpeTokenizer::appendPieceIds(std::string_view pieceUtf8, std::vector<TokenId> &ids) const
{
    if (pieceUtf8 == kStartOfText || pieceUtf8 == kEndOfText) {
        ids.push_back(m_encoder.at(std::string(pieceUtf8)));
        return;
    }
    {
        const std::lock_guard<std::mutex> lock(m_cacheMutex);
        const auto it = m_cache.find(std::string(pieceUtf8));
        if (it != m_cache.end()) {
            ids.insert(ids.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<TokenId> merged = mergeWord(pieceUtf8);
    ids.insert(ids.end(), merged.begin(), merged.end());
    const std::lock_guard<std::mutex> lock(m_cacheMutex);
    if (m_cache.size() >= kMaxCachedWords)
        m_cache.clear();
    m_cache.emplace(std::string(pieceUtf8), std::move(merged));
}

std::vector<TokenId> ClipBpeTokenizer::encode(std::string_view utf8, const EncodeOptions &options) const
{
    std::vector<TokenId> ids;
    if (options.addSpecialTokens)
        ids.push_back(m_special.start);
    const std::u32string cleaned = cleanClipText(decodeUtf8(utf8));
    for (const std::u32string &piece : clipPreSplit(cleaned))
        appendPieceIds(encodeUtf8(piece), ids);
    if (options.addSpecialTokens)
        ids.push_back(m_special.end);
    if (options.maxLength > 0 && ids.size() > options.maxLength) {
        ids.resize(options.maxLength);
        if (options.addSpecialTokens)
            ids.back() = m_special.end;
    }
    return ids;
}

std::string ClipBpeTokenizer::decode(std::span<const TokenId> ids, const DecodeOptions &options) const
{
    std::string bytes;
    for (const TokenId id : ids) {
        if (options.skipSpecialTokens && (id == m_special.start || id == m_special.end))
            continue;
        if (id < 0 || static_cast<std::size_t>(id) >= m_decoder.size()
            || !m_decoder[static_cast<std::size_t>(id)])
            continue;
        for (const char32_t c : decodeUtf8(*m_decoder[static_cast<std::size_t>(id)])) {
            const auto it = m_charToByte.find(c);
            if (it != m_charToByte.end())
                bytes.push_back(static_cast<char>(it->second));
        }
    }
    return replaceAll(encodeUtf8(decodeUtf8(bytes)), kEndOfWord, " ");
}

std::string ClipBpeTokenizer::idToToken(TokenId id) const
{
    if (id < 0 || static_cast<std::size_t>(id) >= m_decoder.size()
        || !m_decoder[static_cast<std::size_t>(id)])
        return {};
    return *m_decoder[static_cast<std::size_t>(id)];
}

TokenId ClipBpeTokenizer::tokenToId(std::string_view token) const
{
    const auto it = m_encoder.find(std::string(token));
    return it == m_encoder.end() ? -1 : it->second;
}

} // namespace mplug2::model::text
