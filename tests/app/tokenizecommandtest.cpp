// `mplug2 tokenize` and `mplug2 detokenize`, run as a user runs them; the ids
// must be the library's, for every tokenizer kind this build has.
#include "model/text/tokenizer.h"
#include "tests/support/qtestshared.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mplug2::model::text;

class TokenizeCommandTest : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    static Run run(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(MPLUG2_CLI_PATH), args);
        p.write(input);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static QJsonObject parseLine(const QByteArray &line)
    {
        QJsonParseError error {};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
    }

    static std::vector<TokenId> ids(const QJsonObject &obj)
    {
        std::vector<TokenId> out;
        for (const QJsonValue &v : obj.value(QStringLiteral("ids")).toArray())
            out.push_back(v.toInteger());
        return out;
    }

    std::unique_ptr<Tokenizer> m_wordPiece;

private Q_SLOTS:
    void initTestCase()
    {
        auto tok = loadTokenizer(
            TokenizerKind::WordPiece, MPLUG2_SOURCE_DIR "/resources/vocab/bert-base-uncased-vocab.txt");
        QVERIFY2(tok.hasValue(), tok ? "" : tok.error().message.c_str());
        m_wordPiece = std::move(*tok);
    }

    void tokenizePrintsOneJsonObjectPerText()
    {
        const QStringList texts = {QStringLiteral("What is the man doing?"),
            QStringLiteral("playing guitar[SEP]"), QStringLiteral("naïve café 中文"), QString()};
        const Run r = run(
            QStringList {QStringLiteral("tokenize"), QStringLiteral("--json"), QStringLiteral("--")} + texts);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), texts.size());
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const QJsonObject obj = parseLine(lines[i]);
            QCOMPARE(obj.value(QStringLiteral("text")).toString(), texts[i]);
            const std::vector<TokenId> expected = m_wordPiece->encode(texts[i].toStdString());
            QCOMPARE(ids(obj), expected);
            const QJsonArray tokens = obj.value(QStringLiteral("tokens")).toArray();
            QCOMPARE(std::size_t(tokens.size()), expected.size());
            QCOMPARE(tokens.first().toString(), QStringLiteral("[CLS]"));
        }
    }

    void tokenizeReadsStandardInputLines()
    {
        const Run r = run({QStringLiteral("tokenize"), QStringLiteral("--json"),
                              QStringLiteral("--max-length"), QStringLiteral("3")},
            "a video of a man\nsecond line here\n");
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), qsizetype(2));
        EncodeOptions cut;
        cut.maxLength = 3;
        QCOMPARE(ids(parseLine(lines[0])), m_wordPiece->encode("a video of a man", cut));
        QCOMPARE(ids(parseLine(lines[1])).size(), std::size_t(3));
    }

    void detokenizeDecodesLikeTheOfficialCode()
    {
        const std::vector<TokenId> encoded = m_wordPiece->encode("what's up? i'm fine.");
        QStringList args = {QStringLiteral("detokenize")};
        for (const TokenId id : encoded)
            args << QString::number(id);
        const Run plain = run(args);
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(
            QString::fromUtf8(plain.out.trimmed()), QString::fromStdString(m_wordPiece->decode(encoded)));

        QStringList commaSeparated
            = {QStringLiteral("detokenize"), QStringLiteral("--skip-special"), QStringLiteral("--json")};
        QStringList idText;
        for (const TokenId id : encoded)
            idText << QString::number(id);
        commaSeparated << idText.join(QLatin1Char(','));
        const Run json = run(commaSeparated);
        QCOMPARE(json.exitCode, 0);
        DecodeOptions skip;
        skip.skipSpecialTokens = true;
        QCOMPARE(parseLine(json.out.trimmed()).value(QStringLiteral("text")).toString(),
            QString::fromStdString(m_wordPiece->decode(encoded, skip)));
    }

    void clipKindUsesTheGivenMerges()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        if (!tokenizerAvailability(TokenizerKind::ClipBpe).available)
            QSKIP(tokenizerAvailability(TokenizerKind::ClipBpe).reason.c_str());
        const QString bpe = shared + QStringLiteral("/data/bpe_simple_vocab_16e6.txt.gz");
        const Run r = run({QStringLiteral("tokenize"), QStringLiteral("--kind"), QStringLiteral("clip"),
            QStringLiteral("--vocab"), bpe, QStringLiteral("--json"), QStringLiteral("a red car")});
        QCOMPARE(r.exitCode, 0);
        auto clip = loadTokenizer(TokenizerKind::ClipBpe, bpe.toStdString());
        QVERIFY(clip.hasValue());
        QCOMPARE(ids(parseLine(r.out.trimmed())), (*clip)->encode("a red car"));
    }

    void mistakesGiveClearErrors()
    {
        const Run noVocab = run({QStringLiteral("tokenize"), QStringLiteral("--kind"), QStringLiteral("clip"),
            QStringLiteral("x")});
        QCOMPARE(noVocab.exitCode, 2);
        QVERIFY2(noVocab.err.contains(QStringLiteral("--vocab")), qPrintable(noVocab.err));
        QVERIFY(noVocab.out.isEmpty());

        const Run badKind = run({QStringLiteral("tokenize"), QStringLiteral("--kind"),
            QStringLiteral("morse"), QStringLiteral("x")});
        QCOMPARE(badKind.exitCode, 2);
        QVERIFY2(badKind.err.contains(QStringLiteral("morse")), qPrintable(badKind.err));

        const Run missing = run({QStringLiteral("tokenize"), QStringLiteral("--vocab"),
            QStringLiteral("/nonexistent/vocab.txt"), QStringLiteral("x")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("/nonexistent/vocab.txt")), qPrintable(missing.err));

        const Run badId = run({QStringLiteral("detokenize"), QStringLiteral("101"), QStringLiteral("abc")});
        QCOMPARE(badId.exitCode, 2);
        QVERIFY2(badId.err.contains(QStringLiteral("abc")), qPrintable(badId.err));
    }

    void invalidUtf8OnStandardInputIsNoCrash()
    {
        const Run r = run(
            {QStringLiteral("tokenize"), QStringLiteral("--json")}, QByteArray("caf\xff\xfe\xc3\xa9\n"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(ids(parseLine(r.out.trimmed())), m_wordPiece->encode("caf\xc3\xa9"));
    }
};

QTEST_GUILESS_MAIN(TokenizeCommandTest)
#include "tokenizecommandtest.moc"
