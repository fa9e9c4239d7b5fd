#pragma once
/// UTF-8 <-> code points, without any Unicode library. Ill-formed input never
/// fails: each maximal ill-formed subsequence becomes one U+FFFD, the rule
/// Python's `bytes.decode('utf-8', errors='replace')` follows, so decoded
/// text matches what the official code would show for the same bytes.
///
///     std::size_t bad = 0;
///     std::u32string cps = decodeUtf8("caf\xc3\xa9 \xff", &bad);   // bad == 1
///     std::string back = encodeUtf8(cps);                           // "café \uFFFD"
///
/// Thread-safe (pure functions).

#include <cstddef>
#include <string>
#include <string_view>

namespace mplug2::model::text {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

/// Decodes `utf8`; `invalidSequences` (optional) receives how many
/// replacement characters were substituted for ill-formed input.
std::u32string decodeUtf8(std::string_view utf8, std::size_t *invalidSequences = nullptr);

/// Appends the UTF-8 form of `cp`; surrogates and values above U+10FFFF are
/// written as U+FFFD.
void appendUtf8(std::string &out, char32_t cp);

std::string encodeUtf8(std::u32string_view codePoints);

/// True when `utf8` is well-formed UTF-8 (no surrogates, no overlongs).
bool isValidUtf8(std::string_view utf8);

} // namespace mplug2::model::text
