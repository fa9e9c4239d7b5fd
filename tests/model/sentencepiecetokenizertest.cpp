// SentencePieceTokenizer through our plug-in: train a small model, load it in
// a process that also runs LibTorch (the combination that crashes when
// libsentencepiece is linked directly), and check ids against Debian's
// spm_encode for the same model.
#include "model/text/sentencepiecetokenizer.h"

#include "model/runtime/runtimeinfo.h"
#include "model/text/sentencepieceplugin.h"
#include "model/text/sentencepiecetrainer.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace mplug2::model::text;

namespace {

std::vector<std::string> corpus()
{
    const char *subjects[] = {"a man", "a woman", "two dogs", "the children", "a chef", "someone", "a cat"};
    const char *verbs[]
        = {"is cooking", "plays guitar", "runs", "is dancing", "slices tomatoes", "swims", "sings"};
    const char *places[]
        = {"in the kitchen", "on stage", "on the beach", "in the park", "at night", "outside"};
    std::vector<std::string> lines;
    for (const char *s : subjects)
        for (const char *v : verbs)
            for (const char *p : places)
                lines.push_back(std::string(s) + " " + v + " " + p + ".");
    return lines;
}

} // namespace

class SentencePieceTokenizerTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_model;
    std::unique_ptr<SentencePieceTokenizer> m_tok;

private Q_SLOTS:
    void initTestCase()
    {
#ifndef MPLUG2_HAS_SENTENCEPIECE
        QSKIP("this build has no SentencePiece plug-in (libsentencepiece-dev missing, or a sanitizer build: "
              "AddressSanitizer does not support RTLD_DEEPBIND)");
#endif
        // LibTorch first, then SentencePiece, in one process.
        QVERIFY(!mplug2::model::runtimeInfo().torchVersion.empty());
        QVERIFY(m_dir.isValid());
        m_model = (m_dir.path() + QStringLiteral("/demo")).toStdString();
        SentencePieceTraining training;
        training.settings = {{"model_prefix", m_model}, {"vocab_size", "48"}, {"model_type", "unigram"},
            {"character_coverage", "1.0"}, {"minloglevel", "2"}};
        training.sentences = corpus();
        const auto trained = trainSentencePiece(training);
        QVERIFY2(trained.hasValue(), trained ? "" : trained.error().message.c_str());
        m_model += ".model";
        auto tok = SentencePieceTokenizer::load(m_model);
        QVERIFY2(tok.hasValue(), tok ? "" : tok.error().message.c_str());
        m_tok = std::move(*tok);
    }

    void vocabularyHasTheTrainedSizeAndSpecials()
    {
        QCOMPARE(m_tok->vocabSize(), std::size_t(48));
        const SpecialTokenIds s = m_tok->specialTokenIds();
        QCOMPARE(m_tok->idToToken(s.unknown), std::string("<unk>"));
        QCOMPARE(m_tok->idToToken(s.start), std::string("<s>"));
        QCOMPARE(m_tok->idToToken(s.end), std::string("</s>"));
        QCOMPARE(m_tok->tokenToId("<s>"), s.start);
        QCOMPARE(m_tok->idToToken(100000), std::string());
    }

    void idsMatchSpmEncode()
    {
        const QString spm = QStandardPaths::findExecutable(QStringLiteral("spm_encode"));
        if (spm.isEmpty())
            QSKIP("spm_encode (Debian package sentencepiece) is not installed");
        const std::vector<std::string> texts = {"a man is cooking in the kitchen.", "two cats swim at night",
            "completely unseen words xyz", "naïve café 中文"};
        QProcess p;
        p.start(spm,
            {QStringLiteral("--model=") + QString::fromStdString(m_model),
                QStringLiteral("--output_format=id")});
        QVERIFY(p.waitForStarted());
        for (const std::string &t : texts)
            p.write((t + "\n").c_str());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QStringList lines
            = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(texts.size()));
        EncodeOptions plain;
        plain.addSpecialTokens = false;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            QStringList ours;
            for (const TokenId id : m_tok->encode(texts[i], plain))
                ours << QString::number(id);
            QCOMPARE(ours.join(QLatin1Char(' ')), lines[qsizetype(i)]);
        }
    }

    void encodeAddsTheStartTokenAndDecodeRoundTrips()
    {
        const std::vector<TokenId> ids = m_tok->encode("a chef sings on stage.");
        QCOMPARE(ids.front(), m_tok->specialTokenIds().start);
        DecodeOptions skip;
        skip.skipSpecialTokens = true;
        QCOMPARE(m_tok->decode(ids, skip), std::string("a chef sings on stage."));
        QCOMPARE(m_tok->decode(ids), std::string("a chef sings on stage."));
        EncodeOptions cut;
        cut.maxLength = 3;
        QCOMPARE(
            m_tok->encode("a chef sings on stage.", cut), std::vector<TokenId>(ids.begin(), ids.begin() + 3));
    }

    void oddInputIsHandled()
    {
        QCOMPARE(m_tok->encode(""), std::vector<TokenId> {m_tok->specialTokenIds().start});
        EncodeOptions plain;
        plain.addSpecialTokens = false;
        QCOMPARE(
            m_tok->encode("a\xff\xfe man", plain), m_tok->encode("a\xef\xbf\xbd\xef\xbf\xbd man", plain));
        std::string big;
        while (big.size() < (1u << 20))
            big += "a woman runs outside. ";
        QVERIFY(m_tok->encode(big).size() > big.size() / 22);
        QCOMPARE(m_tok->decode(std::vector<TokenId> {-1, 1 << 30}), std::string());
    }

    void badModelFilesAreRefused()
    {
        auto missing = SentencePieceTokenizer::load(m_dir.path().toStdString() + "/none.model");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, mplug2::ErrorCode::NotFound);
        const std::string garbage = m_dir.path().toStdString() + "/garbage.model";
        std::ofstream(garbage) << "this is not a protobuf";
        auto bad = SentencePieceTokenizer::load(garbage);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, mplug2::ErrorCode::Format);
    }

    void trainingErrorsAreReported()
    {
        SentencePieceTraining training;
        training.settings
            = {{"model_prefix", m_dir.path().toStdString() + "/bad"}, {"vocab_size", "not-a-number"}};
        training.sentences = corpus();
        const auto result = trainSentencePiece(training);
        QVERIFY(!result);
        QVERIFY(!result.error().message.empty());
    }
};

QTEST_GUILESS_MAIN(SentencePieceTokenizerTest)
#include "sentencepiecetokenizertest.moc"
