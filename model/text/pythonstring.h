#pragma once
/// The few Python `str` operations the official text handling is written
/// with, on UTF-8 strings, with Python's exact semantics (whitespace as
/// `str.isspace()` defines it, `split(sep)` keeping empty fields, ...).
///
///     replaceAll("a - b", " - ", "-");          // "a-b"
///     pythonStrip("\u3000 hi \n");              // "hi"
///     splitOn("a  b", " ");                      // {"a", "", "b"}
///
/// Thread-safe (pure functions).

#include <string>
#include <string_view>
#include <vector>

namespace mplug2::model::text {

/// `text.replace(from, to)` (every non-overlapping occurrence, left to right).
std::string replaceAll(std::string_view text, std::string_view from, std::string_view to);

/// `text.strip()` and `text.rstrip()` without arguments.
std::string pythonStrip(std::string_view text);
std::string pythonRstrip(std::string_view text);

/// `text.strip(chars)` / `text.rstrip(chars)` for ASCII `chars`.
std::string_view stripAsciiChars(std::string_view text, std::string_view chars);
std::string_view rstripAsciiChars(std::string_view text, std::string_view chars);

/// `text.split(sep)` for a non-empty separator.
std::vector<std::string_view> splitOn(std::string_view text, std::string_view sep);

/// `sep.join(parts)`.
std::string join(const std::vector<std::string_view> &parts, std::string_view sep);

/// `text.lower()` (full case mapping, final sigma).
std::string pythonLower(std::string_view utf8);

} // namespace mplug2::model::text
