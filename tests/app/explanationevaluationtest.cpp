// eval-explanations on the bundled demo model and held-out scenes made at
// test time: occlusion points at the named shape for at least 90% of the
// colour and shape words, and every method's deletion AUC beats a random
// map's by a margin outside the bootstrap interval.
#include "app/demo/explanationevaluation.h"

#include <QDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class ExplanationEvaluationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void occlusionFindsTheShapeAndEveryMethodBeatsRandom()
    {
        ExplanationEvaluationOptions o;
        o.bundle = QDir(QStringLiteral(MPLUG2_SOURCE_DIR)).filePath(QStringLiteral("resources/models/demo"));
        o.items = 40;
        o.everyVariant = false;
        const Expected<ExplanationReport> report = evaluateExplanations(o);
        QVERIFY2(report, report ? "" : report.error().message.c_str());
        QCOMPARE(report->items, o.items);
        QVERIFY(report->words > report->items); // a colour and a shape word per shape
        QCOMPARE(report->graded, o.items);

        const ExplanationRow *occlusion = report->row("occlusion", -1, "");
        QVERIFY(occlusion);
        QVERIFY2(occlusion->pointing.mean >= 90, qPrintable(QString::number(occlusion->pointing.mean)));
        QCOMPARE(occlusion->pointing.count, report->words);
        for (const char *method : {"attention", "gradcam", "occlusion"}) {
            const ExplanationRow *row
                = report->row(method, -1, std::string(method) == "occlusion" ? "" : "mean");
            QVERIFY(row);
            const Estimate &gain = row->deletionGainOverRandom;
            QVERIFY2(gain.low > 0,
                qPrintable(QStringLiteral("%1: random - deletion AUC %2 [%3, %4]")
                               .arg(QLatin1String(method))
                               .arg(gain.mean)
                               .arg(gain.low)
                               .arg(gain.high)));
            QVERIFY(gain.low <= gain.mean && gain.mean <= gain.high);
            QVERIFY(row->deletionAuc.mean >= 0 && row->insertionAuc.mean <= 1);
        }
        // The attention panel opens on cross-attention, mean of layers and heads
        // (ui/attention/attentionpanel.cpp): the table must still say so.
        const ExplanationRow *panelDefault = report->bestAttentionRow();
        QVERIFY(panelDefault);
        QCOMPARE(panelDefault->label(), std::string("attention mean of layers, mean of heads"));
        // The floor: a random map rarely lands on the shape.
        const ExplanationRow *random = report->row("random", -1, "");
        QVERIFY(random && random->pointing.mean < 40);

        const json::Json j = report->toJson();
        QCOMPARE(j["rows"].size(), report->rows.size());
        QVERIFY(report->markdownTable().contains(QStringLiteral("| occlusion |")));
    }

    void badInputIsAnError()
    {
        ExplanationEvaluationOptions o;
        o.bundle = QStringLiteral("/nonexistent/bundle");
        QVERIFY(!evaluateExplanations(o));
        o.items = 0;
        QVERIFY(!evaluateExplanations(o));
    }
};

QTEST_GUILESS_MAIN(ExplanationEvaluationTest)
#include "explanationevaluationtest.moc"
