// WordPieceTokenizer: the official BERT tokenizer's behaviour on the inputs
// the fixtures do not cover (bad and huge input, truncation, batches,
// threads), with the vocabulary bundled in resources/.
#include "model/text/wordpiecetokenizer.h"

#include "model/text/tokenizer.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <thread>

using namespace mplug2::model::text;

namespace {

const char *kVocab = MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt";

std::vector<TokenId> ids(std::initializer_list<TokenId> list)
{
    return list;
}

} // namespace

class WordPieceTokenizerTest : public QObject {
    Q_OBJECT

    std::unique_ptr<WordPieceTokenizer> m_tok;

    std::vector<TokenId> encode(std::string_view text, std::size_t maxLength = 0) const
    {
        EncodeOptions o;
        o.maxLength = maxLength;
        return m_tok->encode(text, o);
    }

    void writeFile(const QString &path, const std::string &contents)
    {
        std::ofstream out(path.toStdString(), std::ios::binary);
        out << contents;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto tok = WordPieceTokenizer::load(kVocab);
        QVERIFY2(tok.hasValue(), tok ? "" : tok.error().message.c_str());
        m_tok = std::move(*tok);
        QCOMPARE(m_tok->vocabSize(), std::size_t(30522));
        const SpecialTokenIds s = m_tok->specialTokenIds();
        QCOMPARE(s.start, m_tok->tokenToId("[CLS]"));
        QCOMPARE(s.end, m_tok->tokenToId("[SEP]"));
        QCOMPARE(s.padding, m_tok->tokenToId("[PAD]"));
        QCOMPARE(s.unknown, m_tok->tokenToId("[UNK]"));
    }

    void aTextIsStartTokenPlusPiecesWithoutSep()
    {
        const std::vector<TokenId> got = encode("i like strawberries");
        QCOMPARE(got.front(), m_tok->specialTokenIds().start);
        QVERIFY(std::find(got.begin(), got.end(), m_tok->specialTokenIds().end) == got.end());
        QCOMPARE(m_tok->tokenize("i like strawberries"),
            (std::vector<std::string> {"i", "like", "straw", "##berries"}));
    }

    void emptyAndBlankInputGiveOnlyTheStartToken()
    {
        const std::vector<TokenId> start = ids({m_tok->specialTokenIds().start});
        QCOMPARE(encode(""), start);
        QCOMPARE(encode(" \t\r\n\u3000\u2028 "), start);
        QCOMPARE(encode(std::string("\x00\x01\x07\x1b\x7f", 5)), start);
        QCOMPARE(encode("\u200b\ufeff\u200d"), start); // format characters are dropped too
        QVERIFY(m_tok->tokenize("").empty());
    }

    void invalidUtf8IsDroppedNotFatal()
    {
        // Bad bytes read as U+FFFD, which the official _clean_text removes.
        QCOMPARE(encode("caf\xff\xfe\xc3\xa9 ok"), encode("caf\xc3\xa9 ok"));
        QCOMPARE(encode("\xed\xa0\x80\xc0\xaf"), ids({m_tok->specialTokenIds().start}));
        QCOMPARE(encode("\xf0\x9f\x98"), ids({m_tok->specialTokenIds().start}));
    }

    void aMegabyteOfInputIsTokenizedCompletely()
    {
        std::string words;
        while (words.size() < (1u << 20))
            words += "video ";
        const std::vector<TokenId> got = encode(words);
        QCOMPARE(got.size(), 1 + words.size() / 6);
        QVERIFY(std::all_of(
            got.begin() + 1, got.end(), [&](TokenId id) { return id == m_tok->tokenToId("video"); }));

        // One 1 MB "word" is longer than 100 characters: one [UNK].
        const std::string blob(1u << 20, 'x');
        QCOMPARE(encode(blob), ids({m_tok->specialTokenIds().start, m_tok->specialTokenIds().unknown}));

        // A megabyte of CJK: every ideograph is its own word.
        std::string cjk;
        while (cjk.size() < (1u << 20))
            cjk += "\xe4\xb8\xad"; // 中
        QCOMPARE(encode(cjk).size(), 1 + cjk.size() / 3);
    }

    void wordsLongerThanAHundredCharactersAreUnknown()
    {
        const std::vector<TokenId> hundred = encode(std::string(100, 'a'));
        QVERIFY(hundred.size() > 2);
        QVERIFY(std::find(hundred.begin(), hundred.end(), m_tok->specialTokenIds().unknown) == hundred.end());
        QCOMPARE(encode(std::string(101, 'a')),
            ids({m_tok->specialTokenIds().start, m_tok->specialTokenIds().unknown}));
        // The limit counts characters, not bytes: 100 two-byte letters are fine.
        std::string accented;
        for (int i = 0; i < 100; ++i)
            accented += "\xc3\xa0"; // à -> a
        QCOMPARE(encode(accented), hundred);
    }

    void truncationKeepsTheFirstIdsIncludingTheStartToken()
    {
        const std::vector<TokenId> full
            = encode("a video of people people people people people people people");
        QVERIFY(full.size() > 5);
        QCOMPARE(encode("a video of people people people people people people people", 5),
            std::vector<TokenId>(full.begin(), full.begin() + 5));
        QCOMPARE(encode("a video of people", 50), encode("a video of people"));
        QCOMPARE(encode("a video", 1), ids({m_tok->specialTokenIds().start}));
    }

    void specialTokensInTheTextStayWhole()
    {
        const TokenId sep = m_tok->specialTokenIds().end;
        const std::vector<TokenId> yes = encode("yes");
        std::vector<TokenId> yesSep = yes;
        yesSep.push_back(sep);
        QCOMPARE(encode("yes[SEP]"), yesSep);
        QCOMPARE(encode("yes [SEP]"), yesSep);
        // Written in lower case it is ordinary text: "[", "sep", "]".
        QCOMPARE(m_tok->tokenize("[sep]"), (std::vector<std::string> {"[", "sep", "]"}));
        QCOMPARE(m_tok->tokenize("[CLS]x[MASK]"), (std::vector<std::string> {"[CLS]", "x", "[MASK]"}));
    }

    void decodeJoinsPiecesAndCleansSpaces()
    {
        const std::vector<TokenId> got = encode("what's up? i like strawberries.");
        QCOMPARE(m_tok->decode(got), std::string("[CLS] what's up? i like strawberries."));
        DecodeOptions skip;
        skip.skipSpecialTokens = true;
        QCOMPARE(m_tok->decode(got, skip), std::string("what's up? i like strawberries."));
        DecodeOptions raw;
        raw.cleanUpTokenizationSpaces = false;
        QCOMPARE(m_tok->decode(got, raw), std::string("[CLS] what ' s up ? i like strawberries ."));
        // Ids outside the vocabulary read as [UNK], as the official decode does.
        QCOMPARE(m_tok->decode(ids({-1, 30522, 1045})), std::string("[UNK] [UNK] i"));
        QCOMPARE(m_tok->decode(std::vector<TokenId> {}), std::string());
    }

    void batchesArePaddedToTheLongest()
    {
        const BatchEncoding b = encodeBatch(*m_tok, {"short", "a much longer sentence here", ""});
        QCOMPARE(b.rows, std::size_t(3));
        QCOMPARE(b.columns, encode("a much longer sentence here").size());
        const TokenId pad = m_tok->specialTokenIds().padding;
        for (std::size_t r = 0; r < b.rows; ++r) {
            const std::vector<TokenId> own = encode(r == 0 ? "short"
                    : r == 1                               ? "a much longer sentence here"
                                                           : "");
            const auto row = b.idsRow(r);
            const auto mask = b.maskRow(r);
            for (std::size_t c = 0; c < b.columns; ++c) {
                QCOMPARE(row[c], c < own.size() ? own[c] : pad);
                QCOMPARE(mask[c], TokenId(c < own.size() ? 1 : 0));
            }
        }
        const BatchEncoding none = encodeBatch(*m_tok, {});
        QCOMPARE(none.rows, std::size_t(0));
        QVERIFY(none.inputIds.empty());
    }

    void concurrentUseGivesTheSameIds()
    {
        const std::string text = "The Quick Brown Fox naïve café 中文 [SEP] don't";
        const std::vector<TokenId> expected = encode(text);
        std::vector<std::vector<TokenId>> results(4);
        std::vector<std::thread> threads;
        for (auto &r : results)
            threads.emplace_back([&] {
                for (int i = 0; i < 200; ++i)
                    r = m_tok->encode(text);
            });
        for (auto &t : threads)
            t.join();
        for (const auto &r : results)
            QCOMPARE(r, expected);
    }

    void badVocabulariesAreRefusedWithReasons()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto missing = WordPieceTokenizer::load((dir.path() + QStringLiteral("/none.txt")).toStdString());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, mplug2::ErrorCode::NotFound);

        const QString binary = dir.path() + QStringLiteral("/binary.txt");
        writeFile(binary, std::string("[UNK]\n\xff\xfe\n", 9));
        auto notText = WordPieceTokenizer::load(binary.toStdString());
        QVERIFY(!notText);
        QCOMPARE(notText.error().code, mplug2::ErrorCode::Format);

        const QString noUnk = dir.path() + QStringLiteral("/nounk.txt");
        writeFile(noUnk, "[PAD]\nhello\n");
        auto withoutUnk = WordPieceTokenizer::load(noUnk.toStdString());
        QVERIFY(!withoutUnk);
        QVERIFY2(withoutUnk.error().message.find("[UNK]") != std::string::npos,
            withoutUnk.error().message.c_str());
    }

    void aSmallVocabularyWithWindowsLineEndsWorks()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/crlf.txt");
        writeFile(path, "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nun\r\n##aff\r\n##able\r\n");
        auto tok = WordPieceTokenizer::load(path.toStdString());
        QVERIFY2(tok.hasValue(), tok ? "" : tok.error().message.c_str());
        QCOMPARE((*tok)->encode("unaffable UNAFFABLE xyz"), ids({2, 4, 5, 6, 4, 5, 6, 1}));
        QCOMPARE((*tok)->specialTokenIds().mask, TokenId(1)); // no [MASK]: the unknown id
    }
};

QTEST_GUILESS_MAIN(WordPieceTokenizerTest)
#include "wordpiecetokenizertest.moc"
