#include "model/text/cliptextcleaner.h"

#include "model/text/unicodeproperties.h"
#include "model/text/utf8.h"

#include <array>

namespace mplug2::model::text {

namespace {

// ftfy's LIGATURES table (fix_latin_ligatures).
std::u32string_view ligatureExpansion(char32_t cp)
{
    switch (cp) {
    case 0x0132:
        return U"IJ";
    case 0x0133:
        return U"ij";
    case 0x0149:
        return U"\u02BCn";
    case 0x01C4:
        return U"D\u017D";
    case 0x01C5:
        return U"D\u017E";
    case 0x01C6:
        return U"d\u017E";
    case 0x01C7:
        return U"LJ";
    case 0x01C8:
        return U"Lj";
    case 0x01C9:
        return U"lj";
    case 0x01CA:
        return U"NJ";
    case 0x01CB:
        return U"Nj";
    case 0x01CC:
        return U"nj";
    case 0xFB00:
        return U"ff";
    case 0xFB01:
        return U"fi";
    case 0xFB02:
        return U"fl";
    case 0xFB03:
        return U"ffi";
    case 0xFB04:
        return U"ffl";
    case 0xFB05:
        return U"\u017Ft";
    case 0xFB06:
        return U"st";
    default:
        return {};
    }
}

// ftfy's fix_character_width: NFKC of the half/full-width forms block and
// the ideographic space.
char32_t narrowCharacter(char32_t cp)
{
    if (cp == 0x3000)
        return U' ';
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFF01 + U'!';
    return cp;
}

// ftfy's uncurl_quotes.
char32_t straightQuote(char32_t cp)
{
    if (cp == 0x02BC || (cp >= 0x2018 && cp <= 0x201B))
        return U'\'';
    if (cp >= 0x201C && cp <= 0x201F)
        return U'"';
    return cp;
}

// ftfy's remove_control_chars: C0 controls but tab/LF/FF/CR, DEL, and the
// format characters it lists (BOM, interlinear annotations, deprecated
// format controls, object replacement).
bool isRemovedControl(char32_t cp)
{
    return (cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) || cp == 0x7F || cp == 0xFEFF
        || (cp >= 0x206A && cp <= 0x206F) || (cp >= 0xFFF9 && cp <= 0xFFFC)
        || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE007F);
}

// "\x1b[" digits/semicolons, then one letter (ftfy's ANSI escape pattern).
std::size_t terminalEscapeLength(std::u32string_view text, std::size_t i)
{
    if (text[i] != 0x1B || i + 1 >= text.size() || text[i + 1] != U'[')
        return 0;
    std::size_t j = i + 2;
    while (j < text.size() && ((text[j] >= U'0' && text[j] <= U'9') || text[j] == U';'))
        ++j;
    if (j < text.size() && ((text[j] >= U'a' && text[j] <= U'z') || (text[j] >= U'A' && text[j] <= U'Z')))
        return j + 1 - i;
    return 0;
}

std::u32string fixText(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (const std::size_t esc = terminalEscapeLength(text, i)) {
            i += esc - 1;
            continue;
        }
        const std::u32string_view ligature = ligatureExpansion(text[i]);
        if (!ligature.empty()) {
            out.append(ligature);
            continue;
        }
        const char32_t cp = straightQuote(narrowCharacter(text[i]));
        if (!isRemovedControl(cp))
            out.push_back(cp);
    }
    return canonicalComposition(out);
}

// html._invalid_charrefs: numeric references to C1 controls mean Windows-1252.
char32_t windows1252(char32_t cp)
{
    static constexpr std::array<char32_t, 32> kTable = {
        0x20AC,
        0x81,
        0x201A,
        0x0192,
        0x201E,
        0x2026,
        0x2020,
        0x2021,
        0x02C6,
        0x2030,
        0x0160,
        0x2039,
        0x0152,
        0x8D,
        0x017D,
        0x8F,
        0x90,
        0x2018,
        0x2019,
        0x201C,
        0x201D,
        0x2022,
        0x2013,
        0x2014,
        0x02DC,
        0x2122,
        0x0161,
        0x203A,
        0x0153,
        0x9D,
        0x017E,
        0x0178,
    };
    return kTable[cp - 0x80];
}

// html._invalid_codepoints: references to these give nothing.
bool isDroppedCodePoint(char32_t cp)
{
    return (cp >= 0x1 && cp <= 0x8) || cp == 0xB || (cp >= 0xE && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F)
        || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// Appends what `&#...` at text[i] stands for and returns its length (0: not a
// numeric reference).
std::size_t appendNumericReference(std::u32string_view text, std::size_t i, std::u32string &out)
{
    std::size_t j = i + 2; // after "&#"
    const bool hex = j < text.size() && (text[j] == U'x' || text[j] == U'X');
    if (hex)
        ++j;
    const std::size_t digitsStart = j;
    std::uint64_t value = 0;
    for (; j < text.size(); ++j) {
        const char32_t c = text[j];
        int digit = -1;
        if (c >= U'0' && c <= U'9')
            digit = static_cast<int>(c - U'0');
        else if (hex && c >= U'a' && c <= U'f')
            digit = static_cast<int>(c - U'a' + 10);
        else if (hex && c >= U'A' && c <= U'F')
            digit = static_cast<int>(c - U'A' + 10);
        if (digit < 0)
            break;
        value
            = std::min<std::uint64_t>(value * (hex ? 16 : 10) + static_cast<std::uint64_t>(digit), 0x110000);
    }
    if (j == digitsStart)
        return 0;
    if (j < text.size() && text[j] == U';')
        ++j;
    const auto cp = static_cast<char32_t>(value);
    if (cp == 0)
        out.push_back(kReplacementCharacter);
    else if (cp == 0x0D)
        out.push_back(U'\r');
    else if (cp >= 0x80 && cp <= 0x9F)
        out.push_back(windows1252(cp));
    else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        out.push_back(kReplacementCharacter);
    else if (!isDroppedCodePoint(cp))
        out.push_back(cp);
    return j - i;
}

std::size_t appendNamedReference(std::u32string_view text, std::size_t i, std::u32string &out)
{
    struct Named {
        std::u32string_view name;
        char32_t value;
        bool needsSemicolon;
    };
    static constexpr Named kNames[] = {
        {U"amp", U'&', false},
        {U"AMP", U'&', false},
        {U"lt", U'<', false},
        {U"LT", U'<', false},
        {U"gt", U'>', false},
        {U"GT", U'>', false},
        {U"quot", U'"', false},
        {U"QUOT", U'"', false},
        {U"apos", U'\'', true},
        {U"nbsp", 0xA0, false},
    };
    const std::u32string_view rest = text.substr(i + 1);
    for (const Named &n : kNames) {
        if (rest.substr(0, n.name.size()) != n.name)
            continue;
        const bool semicolon = rest.size() > n.name.size() && rest[n.name.size()] == U';';
        if (n.needsSemicolon && !semicolon)
            continue;
        out.push_back(n.value);
        return 1 + n.name.size() + (semicolon ? 1 : 0);
    }
    return 0;
}

std::u32string whitespaceClean(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    bool inSpace = false;
    for (const char32_t cp : text) {
        if (isUnicodeWhiteSpace(cp)) {
            inSpace = true;
            continue;
        }
        if (inSpace && !out.empty())
            out.push_back(U' ');
        inSpace = false;
        out.push_back(cp);
    }
    return out;
}

// Python's str.strip().
std::u32string_view strip(std::u32string_view text)
{
    std::size_t first = 0;
    while (first < text.size() && isPythonSpace(text[first]))
        ++first;
    std::size_t last = text.size();
    while (last > first && isPythonSpace(text[last - 1]))
        --last;
    return text.substr(first, last - first);
}

} // namespace

std::u32string unescapeHtml(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == U'&' && i + 1 < text.size()) {
            const std::size_t used = text[i + 1] == U'#' ? appendNumericReference(text, i, out)
                                                         : appendNamedReference(text, i, out);
            if (used > 0) {
                i += used;
                continue;
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

std::u32string cleanClipText(std::u32string_view text)
{
    const std::u32string fixed = fixText(text);
    const std::u32string unescaped = unescapeHtml(unescapeHtml(fixed));
    // basic_clean strips; whitespace_clean collapses \s+ (White_Space) and
    // strips again (str.strip(), which also counts U+001C..U+001F).
    const std::u32string collapsed = whitespaceClean(strip(unescaped));
    return pythonLower(strip(collapsed));
}

} // namespace mplug2::model::text
