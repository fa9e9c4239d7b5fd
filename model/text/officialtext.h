#pragma once
/// The text handling around the tokenizer in the official mPLUG-2 scripts,
/// so that our prompts produce the very ids the official code feeds the model:
///   - questions go through `pre_question` and are encoded as [CLS] + tokens;
///   - answers and captions get the config's eos "[SEP]" appended as TEXT
///     before encoding (answer_list, caption training targets);
///   - generated captions are decoded and post-processed as the caption eval
///     does: drop [SEP]/[CLS]/[PAD], strip, keep what follows the prompt.
///
///     std::string q = preQuestion("What is the man doing?", kOfficialMaxQuestionWords);
///     auto ids = tokenizer.encode(q);          // question_input: [CLS] what is the man doing
///     auto answer = tokenizer.encode(withEndOfText("playing guitar"));  // ... 2858 102
///     std::string caption = postprocessCaption(tokenizer.decode(generated), kOfficialCaptionPrompt);
///
/// Thread-safe (pure functions).

#include <cstddef>
#include <string>
#include <string_view>

namespace mplug2::model::text {

/// config['eos'] of the official configs.
inline constexpr std::string_view kOfficialEndOfText = "[SEP]";
/// config['prompt'] of the official caption configs.
inline constexpr std::string_view kOfficialCaptionPrompt = "a video of";
/// pre_question's max_ques_words in the official video QA dataset at test
/// time (training uses 30): what inference should use.
inline constexpr std::size_t kOfficialMaxQuestionWords = 50;

/// dataset.utils.pre_question: lower-case, drop , . ' ! ? " ( ) * # : ; ~,
/// turn - and / into spaces, strip trailing spaces, keep `maxWords`
/// space-separated words.
std::string preQuestion(std::string_view question, std::size_t maxWords);

/// dataset.utils.pre_caption: as pre_question, plus "<person>" -> "person",
/// runs of whitespace collapsed to one space, spaces stripped on both ends.
std::string preCaption(std::string_view caption, std::size_t maxWords);

/// `text + config['eos']`: how the official code marks the end of an answer
/// or a caption before tokenizing it.
std::string withEndOfText(std::string_view text);

/// The caption eval's string handling of `tokenizer.decode(ids)`:
/// remove "[SEP]", "[CLS]", "[PAD]", strip, and when `prompt` is not empty
/// keep what follows its last occurrence (stripped).
std::string postprocessCaption(std::string_view decoded, std::string_view prompt);

/// The QA eval's handling of a generated answer (the same without a prompt).
inline std::string postprocessAnswer(std::string_view decoded)
{
    return postprocessCaption(decoded, {});
}

} // namespace mplug2::model::text
