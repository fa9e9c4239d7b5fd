// ClipBpeTokenizer: BPE merge semantics on a small merges file we write
// ourselves, and the behaviour on bad, empty and huge input with the real
// bpe_simple_vocab_16e6.txt.gz from the shared data folder.
#include "model/text/clipbpetokenizer.h"

#include "model/text/cliptextcleaner.h"
#include "model/text/gzipfile.h"
#include "model/text/utf8.h"
#include "tests/support/qtestshared.h"

#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace mplug2::model::text;

namespace {

// bytes_to_unicode() lists '!'..'~' first, so an ASCII letter's id is
// its code - 33, and with "</w>" 256 more.
TokenId letterId(char c)
{
    return c - '!';
}
TokenId letterEndId(char c)
{
    return 256 + letterId(c);
}

const char *kMerges = "#version: 0.2\nh e\nl l\nll o</w>\nhe llo</w>\na a\n";

} // namespace

class ClipBpeTokenizerTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ClipBpeTokenizer> m_small;
    std::unique_ptr<ClipBpeTokenizer> m_real;

    std::vector<TokenId> encode(const Tokenizer &tok, std::string_view text, std::size_t maxLength = 0) const
    {
        EncodeOptions o;
        o.maxLength = maxLength;
        return tok.encode(text, o);
    }

    void requireReal()
    {
        if (!m_real) {
            QString shared;
            MPLUG2_REQUIRE_SHARED(shared);
            QFAIL("bpe_simple_vocab_16e6.txt.gz did not load");
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto small = ClipBpeTokenizer::fromMerges(kMerges, "test merges");
        QVERIFY2(small.hasValue(), small ? "" : small.error().message.c_str());
        m_small = std::move(*small);
        const std::string shared = mplug2::test::sharedDir();
        if (!shared.empty()) {
            auto real = ClipBpeTokenizer::load(shared + "/data/bpe_simple_vocab_16e6.txt.gz");
            QVERIFY2(real.hasValue(), real ? "" : real.error().message.c_str());
            m_real = std::move(*real);
        }
    }

    void mergesApplyInRankOrder()
    {
        // 512 byte symbols, one id per merge line (the empty line after the
        // last newline counts, as in the official split('\n')), the specials.
        QCOMPARE(m_small->vocabSize(), std::size_t(512 + 6 + 2));
        const SpecialTokenIds s = m_small->specialTokenIds();
        QCOMPARE(s.start, TokenId(518));
        QCOMPARE(s.end, TokenId(519));
        QCOMPARE(m_small->tokenToId("hello</w>"), TokenId(515));
        QCOMPARE(encode(*m_small, "hello"), (std::vector<TokenId> {s.start, 515, s.end}));
        QCOMPARE(encode(*m_small, "HELLO hell"),
            (std::vector<TokenId> {s.start, 515, 512, letterId('l'), letterEndId('l'), s.end}));
    }

    void aPairMergesLeftToRightWithoutOverlap()
    {
        // "aaa": (a, a) merges once at the left; the last a keeps its </w>.
        const SpecialTokenIds s = m_small->specialTokenIds();
        QCOMPARE(encode(*m_small, "aaa"), (std::vector<TokenId> {s.start, 516, letterEndId('a'), s.end}));
        QCOMPARE(encode(*m_small, "aaaa"),
            (std::vector<TokenId> {s.start, 516, letterId('a'), letterEndId('a'), s.end}));
    }

    void preSplitFollowsClipsPattern()
    {
        const std::vector<std::u32string> got
            = clipPreSplit(U"it's 123 <|endoftext|>x!! \u00e9t\u00e9 '' ok");
        const std::vector<std::u32string> expected
            = {U"it", U"'s", U"1", U"2", U"3", U"<|endoftext|>", U"x", U"!!", U"\u00e9t\u00e9", U"''", U"ok"};
        QVERIFY(got == expected);
    }

    void cleaningStandsInForFtfyAndHtml()
    {
        QVERIFY(cleanClipText(U"  Don\u2019t &amp;amp;  STOP\n") == std::u32string(U"don't & stop"));
        QVERIFY(cleanClipText(U"\uFB01ne \uFF21\uFF22\uFF23 &#65;&#x42;") == std::u32string(U"fine abc ab"));
        QVERIFY(cleanClipText(U"\x1b[31mred\x1b[0m\u0000") == std::u32string(U"red"));
        QVERIFY(unescapeHtml(U"&#128;&#0;&#x110000;&bogus;") == std::u32string(U"\u20ac\ufffd\ufffd&bogus;"));
    }

    void badMergeFilesAreRefused()
    {
        QVERIFY(!ClipBpeTokenizer::fromMerges("", "empty"));
        QVERIFY(!ClipBpeTokenizer::fromMerges("#version\n\xff\xfe\n", "binary"));
        QTemporaryDir dir;
        const std::string missing = (dir.path() + QStringLiteral("/none.gz")).toStdString();
        auto none = ClipBpeTokenizer::load(missing);
        QVERIFY(!none);
        QCOMPARE(none.error().code, mplug2::ErrorCode::NotFound);
    }

    void gzipReadingIsBoundedAndNoticesTruncation()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/m.gz")).toStdString();
        gzFile out = gzopen(path.c_str(), "wb");
        QVERIFY(out);
        const std::string body = std::string(kMerges) + std::string(100000, '\n');
        QCOMPARE(gzwrite(out, body.data(), unsigned(body.size())), int(body.size()));
        gzclose(out);
        auto whole = readGzipFile(path, 1u << 20);
        QVERIFY2(whole.hasValue(), whole ? "" : whole.error().message.c_str());
        QCOMPARE(*whole, body);
        auto limited = readGzipFile(path, 1000);
        QVERIFY(!limited);
        QCOMPARE(limited.error().code, mplug2::ErrorCode::LimitExceeded);

        const auto size = std::filesystem::file_size(path);
        std::filesystem::resize_file(path, size / 2);
        auto cut = readGzipFile(path, 1u << 20);
        QVERIFY(!cut);
        QCOMPARE(cut.error().code, mplug2::ErrorCode::Format);
        QVERIFY(ClipBpeTokenizer::load(path).hasValue() == false);
    }

    void emptyTextIsStartAndEnd()
    {
        requireReal();
        const SpecialTokenIds s = m_real->specialTokenIds();
        QCOMPARE(encode(*m_real, ""), (std::vector<TokenId> {s.start, s.end}));
        QCOMPARE(encode(*m_real, " \t\n\u3000 "), (std::vector<TokenId> {s.start, s.end}));
    }

    void invalidUtf8IsReadAsReplacementCharacters()
    {
        requireReal();
        QCOMPARE(encode(*m_real, "a\xff photo"), encode(*m_real, "a\xef\xbf\xbd photo"));
    }

    void contextTruncationKeepsTheEndToken()
    {
        requireReal();
        std::string text;
        while (text.size() < (1u << 20))
            text += "a photo of a cat ";
        const std::vector<TokenId> full = encode(*m_real, text);
        QCOMPARE(full.size(), std::size_t(2 + 5 * (text.size() / 17)));
        const std::vector<TokenId> cut = encode(*m_real, text, ClipBpeTokenizer::kContextLength);
        QCOMPARE(cut.size(), ClipBpeTokenizer::kContextLength);
        QCOMPARE(cut.back(), m_real->specialTokenIds().end);
        QCOMPARE(std::vector<TokenId>(cut.begin(), cut.end() - 1),
            std::vector<TokenId>(full.begin(), full.begin() + 76));
        EncodeOptions o;
        o.maxLength = ClipBpeTokenizer::kContextLength;
        const BatchEncoding b = encodeBatch(*m_real, {"a red car", text}, o, Padding::MaxLength);
        QCOMPARE(b.columns, ClipBpeTokenizer::kContextLength);
        QCOMPARE(b.idsRow(0)[5], TokenId(0)); // zero padding after <|endoftext|>
        QCOMPARE(b.maskRow(0)[4], TokenId(1));
    }

    void decodeGivesBackCleanedText()
    {
        requireReal();
        DecodeOptions skip;
        skip.skipSpecialTokens = true;
        for (const char *text : {"A Photo of a CAT!", "it's 2023, ok?", "naïve café 中文", "😀 emoji"}) {
            const std::string expected = [&] {
                std::string s;
                for (const std::u32string &piece : clipPreSplit(cleanClipText(decodeUtf8(text))))
                    s += encodeUtf8(piece) + " ";
                return s;
            }();
            QCOMPARE(m_real->decode(encode(*m_real, text), skip), expected);
        }
        QCOMPARE(m_real->decode(std::vector<TokenId> {-5, 1 << 30}), std::string());
    }
};

QTEST_GUILESS_MAIN(ClipBpeTokenizerTest)
#include "clipbpetokenizertest.moc"
