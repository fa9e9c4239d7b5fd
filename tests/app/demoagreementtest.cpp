// bf16 against fp32 on a trained model: the bundled demo model on its 300
// held-out files, read once through the app's media pipeline and scored in
// both number formats. bf16 must say the same thing: the same top caption for
// at least 99% of the files, the same answer for at least 99% of the
// questions, and no lower text-to-video recall@1. Runs whether or not the
// CPU has native bf16 (emulated, it is only slower).
#include "app/demo/demoevaluation.h"
#include "app/demo/demomedia.h"
#include "model/synthetic/scenesampler.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class DemoAgreementTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bf16SaysWhatFp32Says()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const DemoEvaluationOptions defaults;
        const Expected<std::vector<DemoMediaFile>> files
            = writeDemoMedia(model::synthetic::evaluationScenes(defaults.seed, 300), dir.path());
        QVERIFY2(files, files ? "" : files.error().message.c_str());
        const auto evaluate = [&](model::Precision precision) {
            DemoEvaluationOptions o;
            o.bundle
                = QDir(QStringLiteral(MPLUG2_SOURCE_DIR)).filePath(QStringLiteral("resources/models/demo"));
            o.files = *files;
            o.keepOutputs = true;
            o.precision = precision;
            return evaluateDemoModel(o);
        };
        const Expected<DemoEvaluationReport> fp32 = evaluate(model::Precision::Fp32);
        QVERIFY2(fp32, fp32 ? "" : fp32.error().message.c_str());
        const Expected<DemoEvaluationReport> bf16 = evaluate(model::Precision::Bf16);
        QVERIFY2(bf16, bf16 ? "" : bf16.error().message.c_str());
        QCOMPARE(bf16->outputs.size(), fp32->outputs.size());
        QCOMPARE(fp32->outputs.size(), size_t(300));

        int sameCaptions = 0, questions = 0, sameAnswers = 0;
        QStringList differences;
        for (size_t i = 0; i < fp32->outputs.size(); ++i) {
            const auto &a = fp32->outputs[i];
            const auto &b = bf16->outputs[i];
            if (a.caption == b.caption)
                ++sameCaptions;
            else
                differences << QString::fromStdString(a.caption + " | " + b.caption);
            QCOMPARE(b.answers.size(), a.answers.size());
            for (size_t q = 0; q < a.answers.size(); ++q) {
                ++questions;
                if (a.answers[q] == b.answers[q])
                    ++sameAnswers;
                else
                    differences << QString::fromStdString(a.answers[q] + " | " + b.answers[q]);
            }
        }
        qInfo("bf16 vs fp32: captions %d/%zu the same, answers %d/%d, recall@1 %.1f%% vs %.1f%%, %.0f s vs "
              "%.0f s",
            sameCaptions, fp32->outputs.size(), sameAnswers, questions, bf16->metrics.retrieval.percent(),
            fp32->metrics.retrieval.percent(), bf16->seconds, fp32->seconds);
        const QByteArray listed = differences.join(QLatin1Char('\n')).toUtf8();
        QVERIFY(questions >= 300);
        QVERIFY2(sameCaptions * 100 >= 99 * int(fp32->outputs.size()), listed.constData());
        QVERIFY2(sameAnswers * 100 >= 99 * questions, listed.constData());
        QVERIFY(bf16->metrics.retrieval.total == fp32->metrics.retrieval.total);
        QVERIFY2(bf16->metrics.retrieval.hits >= fp32->metrics.retrieval.hits,
            qPrintable(QStringLiteral("recall@1 %1 < %2")
                           .arg(bf16->metrics.retrieval.hits)
                           .arg(fp32->metrics.retrieval.hits)));
    }
};

QTEST_GUILESS_MAIN(DemoAgreementTest)
#include "demoagreementtest.moc"
