#pragma once
/// The "basic" half of the official BERT tokenizer, applied to text that holds
/// no special token: the transformers lower-casing pass (character by
/// character, so no final-sigma rule), `_clean_text` (drop NUL, U+FFFD and
/// control characters; whitespace becomes a space), spaces around CJK
/// ideographs, `str.split()`, NFD accent stripping and the punctuation split.
///
///     BertBasicTokenizer basic({"[CLS]", "[SEP]"});
///     std::vector<std::string> words;
///     basic.split(U"Hello, Wörld!", words);   // "hello" "," "world" "!"
///
/// Immutable; thread-safe.

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mplug2::model::text {

class BertBasicTokenizer {
public:
    /// `neverSplit`: words kept as they are (the official never_split, i.e.
    /// the special tokens).
    explicit BertBasicTokenizer(std::set<std::string, std::less<>> neverSplit);

    /// Appends the words of `text` (UTF-8 each) to `words`.
    void split(std::u32string_view text, std::vector<std::string> &words) const;

    /// The official `_is_chinese_char` (CJK Unified Ideographs blocks).
    static bool isChineseChar(char32_t cp);
    /// The official `_is_punctuation` (ASCII symbols count too).
    static bool isPunctuation(char32_t cp);
    /// The official `_is_control` (categories C*, except tab, CR, LF).
    static bool isControl(char32_t cp);
    /// The official `_is_whitespace` (space, tab, CR, LF, category Zs).
    static bool isWhitespace(char32_t cp);

private:
    void splitWord(std::u32string_view word, std::vector<std::string> &words) const;

    std::set<std::string, std::less<>> m_neverSplit;
    std::set<std::size_t> m_neverSplitLengths; ///< in characters: a cheap pre-check
};

} // namespace mplug2::model::text
