// Classify's default template and scoring on the bundled demo model (issue
// 23, item 4): the issue's sample, a red circle and a blue triangle, made by
// the project's own sample generator, gets "red circle" first; and the
// command that chose the default (`mplug2 eval-demo --classify-templates`)
// runs on a tiny split and reports numbers that add up.
#include "app/bundle/modelbundle.h"
#include "app/demo/demomedia.h"
#include "app/demo/demosamples.h"
#include "app/engine/engine.h"
#include "model/synthetic/syntheticscene.h"
#include "tests/app/clirunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;
using namespace mplug2::model::synthetic;

namespace {

constexpr int kWait = 120000;

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(MPLUG2_SOURCE_DIR)).filePath(relative);
}

QString labelOf(Colour colour, ShapeKind kind)
{
    return QString::fromLatin1(colourName(colour)) + u' ' + QString::fromLatin1(shapeName(kind));
}

} // namespace

class ClassifyDefaultTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void theDefaultPutsTheIssuesRedCircleFirst()
    {
        QVERIFY(m_dir.isValid());
        const std::vector<DemoSample> samples = demoSamples();
        const auto sample = std::find_if(samples.begin(), samples.end(),
            [](const DemoSample &s) { return s.fileName == QStringLiteral("two-shapes.mp4"); });
        QVERIFY(sample != samples.end());
        // The issue's sample: a red circle (first, left) and a blue triangle.
        QCOMPARE(sample->scene.shapes.size(), size_t(2));
        QCOMPARE(labelOf(sample->scene.shapes[0].colour, sample->scene.shapes[0].kind),
            QStringLiteral("red circle"));
        QCOMPARE(labelOf(sample->scene.shapes[1].colour, sample->scene.shapes[1].kind),
            QStringLiteral("blue triangle"));
        const QString clip = m_dir.filePath(sample->fileName);
        const Expected<void> written = writeSceneFile(sample->scene, clip);
        QVERIFY2(written, written ? "" : written.error().message.c_str());

        const Expected<ModelBundle> bundle
            = ModelBundle::load(sourcePath(QStringLiteral("resources/models/demo")));
        QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
        Engine engine;
        bool loaded = false;
        engine.loadModel(*bundle, DeviceChoice::cpu()).then(this, [&](const RequestOutcome &o) {
            loaded = o.isFinished();
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, kWait);

        // Every colour and kind of the world, the decoy "yellow circle" included.
        QStringList labels;
        for (Colour c : kColours)
            for (ShapeKind k : kShapeKinds)
                labels << labelOf(c, k);
        const EngineRequest request = EngineRequest::classify(clip, labels);
        std::optional<RequestOutcome> outcome;
        engine.submit(request).then(this, [&](const RequestOutcome &o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), kWait);
        QVERIFY2(
            outcome->isFinished(), outcome->error ? qPrintable(outcome->error->message) : "not finished");
        const EngineResult &r = *outcome->result;
        QCOMPARE(r.items.size(), labels.size());
        QCOMPARE(r.labelTemplate, EngineRequest {}.labelTemplate);
        QCOMPARE(r.classifyMethod, EngineRequest {}.classifyMethod);
        QVERIFY2(r.items.front().text == QStringLiteral("red circle"),
            qPrintable(QStringLiteral("template \"%1\", %2: %3 first at %4")
                           .arg(r.labelTemplate, classifyMethodName(r.classifyMethod), r.items.front().text)
                           .arg(r.items.front().score)));
    }

    void theMeasurementRunsOnATinySplit()
    {
        const int items = 3;
        const mplug2::test::CliRun run = mplug2::test::runCli(
            {QStringLiteral("eval-demo"), QStringLiteral("--classify-templates"), QStringLiteral("--items"),
                QString::number(items), QStringLiteral("--model"),
                sourcePath(QStringLiteral("resources/models/demo")), QStringLiteral("--json")},
            m_dir.path(), 300000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("items_per_split")).toInt(), items);
        QVERIFY(report.value(QStringLiteral("selection_seed")).toInteger()
            != report.value(QStringLiteral("test_seed")).toInteger());
        QCOMPARE(report.value(QStringLiteral("labels")).toArray().size(), qsizetype(15));

        // Each template with each method, every one scored on every file of the split.
        const QJsonArray rows = report.value(QStringLiteral("selection")).toArray();
        QSet<QString> templates, methods;
        QList<int> rights;
        int best = 0;
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            templates.insert(row.value(QStringLiteral("template")).toString());
            methods.insert(row.value(QStringLiteral("method")).toString());
            const QJsonObject s = row.value(QStringLiteral("selection")).toObject();
            const int right = s.value(QStringLiteral("right")).toInt();
            QCOMPARE(s.value(QStringLiteral("n")).toInt(), items);
            QVERIFY(right >= 0 && right <= items);
            QVERIFY(qAbs(s.value(QStringLiteral("accuracy")).toDouble() - 100.0 * right / items) < 1e-9);
            QVERIFY(
                s.value(QStringLiteral("low")).toDouble() <= s.value(QStringLiteral("accuracy")).toDouble());
            QVERIFY(
                s.value(QStringLiteral("high")).toDouble() >= s.value(QStringLiteral("accuracy")).toDouble());
            rights << right;
            if (right > rights.at(best))
                best = int(rights.size()) - 1;
        }
        QVERIFY(templates.contains(QStringLiteral("{}")) && templates.contains(QStringLiteral("a {}")));
        QCOMPARE(methods, QSet<QString>({QStringLiteral("likelihood"), QStringLiteral("clip")}));
        QCOMPARE(rows.size(), qsizetype(templates.size() * methods.size()));

        // The chosen one is the first row within the best one's interval, then scored on the test split.
        const double floor = rows.at(best)
                                 .toObject()
                                 .value(QStringLiteral("selection"))
                                 .toObject()
                                 .value(QStringLiteral("low"))
                                 .toDouble();
        int first = 0;
        while (100.0 * rights.at(first) / items < floor)
            ++first;
        const QJsonObject chosen = report.value(QStringLiteral("chosen")).toObject();
        QCOMPARE(chosen.value(QStringLiteral("template")),
            rows.at(first).toObject().value(QStringLiteral("template")));
        QCOMPARE(chosen.value(QStringLiteral("method")),
            rows.at(first).toObject().value(QStringLiteral("method")));
        const QJsonObject test = chosen.value(QStringLiteral("test")).toObject();
        QCOMPARE(test.value(QStringLiteral("n")).toInt(), items);
        QVERIFY(test.value(QStringLiteral("right")).toInt() >= 0
            && test.value(QStringLiteral("right")).toInt() <= items);
        QVERIFY(report.value(QStringLiteral("default_is_chosen")).isBool());
    }
};

QTEST_GUILESS_MAIN(ClassifyDefaultTest)
#include "classifydefaulttest.moc"
