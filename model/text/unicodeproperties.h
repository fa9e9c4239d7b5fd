#pragma once
/// The Unicode facts the tokenizers need, from utf8proc (a maintained Unicode
/// library, Debian's libutf8proc): general categories, canonical
/// decomposition/composition and case mapping, plus the two definitions of
/// "whitespace" that the official Python code relies on. Categories follow
/// Unicode 14.0, the version of the Python (3.11) the official fixtures were
/// made with: characters added later read as unassigned. Only compiled when
/// utf8proc is found (MPLUG2_HAS_UTF8PROC).
///
///     using namespace mplug2::model::text;
///     if (generalCategory(U'é') == GeneralCategory::Ll) ...
///     std::u32string nfd = canonicalDecomposition(U"é");   // U"e\u0301"
///
/// Thread-safe (pure functions over utf8proc's read-only tables).

#include <cstdint>
#include <string>
#include <string_view>

namespace mplug2::model::text {

/// Unicode general categories, in utf8proc's numbering.
enum class GeneralCategory : std::uint8_t {
    Cn,
    Lu,
    Ll,
    Lt,
    Lm,
    Lo,
    Mn,
    Mc,
    Me,
    Nd,
    Nl,
    No,
    Pc,
    Pd,
    Ps,
    Pe,
    Pi,
    Pf,
    Po,
    Sm,
    Sc,
    Sk,
    So,
    Zs,
    Zl,
    Zp,
    Cc,
    Cf,
    Cs,
    Co,
};

GeneralCategory generalCategory(char32_t cp);

inline bool isLetter(GeneralCategory c)
{
    return c >= GeneralCategory::Lu && c <= GeneralCategory::Lo;
}
inline bool isNumber(GeneralCategory c)
{
    return c >= GeneralCategory::Nd && c <= GeneralCategory::No;
}
inline bool isPunctuation(GeneralCategory c)
{
    return c >= GeneralCategory::Pc && c <= GeneralCategory::Po;
}
inline bool isOther(GeneralCategory c)
{
    return c == GeneralCategory::Cn || c >= GeneralCategory::Cc;
}

/// Python's `str.isspace()`: bidirectional class WS, B or S, or category Zs.
/// Used by `str.split()` and `str.strip()` in the official code.
bool isPythonSpace(char32_t cp);

/// The Unicode White_Space property: what `\s` matches in the `regex`
/// module that CLIP's tokenizer uses.
bool isUnicodeWhiteSpace(char32_t cp);

/// Appends Python's `c.lower()` for one character: the full lower-case
/// mapping (U+0130 becomes "i\u0307"), without the context-dependent final
/// sigma rule.
void appendLowercase(std::u32string &out, char32_t cp);

/// Python's `str.lower()` of a whole string, including the final-sigma rule.
std::u32string pythonLower(std::u32string_view text);

/// NFD: canonical decomposition followed by canonical ordering of marks.
std::u32string canonicalDecomposition(std::u32string_view text);

/// NFC: NFD, then canonical composition.
std::u32string canonicalComposition(std::u32string_view text);

/// The Unicode version of the tables in use (e.g. "15.0.0").
const char *unicodeVersion();

} // namespace mplug2::model::text
