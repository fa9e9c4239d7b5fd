#include "model/text/bertbasictokenizer.h"

#include "model/text/unicodeproperties.h"
#include "model/text/utf8.h"

namespace mplug2::model::text {

BertBasicTokenizer::BertBasicTokenizer(std::set<std::string, std::less<>> neverSplit)
    : m_neverSplit(std::move(neverSplit))
{
    for (const std::string &word : m_neverSplit)
        m_neverSplitLengths.insert(decodeUtf8(word).size());
}

bool BertBasicTokenizer::isChineseChar(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool BertBasicTokenizer::isPunctuation(char32_t cp)
{
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126))
        return true;
    if (cp < 0x80)
        return false;
    return text::isPunctuation(generalCategory(cp));
}

bool BertBasicTokenizer::isControl(char32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r')
        return false;
    if (cp < 0x80)
        return cp < 0x20 || cp == 0x7F;
    return isOther(generalCategory(cp));
}

bool BertBasicTokenizer::isWhitespace(char32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r')
        return true;
    return cp >= 0x80 && generalCategory(cp) == GeneralCategory::Zs;
}

void BertBasicTokenizer::split(std::u32string_view text, std::vector<std::string> &words) const
{
    // Lower-case (transformers does it per character before tokenizing),
    // clean, and surround CJK ideographs with spaces, in one pass.
    thread_local std::u32string lowered;
    thread_local std::u32string cleaned;
    cleaned.clear();
    cleaned.reserve(text.size());
    for (const char32_t original : text) {
        lowered.clear();
        appendLowercase(lowered, original);
        for (const char32_t cp : lowered) {
            if (cp == 0 || cp == kReplacementCharacter || isControl(cp))
                continue;
            if (isWhitespace(cp)) {
                cleaned.push_back(U' ');
            } else if (isChineseChar(cp)) {
                cleaned.push_back(U' ');
                cleaned.push_back(cp);
                cleaned.push_back(U' ');
            } else {
                cleaned.push_back(cp);
            }
        }
    }
    // str.split(): runs of Python whitespace separate words.
    std::size_t i = 0;
    const std::u32string_view all(cleaned);
    while (i < all.size()) {
        while (i < all.size() && isPythonSpace(all[i]))
            ++i;
        std::size_t end = i;
        while (end < all.size() && !isPythonSpace(all[end]))
            ++end;
        if (end > i)
            splitWord(all.substr(i, end - i), words);
        i = end;
    }
}

void BertBasicTokenizer::splitWord(std::u32string_view word, std::vector<std::string> &words) const
{
    bool ascii = true;
    for (const char32_t cp : word)
        ascii = ascii && cp < 0x80;
    if (m_neverSplitLengths.count(word.size())) {
        const std::string utf8 = encodeUtf8(word);
        if (m_neverSplit.count(utf8)) {
            words.push_back(utf8);
            return;
        }
    }
    // Accent stripping: NFD, then drop nonspacing marks.
    thread_local std::u32string stripped;
    std::u32string_view chars = word;
    if (!ascii) {
        const std::u32string decomposed = canonicalDecomposition(word);
        stripped.clear();
        for (const char32_t cp : decomposed) {
            if (generalCategory(cp) != GeneralCategory::Mn)
                stripped.push_back(cp);
        }
        chars = stripped;
    }
    // Punctuation split; the official code re-splits the result on
    // whitespace, so a space-like character (none appear after NFD in
    // practice) would also separate words.
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    };
    for (const char32_t cp : chars) {
        if (isPunctuation(cp)) {
            flush();
            std::string single;
            appendUtf8(single, cp);
            words.push_back(std::move(single));
        } else if (isPythonSpace(cp)) {
            flush();
        } else {
            appendUtf8(current, cp);
        }
    }
    flush();
}

} // namespace mplug2::model::text
