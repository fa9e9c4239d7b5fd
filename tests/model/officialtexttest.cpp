// The official scripts' text handling around the tokenizer: pre_question,
// pre_caption, the eos appended to answers, and the caption eval clean-up.
#include "model/text/officialtext.h"

#include <QTest>

using namespace mplug2::model::text;

class OfficialTextTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void preQuestionDropsPunctuationAndKeepsLeadingSpaces()
    {
        QCOMPARE(preQuestion("What's on the LEFT-hand side/top?", 30),
            std::string("whats on the left hand side top"));
        QCOMPARE(preQuestion("  a  b  ", 30), std::string("  a  b"));
        QCOMPARE(preQuestion("one two three four", 2), std::string("one two"));
        // Splitting is on single spaces: the empty fields count as words.
        QCOMPARE(preQuestion("  one two", 3), std::string("  one"));
        QCOMPARE(preQuestion("", 30), std::string());
        QCOMPARE(preQuestion("ΟΔΟΣ?", 30), std::string("οδος"));
    }

    void preCaptionCollapsesWhitespace()
    {
        // Only runs of two or more whitespace characters become one space.
        QCOMPARE(preCaption("  A <person>  walks;\tthe\u3000dog.  \n", 30),
            std::string("a person walks\tthe\u3000dog"));
        QCOMPARE(preCaption("one two three four", 3), std::string("one two three"));
        QCOMPARE(preCaption("(((", 30), std::string());
    }

    void answersGetTheEndMarkerAsText()
    {
        QCOMPARE(withEndOfText("playing guitar"), std::string("playing guitar[SEP]"));
        QCOMPARE(withEndOfText(""), std::string("[SEP]"));
    }

    void captionPostprocessingKeepsWhatFollowsThePrompt()
    {
        QCOMPARE(postprocessCaption("[CLS] a video of a man cooking. [SEP] [PAD]", kOfficialCaptionPrompt),
            std::string("a man cooking."));
        // The last occurrence of the prompt wins, as str.split(prompt)[-1].
        QCOMPARE(postprocessCaption("[CLS] a video of a video of dogs [SEP]", kOfficialCaptionPrompt),
            std::string("dogs"));
        QCOMPARE(postprocessCaption("[CLS] no prompt here [SEP]", kOfficialCaptionPrompt),
            std::string("no prompt here"));
        QCOMPARE(postprocessAnswer("[CLS] yes [SEP] [PAD] [PAD]"), std::string("yes"));
        QCOMPARE(postprocessAnswer("[MASK] [UNK]"), std::string("[MASK] [UNK]"));
    }
};

QTEST_GUILESS_MAIN(OfficialTextTest)
#include "officialtexttest.moc"
