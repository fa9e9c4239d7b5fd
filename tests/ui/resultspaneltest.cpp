// The results panel: pending entries, partial text while generating, the
// best answer with its alternatives and scores, failures with details,
// cancellation, copy and per-result export through the engine's exporters.
#include "ui/results/resultspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mplug2;
using mplug2::ui::ResultsPanel;

namespace {
app::EngineResult answerResult(app::RequestId id)
{
    app::EngineResult result;
    result.id = id;
    result.task = app::TaskKind::Answer;
    result.media = QStringLiteral("/videos/kitchen.mp4");
    result.question = QStringLiteral("what is he doing?");
    result.items = {app::ResultItem {QStringLiteral("cooking"), 0.72, {101, 8434, 102}, {"cooking"}},
        app::ResultItem {QStringLiteral("eating"), 0.20, {101, 5983, 102}, {"eating"}}};
    result.timings.totalMs = 1234;
    return result;
}
} // namespace

class ResultsPanelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsProgressThenTheAnswers()
    {
        ResultsPanel panel;
        app::EngineRequest request = app::EngineRequest::ask(
            QStringLiteral("/videos/kitchen.mp4"), QStringLiteral("what is he doing?"));
        request.texts = {QStringLiteral("cooking"), QStringLiteral("eating")};
        panel.addPending(3, request);
        QCOMPARE(panel.tree()->topLevelItemCount(), 1);
        QVERIFY(panel.tree()->topLevelItem(0)->text(0).contains(QStringLiteral("what is he doing?")));

        app::EngineProgress progress;
        progress.id = 3;
        progress.stage = app::EngineStage::Generating;
        progress.partialText = QStringLiteral("cook");
        panel.showProgress(progress);
        QVERIFY(panel.texts(3).value(0).startsWith(QStringLiteral("cook")));

        QSignalSpy selected(&panel, &ResultsPanel::resultSelected);
        panel.setResult(answerResult(3));
        QCOMPARE(panel.texts(3), QStringList({QStringLiteral("cooking"), QStringLiteral("eating")}));
        // Ranked answers carry probabilities: shown as percentages.
        QCOMPARE(panel.tree()->topLevelItem(0)->child(0)->text(1), QLocale().toString(72.0, 'f', 1) + '%');
        QVERIFY(!selected.isEmpty());
        QCOMPARE(selected.last().first().value<app::EngineResult>().id, app::RequestId(3));
        QVERIFY(panel.currentResult().has_value());
    }

    void failuresAndCancellationsSaySo()
    {
        ResultsPanel panel;
        panel.addPending(1, app::EngineRequest::caption(QStringLiteral("/a.mp4")));
        panel.addPending(2, app::EngineRequest::caption(QStringLiteral("/b.mp4")));
        app::EngineError error;
        error.id = 1;
        error.message = QStringLiteral("a.mp4: not a video");
        error.details = QStringLiteral("moov atom not found");
        panel.setFailed(error);
        panel.setCancelled(2);
        QCOMPARE(panel.texts(1), QStringList({error.message}));
        QCOMPARE(panel.texts(2).size(), 1);
        QVERIFY(!panel.result(1).has_value());
        QVERIFY(!panel.result(2).has_value());
    }

    void copiesAndExports()
    {
        ResultsPanel panel;
        panel.addPending(
            5, app::EngineRequest::ask(QStringLiteral("/videos/kitchen.mp4"), QStringLiteral("q")));
        panel.setResult(answerResult(5));
        panel.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("cooking"));

        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("answer.json"));
        const Expected<QStringList> written = panel.exportResult(5, QStringLiteral("json"), json);
        QVERIFY2(written, written ? "" : written.error().message.c_str());
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        QVERIFY2(doc.toJson().contains("cooking"), doc.toJson().constData());
        QVERIFY(!panel.exportResult(6, QStringLiteral("json"), json));
        QVERIFY(!panel.exportResult(5, QStringLiteral("no-such-format"), json));
    }

    // Issue 23, item 4: the template and the scoring change the ranking, so a
    // classify row says which ones it was run with, while running and after.
    void aClassifyRowShowsItsTemplateAndScoring()
    {
        ResultsPanel panel;
        app::EngineRequest clip = app::EngineRequest::classify(QStringLiteral("/videos/shapes.mp4"),
            {QStringLiteral("red circle"), QStringLiteral("blue square")});
        clip.labelTemplate = QStringLiteral("this is a {}");
        clip.classifyMethod = app::ClassifyMethod::ClipSimilarity;
        panel.addPending(7, clip);
        const app::EngineRequest defaults = app::EngineRequest::classify(QStringLiteral("/videos/shapes.mp4"),
            {QStringLiteral("red circle"), QStringLiteral("blue square")});
        panel.addPending(8, defaults);
        app::EngineResult result;
        result.id = 7;
        result.task = app::TaskKind::Classify;
        result.media = clip.media.path;
        result.labelTemplate = clip.labelTemplate;
        result.classifyMethod = clip.classifyMethod;
        result.items = {app::ResultItem {QStringLiteral("red circle"), 0.9, {}, {}},
            app::ResultItem {QStringLiteral("blue square"), 0.1, {}, {}}};
        panel.setResult(result);

        QCOMPARE(panel.tree()->topLevelItemCount(), 2);
        const QString clipRow = panel.tree()->topLevelItem(1)->text(0);
        QVERIFY2(clipRow.contains(QStringLiteral("shapes.mp4")), qPrintable(clipRow));
        QVERIFY2(clipRow.contains(QStringLiteral("this is a {}")), qPrintable(clipRow));
        QVERIFY2(clipRow.contains(QStringLiteral("CLIP")), qPrintable(clipRow));
        QVERIFY2(!clipRow.contains(QStringLiteral("likelihood"), Qt::CaseInsensitive), qPrintable(clipRow));
        const QString defaultRow = panel.tree()->topLevelItem(0)->text(0);
        QVERIFY2(defaultRow.contains(defaults.labelTemplate), qPrintable(defaultRow));
        QVERIFY2(
            defaultRow.contains(QStringLiteral("likelihood"), Qt::CaseInsensitive), qPrintable(defaultRow));
        QVERIFY2(!defaultRow.contains(QStringLiteral("CLIP")), qPrintable(defaultRow));
    }

    void clearEmptiesTheList()
    {
        ResultsPanel panel;
        panel.addPending(5, app::EngineRequest::caption(QStringLiteral("/a.mp4")));
        panel.setResult(answerResult(5));
        panel.clearAll();
        QCOMPARE(panel.tree()->topLevelItemCount(), 0);
        QVERIFY(!panel.currentResult().has_value());
    }
};

QTEST_MAIN(ResultsPanelTest)
#include "resultspaneltest.moc"
