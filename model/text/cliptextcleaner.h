#pragma once
/// The text clean-up in front of CLIP's BPE (simple_tokenizer.py):
/// `whitespace_clean(basic_clean(text)).lower()`, where basic_clean is
/// `ftfy.fix_text` followed by `html.unescape` twice.
///
/// ftfy is a large heuristic library; we do its deterministic steps that
/// matter for captions and queries: terminal escape removal, Latin ligatures
/// (ﬁ -> fi), half/full-width forms (ＡＢＣ -> ABC), curly quotes (’ -> '),
/// control character removal and NFC. Its mojibake repair (fix_encoding) is
/// not reproduced: text that ftfy would re-decode is tokenized as written.
/// `html.unescape` handles every numeric reference exactly as Python does and
/// the named references &amp; &lt; &gt; &quot; (also in capitals), &apos; and
/// &nbsp; (not the other
/// ~2,200 HTML5 names).
///
///     cleanClipText(U"  Don’t &amp;  STOP\n");   // U"don't & stop"
///
/// Thread-safe (pure functions).

#include <string>
#include <string_view>

namespace mplug2::model::text {

std::u32string cleanClipText(std::u32string_view text);

/// Python's `html.unescape` restricted as described above.
std::u32string unescapeHtml(std::u32string_view text);

} // namespace mplug2::model::text
