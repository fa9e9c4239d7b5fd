#include "model/text/officialtext.h"

#include "model/text/pythonstring.h"
#include "model/text/unicodeproperties.h"
#include "model/text/utf8.h"

namespace mplug2::model::text {

namespace {

// re.sub(r"([,.'!?\"()*#:;~])", '', text.lower()).replace('-', ' ').replace('/', ' ')
std::string dropPunctuation(std::string_view text)
{
    const std::string lowered = pythonLower(text);
    std::string out;
    out.reserve(lowered.size());
    for (const char c : lowered) {
        switch (c) {
        case ',':
        case '.':
        case '\'':
        case '!':
        case '?':
        case '"':
        case '(':
        case ')':
        case '*':
        case '#':
        case ':':
        case ';':
        case '~':
            break;
        case '-':
        case '/':
            out.push_back(' ');
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

std::string keepWords(std::string_view text, std::size_t maxWords)
{
    const std::vector<std::string_view> words = splitOn(text, " ");
    if (words.size() <= maxWords)
        return std::string(text);
    return join(
        std::vector<std::string_view>(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(maxWords)),
        " ");
}

// re.sub(r"\s{2,}", ' ', text) with Python's Unicode \s.
std::string collapseWhitespaceRuns(std::string_view text)
{
    const std::u32string cps = decodeUtf8(text);
    std::u32string out;
    out.reserve(cps.size());
    std::size_t i = 0;
    while (i < cps.size()) {
        std::size_t end = i;
        while (end < cps.size() && isPythonSpace(cps[end]))
            ++end;
        if (end - i >= 2) {
            out.push_back(U' ');
            i = end;
        } else {
            out.push_back(cps[i]);
            ++i;
        }
    }
    return encodeUtf8(out);
}

} // namespace

std::string preQuestion(std::string_view question, std::size_t maxWords)
{
    const std::string cleaned = dropPunctuation(question);
    return keepWords(rstripAsciiChars(cleaned, " "), maxWords);
}

std::string preCaption(std::string_view caption, std::size_t maxWords)
{
    std::string cleaned = replaceAll(dropPunctuation(caption), "<person>", "person");
    cleaned = collapseWhitespaceRuns(cleaned);
    const std::string_view trimmed = stripAsciiChars(rstripAsciiChars(cleaned, "\n"), " ");
    return keepWords(trimmed, maxWords);
}

std::string withEndOfText(std::string_view text)
{
    std::string out(text);
    out.append(kOfficialEndOfText);
    return out;
}

std::string postprocessCaption(std::string_view decoded, std::string_view prompt)
{
    std::string text = replaceAll(decoded, "[SEP]", "");
    text = replaceAll(text, "[CLS]", "");
    text = replaceAll(text, "[PAD]", "");
    text = pythonStrip(text);
    if (!prompt.empty()) {
        const std::vector<std::string_view> parts = splitOn(text, prompt);
        text = pythonStrip(parts.back());
    }
    return text;
}

} // namespace mplug2::model::text
