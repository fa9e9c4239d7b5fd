// Embedding requests queued together go through the visual encoder as one
// batch (what indexing sends): each gets the vector it would get alone, a
// broken or cancelled one among them does not spoil the others, and the
// other tasks still get the full features.
#include "app/engine/engine.h"
#include "tests/app/fixturebundles.h"
#include "tests/support/qtestshared.h"

#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

std::optional<RequestOutcome> waitFor(const RequestHandle &handle, int timeoutMs = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (!handle.isOver() && clock.elapsed() < timeoutMs)
        QTest::qWait(5);
    return handle.outcome();
}

double maxAbsDiff(const QList<float> &a, const QList<float> &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return 1e9;
    double worst = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        worst = std::max(worst, double(std::abs(a.at(i) - b.at(i))));
    return worst;
}

} // namespace

class VisualBatchTest : public QObject {
    Q_OBJECT

    QString m_shared;
    QJsonObject m_cases;
    QTemporaryDir m_dir;
    QStringList m_pictures;

    ModelBundle bundle() const
    {
        return test::fixtureBundle(m_shared, m_cases, QStringLiteral("tiny-a"), QStringLiteral("caption"));
    }

    /// Loads the model and, queued behind the load (so that they all wait together), the requests.
    QList<RequestHandle> loadThenSubmit(Engine &engine, const QList<EngineRequest> &requests)
    {
        const RequestHandle load = engine.loadModel(bundle(), DeviceChoice::cpu());
        QList<RequestHandle> handles;
        for (const EngineRequest &r : requests)
            handles.append(engine.submit(r));
        const std::optional<RequestOutcome> loaded = waitFor(load);
        if (!loaded || !loaded->isFinished())
            qWarning("the model did not load");
        for (const RequestHandle &h : std::as_const(handles))
            waitFor(h);
        return handles;
    }

    /// The vector of `path` computed alone, on an engine without a cache.
    QList<float> alone(const QString &path)
    {
        Engine engine;
        engine.setVisualCacheCapacity(0);
        const QList<RequestHandle> h = loadThenSubmit(engine, {EngineRequest::embedMedia(path)});
        const std::optional<RequestOutcome> o = h.value(0).outcome();
        return o && o->result ? o->result->mediaEmbedding : QList<float> {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        MPLUG2_REQUIRE_SHARED(m_shared);
        QVERIFY(m_dir.isValid());
        // The CPU encodes one medium at a time by default (a batch is no faster there): allow batches.
        qputenv("MPLUG2_VISUAL_BATCH", "4");
        m_cases = test::readCases(m_shared);
        QVERIFY(!m_cases.isEmpty());
        QRandomGenerator random(7);
        for (int k = 0; k < 4; ++k) {
            QImage image(64 + 16 * k, 48 + 8 * k, QImage::Format_RGB888);
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    image.setPixel(x, y, random.generate() | 0xff000000u);
            const QString path = m_dir.filePath(QStringLiteral("noise%1.png").arg(k));
            QVERIFY(image.save(path));
            m_pictures.append(path);
        }
    }

    void queuedEmbeddingsShareOneBatchAndEqualTheirOwn()
    {
        Engine engine;
        QList<EngineRequest> requests;
        for (const QString &p : std::as_const(m_pictures))
            requests.append(EngineRequest::embedMedia(p));
        const QList<RequestHandle> handles = loadThenSubmit(engine, requests);
        QList<EngineResult> results;
        for (const RequestHandle &h : handles) {
            const std::optional<RequestOutcome> o = h.outcome();
            QVERIFY(o && o->isFinished() && o->result);
            results.append(*o->result);
        }
        QCOMPARE(results.at(0).visualBatch, int(m_pictures.size()));
        QVERIFY(!results.at(0).visualCacheHit);
        for (qsizetype k = 1; k < results.size(); ++k) {
            QVERIFY(results.at(k).visualCacheHit);
            QCOMPARE(results.at(k).visualBatch, 0);
        }
        QCOMPARE(engine.stats().visualEncoderRuns, qint64(m_pictures.size()));
        // Batched and alone run the same kernels on more rows: equal up to fp32 rounding.
        for (qsizetype k = 0; k < m_pictures.size(); ++k) {
            const double diff = maxAbsDiff(results.at(k).mediaEmbedding, alone(m_pictures.at(k)));
            QVERIFY2(diff < 1e-5, qPrintable(QStringLiteral("picture %1: %2").arg(k).arg(diff)));
        }
        // The vectors differ between pictures: each result is its own medium's.
        QVERIFY(maxAbsDiff(results.at(0).mediaEmbedding, results.at(1).mediaEmbedding) > 1e-3);
    }

    void aMediumAskedForTwiceIsEncodedOnce()
    {
        Engine engine;
        const QList<RequestHandle> h = loadThenSubmit(engine,
            {EngineRequest::embedMedia(m_pictures.at(0)), EngineRequest::embedMedia(m_pictures.at(0)),
                EngineRequest::embedMedia(m_pictures.at(1))});
        QCOMPARE(h.at(0).outcome()->result->visualBatch, 2);
        QVERIFY(h.at(1).outcome()->result->visualCacheHit);
        QVERIFY(h.at(2).outcome()->result->visualCacheHit);
        QCOMPARE(engine.stats().visualEncoderRuns, qint64(2));
        QCOMPARE(h.at(1).outcome()->result->mediaEmbedding, h.at(0).outcome()->result->mediaEmbedding);
    }

    void aBrokenOrCancelledRequestDoesNotSpoilTheBatch()
    {
        const QString broken = m_dir.filePath(QStringLiteral("broken.png"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\x89PNG\r\n\x1a\nthis is not a picture");
        }
        Engine engine;
        const RequestHandle load = engine.loadModel(bundle(), DeviceChoice::cpu());
        const RequestHandle first = engine.submit(EngineRequest::embedMedia(m_pictures.at(0)));
        const RequestHandle bad = engine.submit(EngineRequest::embedMedia(broken));
        const RequestHandle dropped = engine.submit(EngineRequest::embedMedia(m_pictures.at(1)));
        const RequestHandle last = engine.submit(EngineRequest::embedMedia(m_pictures.at(2)));
        dropped.cancel();
        for (const RequestHandle &h : {load, first, bad, dropped, last})
            QVERIFY(waitFor(h));
        QVERIFY(first.outcome()->isFinished());
        QCOMPARE(first.outcome()->result->visualBatch, 2); // itself and `last`
        QVERIFY(bad.outcome()->isFailed());
        QVERIFY(bad.outcome()->error->message.contains(QStringLiteral("broken.png")));
        QVERIFY(dropped.outcome()->isCancelled());
        QVERIFY(last.outcome()->isFinished());
        QVERIFY(last.outcome()->result->visualCacheHit);
        QVERIFY(maxAbsDiff(last.outcome()->result->mediaEmbedding, alone(m_pictures.at(2))) < 1e-5);
    }

    void theCpuEncodesOneAtATimeByDefault()
    {
        qunsetenv("MPLUG2_VISUAL_BATCH");
        Engine engine;
        QList<EngineRequest> requests;
        for (const QString &p : std::as_const(m_pictures))
            requests.append(EngineRequest::embedMedia(p));
        const QList<RequestHandle> handles = loadThenSubmit(engine, requests);
        qputenv("MPLUG2_VISUAL_BATCH", "4");
        QCOMPARE(engine.currentModel()->visualBatch, 1);
        for (const RequestHandle &h : handles) {
            QVERIFY(h.outcome() && h.outcome()->result);
            QCOMPARE(h.outcome()->result->visualBatch, 1);
            QVERIFY(!h.outcome()->result->visualCacheHit);
        }
    }

    void anEmbeddingOnlyEncodingDoesNotServeACaption()
    {
        // The embedding skips the universal layers; a caption of the same medium must still get them.
        Engine engine;
        const QList<RequestHandle> h = loadThenSubmit(engine,
            {EngineRequest::embedMedia(m_pictures.at(3)), EngineRequest::caption(m_pictures.at(3)),
                EngineRequest::embedMedia(m_pictures.at(3))});
        QVERIFY(h.at(0).outcome()->isFinished());
        QVERIFY(h.at(1).outcome()->isFinished());
        QVERIFY(!h.at(1).outcome()->result->visualCacheHit);
        QVERIFY(!h.at(1).outcome()->result->items.isEmpty());
        // The caption's full features serve the later embedding, with the same vector.
        QVERIFY(h.at(2).outcome()->result->visualCacheHit);
        QVERIFY(
            maxAbsDiff(h.at(2).outcome()->result->mediaEmbedding, h.at(0).outcome()->result->mediaEmbedding)
            < 1e-5);
    }
};

QTEST_GUILESS_MAIN(VisualBatchTest)
#include "visualbatchtest.moc"
