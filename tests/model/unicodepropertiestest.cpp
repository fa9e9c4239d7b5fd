// The Unicode facts behind the tokenizers, checked against what Python 3.11
// (the official fixtures' interpreter) answers for the same characters.
#include "model/text/unicodeproperties.h"

#include <QTest>

using namespace mplug2::model::text;

class UnicodePropertiesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void categoriesComeFromUtf8proc()
    {
        QCOMPARE(generalCategory(U'A'), GeneralCategory::Lu);
        QCOMPARE(generalCategory(0x00E9), GeneralCategory::Ll);
        QCOMPARE(generalCategory(0x0301), GeneralCategory::Mn);
        QCOMPARE(generalCategory(0x4E2D), GeneralCategory::Lo);
        QCOMPARE(generalCategory(0x200B), GeneralCategory::Cf);
        QCOMPARE(generalCategory(0x3000), GeneralCategory::Zs);
        QCOMPARE(generalCategory(0xE000), GeneralCategory::Co);
    }

    void charactersNewerThanUnicode14AreUnassigned()
    {
        // CJK Extension H and Kawi came with Unicode 15.0; Python 3.11 says Cn.
        QCOMPARE(generalCategory(0x31350), GeneralCategory::Cn);
        QCOMPARE(generalCategory(0x11F00), GeneralCategory::Cn);
        QCOMPARE(generalCategory(0x3134A), GeneralCategory::Lo); // Extension G, Unicode 13.0
    }

    void pythonLowerUsesFullMappingAndFinalSigma()
    {
        QVERIFY(pythonLower(U"\u0130") == std::u32string(U"i\u0307"));
        QVERIFY(pythonLower(U"\u039F\u0394\u039F\u03A3") == std::u32string(U"\u03BF\u03B4\u03BF\u03C2"));
        QVERIFY(pythonLower(U"\u03A3") == std::u32string(U"\u03C3")); // alone: not final
        QVERIFY(pythonLower(U"\u039F\u03A3\u039F") == std::u32string(U"\u03BF\u03C3\u03BF")); // inside a word
        std::u32string one;
        appendLowercase(one, 0x03A3); // per character there is no context
        QVERIFY(one == std::u32string(U"\u03C3"));
    }

    void decompositionIsCanonicallyOrdered()
    {
        // a + acute (230) + grave below (220) -> marks sorted by class.
        QVERIFY(canonicalDecomposition(U"a\u0301\u0316") == std::u32string(U"a\u0316\u0301"));
        QVERIFY(canonicalDecomposition(U"\u00e9") == std::u32string(U"e\u0301"));
        QVERIFY(canonicalDecomposition(U"\uD55C") == std::u32string(U"\u1112\u1161\u11AB")); // Hangul
        QVERIFY(canonicalDecomposition(U"\uFB01") == std::u32string(U"\uFB01")); // compat only
        QVERIFY(canonicalComposition(U"e\u0301") == std::u32string(U"\u00e9"));
    }

    void twoKindsOfWhitespace()
    {
        // str.isspace() counts the information separators, regex's \s does not.
        QVERIFY(isPythonSpace(0x1C) && !isUnicodeWhiteSpace(0x1C));
        QVERIFY(isPythonSpace(0x3000) && isUnicodeWhiteSpace(0x3000));
        QVERIFY(isPythonSpace(0x2028) && isUnicodeWhiteSpace(0x2028));
        QVERIFY(!isPythonSpace(0x200B) && !isUnicodeWhiteSpace(0x200B));
        QVERIFY(!isPythonSpace(U'x'));
    }
};

QTEST_GUILESS_MAIN(UnicodePropertiesTest)
#include "unicodepropertiestest.moc"
