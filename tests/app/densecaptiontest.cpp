// Dense captions as first-class results (issue 23, item 7), on the tiny
// fixture caption model and generated videos: each window records its own
// attention, geometry and thumbnail; progress counts windows; a cancel keeps
// the windows finished so far (RequestOutcome::partial); the HTML report has
// one picture per window.
#include "app/engine/engine.h"
#include "app/engine/resultjson.h"
#include "app/export/exporter.h"
#include "tests/app/fixturebundles.h"
#include "tests/support/mediafactory.h"
#include "tests/support/qtestshared.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

constexpr int kWaitMs = 60000;

bool loadInto(Engine &engine, const ModelBundle &bundle)
{
    const RequestHandle load = engine.loadModel(bundle, DeviceChoice::cpu());
    QElapsedTimer clock;
    clock.start();
    while (!load.isOver() && clock.elapsed() < kWaitMs)
        QTest::qWait(10);
    return load.outcome() && load.outcome()->isFinished();
}

RequestOutcome waitFor(const RequestHandle &handle)
{
    QElapsedTimer clock;
    clock.start();
    while (!handle.isOver() && clock.elapsed() < kWaitMs)
        QTest::qWait(5);
    return handle.outcome().value_or(RequestOutcome {});
}

QList<qint64> wordsOf(const ResultItem &item)
{
    QList<qint64> words = item.tokenIds;
    words.removeAll(101); // [CLS]
    words.removeAll(102); // [SEP]
    words.removeAll(0); // [PAD]
    return words;
}

} // namespace

class DenseCaptionTest : public QObject {
    Q_OBJECT

    QString m_shared;
    QTemporaryDir m_dir;
    ModelBundle m_bundle;
    QString m_video; ///< 6 s: three windows of 2 s
    QString m_long; ///< 60 s: thirty windows of 2 s

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QVERIFY2(!test::MediaFactory::ffmpeg().isEmpty(), "the ffmpeg command-line tool is not installed");
        QVERIFY(m_dir.isValid());
        test::MediaFactory media(m_dir.path());
        m_video = media.make(QStringLiteral("six.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=96x72:rate=10", "-t", "6", "-pix_fmt", "yuv420p"});
        QVERIFY2(!m_video.isEmpty(), qPrintable(media.lastError()));
        m_long = media.make(QStringLiteral("sixty.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=2", "-t", "60", "-pix_fmt", "yuv420p", "-c:v",
                "libx264", "-preset", "ultrafast"});
        QVERIFY2(!m_long.isEmpty(), qPrintable(media.lastError()));
        const QJsonObject cases = test::readCases(m_shared);
        QVERIFY(!cases.isEmpty());
        m_bundle = test::fixtureBundle(m_shared, cases, QStringLiteral("tiny-a"), QStringLiteral("caption"));
    }

    // Attention maps on: every window's caption carries its own maps, equal to
    // those of captioning that window alone, and windowResult() shows it as a caption.
    void eachWindowRecordsItsAttention()
    {
        Engine engine;
        QVERIFY(loadInto(engine, m_bundle));
        EngineRequest dense = EngineRequest::denseCaption(m_video, 2.0);
        dense.attention.crossAttention = true;
        dense.returnFrames = true;
        const RequestOutcome o = waitFor(engine.submit(dense));
        QVERIFY(o.isFinished() && o.result);
        const EngineResult &r = *o.result;
        QCOMPARE(r.segments.size(), 3);
        QCOMPARE(r.windowCount, 3);
        QVERIFY(!r.partial);
        for (int k = 0; k < 3; ++k) {
            const CaptionSegment &s = r.segments.at(k);
            QVERIFY2(s.attention.has_value(), qPrintable(QStringLiteral("window %1 has no maps").arg(k)));
            QVERIFY(s.attention->isConsistent());
            QVERIFY(s.attention->hasCrossAttention());
            QCOMPARE(s.attention->tokenIds, wordsOf(s.caption));
            // What the model saw of this window, and a picture of it.
            QVERIFY(s.geometry.frames > 0);
            QCOMPARE(s.attention->geometry, s.geometry);
            for (double t : s.geometry.frameTimes)
                QVERIFY2(
                    t >= s.startSeconds - 1e-6 && t <= s.endSeconds + 1e-6, qPrintable(QString::number(t)));
            QVERIFY(!s.thumbnail.isNull());
            QVERIFY(s.thumbnail.width() <= 160 && s.thumbnail.height() <= 160);

            const EngineResult window = windowResult(r, k);
            QCOMPARE(window.task, TaskKind::Caption);
            QCOMPARE(window.items.value(0).tokenIds, s.caption.tokenIds);
            QVERIFY(window.attention.has_value());
            QCOMPARE(window.geometry, s.geometry);
            QCOMPARE(window.mediaInput.startSeconds, s.startSeconds);
            QCOMPARE(window.mediaInput.endSeconds, s.endSeconds);
        }
        // The middle window's maps are those of captioning it alone.
        EngineRequest alone = EngineRequest::caption(m_video);
        alone.media.startSeconds = r.segments.at(1).startSeconds;
        alone.media.endSeconds = r.segments.at(1).endSeconds;
        alone.attention.crossAttention = true;
        const RequestOutcome one = waitFor(engine.submit(alone));
        QVERIFY(one.isFinished() && one.result && one.result->attention);
        QCOMPARE(one.result->attention->tokenIds, r.segments.at(1).attention->tokenIds);
        QCOMPARE(one.result->attention->crossAttention, r.segments.at(1).attention->crossAttention);

        // Maps off: none are recorded (they cost memory), the thumbnails still are.
        dense.attention = {};
        const RequestOutcome plain = waitFor(engine.submit(dense));
        QVERIFY(plain.isFinished() && plain.result);
        for (const CaptionSegment &s : plain.result->segments) {
            QVERIFY(!s.attention.has_value());
            QVERIFY(!s.thumbnail.isNull());
        }
    }

    // Every report of a dense caption says which window it is in, so the app
    // shows "Window 2/3 · Generating text", not one window's token count.
    void progressCountsWindows()
    {
        Engine engine;
        QVERIFY(loadInto(engine, m_bundle));
        const RequestHandle handle = engine.submit(EngineRequest::denseCaption(m_video, 2.0));
        QList<EngineProgress> reports;
        handle.onProgress(this, [&reports](const EngineProgress &p) { reports.append(p); });
        QVERIFY(waitFor(handle).isFinished());
        QVERIFY(!reports.isEmpty());
        QSet<int> windowsSeen;
        bool generatingInWindow2 = false;
        for (const EngineProgress &p : reports) {
            QCOMPARE(p.windows, 3);
            QVERIFY2(p.window >= 1 && p.window <= 3, qPrintable(QString::number(p.window)));
            windowsSeen.insert(p.window);
            if (p.window == 2 && p.stage == EngineStage::Generating) {
                generatingInWindow2 = true;
                QCOMPARE(progressText(p), QStringLiteral("Window 2/3 · Generating text"));
                QCOMPARE(p.windowsDone(), 1);
            }
        }
        QCOMPARE(windowsSeen, (QSet<int> {1, 2, 3}));
        QVERIFY(generatingInWindow2);
        const EngineProgress &last = reports.last();
        QCOMPARE(last.stage, EngineStage::Windows);
        QCOMPARE(last.windowsDone(), 3);
        QCOMPARE(progressText(last), QStringLiteral("Window 3/3"));

        // Other requests are as before: the stage and its own count.
        EngineProgress caption;
        caption.stage = EngineStage::Generating;
        caption.step = 2;
        caption.total = 12;
        QCOMPARE(progressText(caption), QStringLiteral("Generating text 2/12"));
    }

    // Cancelled part-way, the request ends Cancelled and its outcome carries
    // the windows finished so far, marked partial; they export like any result.
    void cancelKeepsTheFinishedWindows()
    {
        Engine engine;
        QVERIFY(loadInto(engine, m_bundle));
        const RequestHandle handle = engine.submit(EngineRequest::denseCaption(m_long, 2.0));
        handle.onProgress(this, [handle](const EngineProgress &p) {
            if (p.windowsDone() >= 3)
                handle.cancel();
        });
        const RequestOutcome o = waitFor(handle);
        QCOMPARE(o.state, RequestState::Cancelled);
        QVERIFY(!o.result);
        QVERIFY(!o.expected());
        QCOMPARE(o.expected().error().code, ErrorCode::Cancelled);
        QVERIFY2(o.partial.has_value(), "the finished windows were thrown away");
        const EngineResult &partial = *o.partial;
        QVERIFY(partial.partial);
        QCOMPARE(partial.id, handle.id());
        QCOMPARE(partial.task, TaskKind::DenseCaption);
        QCOMPARE(partial.windowCount, 30);
        QVERIFY2(partial.segments.size() >= 3 && partial.segments.size() < 30,
            qPrintable(QString::number(partial.segments.size())));
        for (int k = 0; k < int(partial.segments.size()); ++k) {
            QCOMPARE(partial.segments.at(k).startSeconds, 2.0 * k);
            QVERIFY(!partial.segments.at(k).caption.text.isEmpty());
        }
        // The JSON and the report say it is partial.
        const QJsonObject json = resultToJson(partial);
        QCOMPARE(json.value(QStringLiteral("partial")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("window_count")).toInt(), 30);
        const QString html = m_dir.filePath(QStringLiteral("partial.html"));
        ExportInput input;
        input.results = {partial};
        QVERIFY(findExporter(QStringLiteral("html"))->write(input, html));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("%1 of 30 windows; cancelled").arg(partial.segments.size())),
            qPrintable(text.left(2000)));
        QCOMPARE(text.count(QStringLiteral("<img ")), partial.segments.size());

        // Cancelled while queued, nothing was done: nothing to keep.
        const RequestHandle busy = engine.submit(EngineRequest::denseCaption(m_long, 2.0));
        const RequestHandle queued = engine.submit(EngineRequest::denseCaption(m_video, 2.0));
        QVERIFY(queued.cancel());
        busy.cancel();
        const RequestOutcome none = waitFor(queued);
        QVERIFY(none.isCancelled());
        QVERIFY(!none.partial);
        waitFor(busy);
    }

    // The HTML report of a dense caption shows one thumbnail per window.
    void htmlReportHasAThumbnailPerWindow()
    {
        Engine engine;
        QVERIFY(loadInto(engine, m_bundle));
        const RequestOutcome o = waitFor(engine.submit(EngineRequest::denseCaption(m_video, 2.0)));
        QVERIFY(o.isFinished() && o.result);
        const QString path = m_dir.filePath(QStringLiteral("report.html"));
        ExportInput input;
        input.results = {*o.result};
        QVERIFY(findExporter(QStringLiteral("html"))->write(input, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        QCOMPARE(html.count(QStringLiteral("<img ")), 3);
        for (const CaptionSegment &s : o.result->segments)
            QVERIFY(html.contains(s.caption.text.toHtmlEscaped()));
        QVERIFY(!html.contains(QStringLiteral("cancelled")));
    }
};

QTEST_GUILESS_MAIN(DenseCaptionTest)
#include "densecaptiontest.moc"
