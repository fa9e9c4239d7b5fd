#include "model/text/unicodeproperties.h"

#include <algorithm>
#include <utf8proc.h>

namespace mplug2::model::text {

static_assert(static_cast<int>(GeneralCategory::Lu) == UTF8PROC_CATEGORY_LU);
static_assert(static_cast<int>(GeneralCategory::Zs) == UTF8PROC_CATEGORY_ZS);
static_assert(static_cast<int>(GeneralCategory::Co) == UTF8PROC_CATEGORY_CO);

namespace {

constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kSmallSigma = 0x03C3;
constexpr char32_t kFinalSigma = 0x03C2;

bool isValidCodePoint(char32_t cp)
{
    return cp <= 0x10FFFF;
}

// The characters Unicode 15.0 assigned. The official code ran on Python 3.11,
// whose unicodedata is Unicode 14.0: there they are unassigned (Cn), which
// the BERT tokenizer drops as control characters. Debian 12's utf8proc knows
// Unicode 15.0; a newer utf8proc would need its additions listed here too.
bool isAssignedAfterUnicode14(char32_t cp)
{
    struct Range {
        char32_t first;
        char32_t last;
    };
    static constexpr Range kUnicode15[] = {
        {0x0CF3, 0x0CF3},
        {0x0ECE, 0x0ECE},
        {0x10EFD, 0x10EFF},
        {0x1123F, 0x11241},
        {0x11B00, 0x11B09},
        {0x11F00, 0x11F10},
        {0x11F12, 0x11F3A},
        {0x11F3E, 0x11F59},
        {0x1342F, 0x1342F},
        {0x13439, 0x13455},
        {0x1B132, 0x1B132},
        {0x1B155, 0x1B155},
        {0x1D2C0, 0x1D2D3},
        {0x1DF25, 0x1DF2A},
        {0x1E030, 0x1E06D},
        {0x1E08F, 0x1E08F},
        {0x1E4D0, 0x1E4F9},
        {0x1F6DC, 0x1F6DC},
        {0x1F774, 0x1F776},
        {0x1F77B, 0x1F77F},
        {0x1F7D9, 0x1F7D9},
        {0x1FA75, 0x1FA77},
        {0x1FA87, 0x1FA88},
        {0x1FAAD, 0x1FAAF},
        {0x1FABB, 0x1FABD},
        {0x1FABF, 0x1FABF},
        {0x1FACE, 0x1FACF},
        {0x1FADA, 0x1FADB},
        {0x1FAE8, 0x1FAE8},
        {0x1FAF7, 0x1FAF8},
        {0x2B739, 0x2B739},
        {0x31350, 0x323AF},
    };
    if (cp < 0x0CF3)
        return false;
    for (const Range &r : kUnicode15) {
        if (cp >= r.first && cp <= r.last)
            return true;
    }
    return false;
}

const utf8proc_property_t *property(char32_t cp)
{
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(isValidCodePoint(cp) ? cp : 0xFFFD));
}

// Cased and Case_Ignorable as Python's final-sigma test uses them. utf8proc
// has no property for either, so they are derived from the general category
// plus the Word_Break MidLetter/MidNumLet/Single_Quote characters (a fixed
// list in Unicode's derivation of Case_Ignorable).
bool isCased(char32_t cp)
{
    const GeneralCategory c = generalCategory(cp);
    return c == GeneralCategory::Lu || c == GeneralCategory::Ll || c == GeneralCategory::Lt;
}

bool isCaseIgnorable(char32_t cp)
{
    switch (generalCategory(cp)) {
    case GeneralCategory::Mn:
    case GeneralCategory::Me:
    case GeneralCategory::Cf:
    case GeneralCategory::Lm:
    case GeneralCategory::Sk:
        return true;
    default:
        break;
    }
    switch (cp) {
    case 0x0027:
    case 0x002E:
    case 0x003A:
    case 0x00B7:
    case 0x0387:
    case 0x055F:
    case 0x05F4:
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0x2027:
    case 0xFE13:
    case 0xFE52:
    case 0xFE55:
    case 0xFF07:
    case 0xFF0E:
    case 0xFF1A:
        return true;
    default:
        return false;
    }
}

bool isFinalSigma(std::u32string_view text, std::size_t i)
{
    std::size_t j = i;
    while (j > 0 && isCaseIgnorable(text[j - 1]))
        --j;
    if (j == 0 || !isCased(text[j - 1]))
        return false;
    std::size_t k = i + 1;
    while (k < text.size() && isCaseIgnorable(text[k]))
        ++k;
    return k == text.size() || !isCased(text[k]);
}

void appendDecomposition(std::u32string &out, char32_t cp)
{
    if (cp < 0xC0 || !isValidCodePoint(cp)) {
        out.push_back(cp);
        return;
    }
    utf8proc_int32_t buffer[32];
    const utf8proc_ssize_t n
        = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buffer, 32, UTF8PROC_DECOMPOSE, nullptr);
    if (n <= 0 || n > 32) {
        out.push_back(cp);
        return;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k)
        out.push_back(static_cast<char32_t>(buffer[k]));
}

int combiningClass(char32_t cp)
{
    return cp < 0x300 ? 0 : property(cp)->combining_class;
}

} // namespace

GeneralCategory generalCategory(char32_t cp)
{
    if (isAssignedAfterUnicode14(cp))
        return GeneralCategory::Cn;
    return static_cast<GeneralCategory>(property(cp)->category);
}

bool isPythonSpace(char32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    const utf8proc_property_t *p = property(cp);
    return p->category == UTF8PROC_CATEGORY_ZS || p->bidi_class == UTF8PROC_BIDI_CLASS_WS
        || p->bidi_class == UTF8PROC_BIDI_CLASS_B || p->bidi_class == UTF8PROC_BIDI_CLASS_S;
}

bool isUnicodeWhiteSpace(char32_t cp)
{
    // PropList.txt White_Space; unchanged since Unicode 6.3.
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    switch (cp) {
    case 0x0085:
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

void appendLowercase(std::u32string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return;
    }
    // SpecialCasing.txt's only unconditional lower-case mapping that differs
    // from the simple one.
    if (cp == 0x0130) {
        out.push_back(U'i');
        out.push_back(0x0307);
        return;
    }
    out.push_back(isValidCodePoint(cp)
            ? static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)))
            : cp);
}

std::u32string pythonLower(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == kCapitalSigma)
            out.push_back(isFinalSigma(text, i) ? kFinalSigma : kSmallSigma);
        else
            appendLowercase(out, text[i]);
    }
    return out;
}

std::u32string canonicalDecomposition(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size() + text.size() / 4);
    for (const char32_t cp : text)
        appendDecomposition(out, cp);
    // Canonical ordering: within each run of non-starters, a stable sort by
    // combining class.
    std::size_t i = 0;
    while (i < out.size()) {
        if (combiningClass(out[i]) == 0) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < out.size() && combiningClass(out[end]) != 0)
            ++end;
        if (end - i > 1)
            std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(i),
                out.begin() + static_cast<std::ptrdiff_t>(end),
                [](char32_t a, char32_t b) { return combiningClass(a) < combiningClass(b); });
        i = end;
    }
    return out;
}

std::u32string canonicalComposition(std::u32string_view text)
{
    std::u32string decomposed = canonicalDecomposition(text);
    if (decomposed.empty())
        return decomposed;
    static_assert(sizeof(utf8proc_int32_t) == sizeof(char32_t));
    auto *buffer = reinterpret_cast<utf8proc_int32_t *>(decomposed.data());
    const utf8proc_ssize_t n = utf8proc_normalize_utf32(
        buffer, static_cast<utf8proc_ssize_t>(decomposed.size()), UTF8PROC_COMPOSE);
    if (n >= 0)
        decomposed.resize(static_cast<std::size_t>(n));
    return decomposed;
}

const char *unicodeVersion()
{
    return utf8proc_unicode_version();
}

} // namespace mplug2::model::text
