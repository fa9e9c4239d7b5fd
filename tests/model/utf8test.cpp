// UTF-8 decoding with Python's replacement rule (one U+FFFD per maximal
// ill-formed subsequence), the base of every tokenizer's handling of bad input.
#include "model/text/utf8.h"

#include <QTest>

using namespace mplug2::model::text;

class Utf8Test : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesWellFormedText()
    {
        std::size_t bad = 99;
        const std::u32string cps = decodeUtf8("a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80", &bad);
        QCOMPARE(bad, std::size_t(0));
        QVERIFY(cps == std::u32string(U"a\u00e9\u4e2d\U0001F600"));
        QCOMPARE(encodeUtf8(cps), std::string("a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"));
        QVERIFY(isValidUtf8("a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"));
    }

    void replacesIllFormedSequencesLikePython_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // what bytes.decode('utf-8', 'replace') gives
        const QString r(QChar(0xFFFD));
        QTest::newRow("overlong E0") << QByteArray("\xe0\x80") << r + r;
        QTest::newRow("truncated 4-byte") << QByteArray("\xf0\x9f\x98") << r;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << r + r + r;
        QTest::newRow("overlong C0") << QByteArray("\xc0\xaf") << r + r;
        QTest::newRow("stray byte") << QByteArray("a\xff"
                                                  "b")
                                    << QStringLiteral("a") + r + QStringLiteral("b");
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << r + r + r + r;
        QTest::newRow("cut at end") << QByteArray("\xe2\x82") << r;
    }

    void replacesIllFormedSequencesLikePython()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        std::size_t bad = 0;
        const std::u32string cps
            = decodeUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size())), &bad);
        QCOMPARE(QString::fromStdString(encodeUtf8(cps)), expected);
        QCOMPARE(bad, std::size_t(expected.count(QChar(0xFFFD))));
        QVERIFY(!isValidUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size()))));
    }

    void encodesOutOfRangeValuesAsReplacement()
    {
        std::string out;
        appendUtf8(out, 0xD800);
        appendUtf8(out, 0x110000);
        QCOMPARE(out, std::string("\xef\xbf\xbd\xef\xbf\xbd"));
    }
};

QTEST_GUILESS_MAIN(Utf8Test)
#include "utf8test.moc"
