// The engine's occlusion maps and Faithfulness task on the bundled demo
// model: curves that start and end where they must, progress and cancel,
// and a clear error for a map that does not fit the medium.
#include "app/bundle/modelbundle.h"
#include "app/engine/engine.h"

#include <QDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

constexpr int kWait = 120000;

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(MPLUG2_SOURCE_DIR)).filePath(relative);
}

const QString kClip = QStringLiteral("resources/samples/yellow-square.mp4");

} // namespace

class FaithfulnessTaskTest : public QObject {
    Q_OBJECT

    Engine *m_engine = nullptr;

    RequestOutcome run(const EngineRequest &request, QList<EngineProgress> *progress = nullptr)
    {
        std::optional<RequestOutcome> outcome;
        const RequestHandle handle = m_engine->submit(request);
        if (progress)
            handle.onProgress(this, [progress](const EngineProgress &p) { progress->append(p); });
        handle.then(this, [&](const RequestOutcome &o) { outcome = o; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), kWait); }();
        return outcome.value_or(RequestOutcome {});
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Expected<ModelBundle> bundle
            = ModelBundle::load(sourcePath(QStringLiteral("resources/models/demo")));
        QVERIFY2(bundle, bundle ? "" : bundle.error().message.c_str());
        m_engine = new Engine(this);
        bool loaded = false;
        m_engine->loadModel(*bundle, DeviceChoice::cpu()).then(this, [&](const RequestOutcome &o) {
            loaded = o.isFinished();
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, kWait);
    }

    void occlusionMapsEveryWordAndGradesLikeAnyMap()
    {
        EngineRequest request = EngineRequest::caption(sourcePath(kClip));
        request.attention.occlusion = true;
        QList<EngineProgress> progress;
        const RequestOutcome captioned = run(request, &progress);
        QVERIFY(captioned.isFinished() && captioned.result && captioned.result->attention);
        const EngineResult &r = *captioned.result;
        const AttentionMaps &maps = *r.attention;
        QVERIFY(maps.hasOcclusion() && !maps.hasCrossAttention());
        QVERIFY(maps.isConsistent());
        // Progress counted the mask batches of the attention stage.
        QVERIFY(std::any_of(progress.begin(), progress.end(),
            [](const EngineProgress &p) { return p.stage == EngineStage::Attention && p.total > 1; }));
        for (int t = 0; t < maps.tokenCount(); ++t)
            QVERIFY(maps.grid(AttentionMethod::Occlusion, t).maxValue() > 0.f);

        const AttentionGrid grid = maps.grid(AttentionMethod::Occlusion, 1);
        EngineRequest grade = EngineRequest::faithfulnessOf(
            r.mediaInput, r.question, r.items.first().tokenIds, 1, grid.values);
        grade.faithfulness.steps = 4;
        const RequestOutcome graded = run(grade);
        QVERIFY(graded.isFinished() && graded.result && graded.result->faithfulness);
        const FaithfulnessResult &f = *graded.result->faithfulness;
        QCOMPARE(f.fractions.size(), 5);
        QCOMPARE(f.fractions.first(), 0.0);
        QCOMPARE(f.fractions.last(), 1.0);
        QCOMPARE(f.deletion.first(), f.probability);
        // Everything blurred is where deletion ends and insertion starts.
        QVERIFY(qAbs(f.deletion.last() - f.insertion.first()) < 1e-4);
        QVERIFY(qAbs(f.insertion.last() - f.probability) < 1e-4);
        for (double p : f.deletion + f.insertion)
            QVERIFY(p >= 0 && p <= 1);
        QVERIFY(f.deletionAuc >= 0 && f.deletionAuc <= 1 && f.insertionAuc >= 0 && f.insertionAuc <= 1);
    }

    void aMapThatDoesNotFitIsAClearError()
    {
        EngineRequest request = EngineRequest::caption(sourcePath(kClip));
        const RequestOutcome captioned = run(request);
        QVERIFY(captioned.result);
        const EngineResult &r = *captioned.result;
        const QList<qint64> ids = r.items.first().tokenIds;
        const qsizetype patches = qsizetype(r.geometry.frames) * r.geometry.patchesPerFrame();

        RequestOutcome o
            = run(EngineRequest::faithfulnessOf(r.mediaInput, {}, ids, 0, QList<float>(patches - 1, 1.f)));
        QVERIFY(o.isFailed());
        QVERIFY2(o.error->message.contains(QStringLiteral("patches")), qPrintable(o.error->message));
        o = run(EngineRequest::faithfulnessOf(r.mediaInput, {}, ids, 99, QList<float>(patches, 1.f)));
        QVERIFY(o.isFailed());
        QVERIFY2(o.error->message.contains(QStringLiteral("99")), qPrintable(o.error->message));
        o = run(EngineRequest::faithfulnessOf(r.mediaInput, {}, ids.mid(1), 0, QList<float>(patches, 1.f)));
        QVERIFY(o.isFailed());
        QVERIFY2(o.error->message.contains(QStringLiteral("[CLS]")), qPrintable(o.error->message));
    }

    void pixelOcclusionCanBeCancelled()
    {
        EngineRequest request = EngineRequest::caption(sourcePath(kClip));
        request.attention.occlusion = true;
        request.attention.occlusionMasking = OcclusionMasking::Pixels;
        std::optional<RequestOutcome> outcome;
        const RequestHandle handle = m_engine->submit(request);
        bool cancelled = false;
        handle.onProgress(this, [&](const EngineProgress &p) {
            if (p.stage == EngineStage::Attention && !cancelled)
                cancelled = handle.cancel();
        });
        handle.then(this, [&](const RequestOutcome &o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), kWait);
        QVERIFY(cancelled);
        QVERIFY(outcome->isCancelled());
    }
};

QTEST_GUILESS_MAIN(FaithfulnessTaskTest)
#include "faithfulnesstasktest.moc"
