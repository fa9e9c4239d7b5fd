// AttentionMaps: layer/head selection and reductions over a hand-built array
// whose every value encodes its own position, so a wrong index shows.
#include "app/engine/attentionmaps.h"

#include <QTest>

using namespace mplug2::app;

class AttentionMapsTest : public QObject {
    Q_OBJECT

    // 2 tokens, 3 layers, 2 heads, 2 frames of 2x3 patches (13 visual tokens).
    static AttentionMaps makeMaps()
    {
        AttentionMaps m;
        m.geometry.frames = 2;
        m.geometry.gridHeight = 2;
        m.geometry.gridWidth = 3;
        m.tokenIds = {2417, 102};
        m.tokens = {QStringLiteral("dog"), QStringLiteral("[SEP]")};
        m.layers = 3;
        m.heads = 2;
        for (int t = 0; t < 2; ++t)
            for (int l = 0; l < 3; ++l)
                for (int h = 0; h < 2; ++h)
                    for (int v = 0; v < 13; ++v)
                        m.crossAttention.append(value(t, l, h, v));
        m.gradCam = m.crossAttention;
        for (float &g : m.gradCam)
            g -= 0.35f; // some negative evidence for the ReLU to cut
        return m;
    }
    static float value(int t, int l, int h, int v) { return 0.001f * v + 0.1f * h + 0.01f * l + 0.3f * t; }

private Q_SLOTS:
    void occlusionHasOneRowPerTokenAndKeepsThePositivePart()
    {
        AttentionMaps m = makeMaps();
        QVERIFY(!m.hasOcclusion() && !m.has(AttentionMethod::Occlusion));
        QVERIFY(m.grid(AttentionMethod::Occlusion, 0).isEmpty());
        for (int t = 0; t < 2; ++t)
            for (int v = 0; v < 13; ++v)
                m.occlusion.append(0.01f * float(v) - 0.05f + float(t));
        QVERIFY(m.isConsistent());
        QVERIFY(m.has(AttentionMethod::Occlusion));
        const AttentionGrid g = m.grid(AttentionMethod::Occlusion, 0);
        QCOMPARE(g.values.size(), 12);
        QCOMPARE(g.global, 0.f); // -0.05: hiding it helped, which is not evidence
        QCOMPARE(g.at(0, 0, 0), 0.f);
        QVERIFY(qAbs(g.at(1, 1, 2) - 0.07f) < 1e-6f); // visual token 12
        // No layers or heads: any selector gives the same map.
        QCOMPARE(m.grid(AttentionMethod::Occlusion, 0, 2, kMaxOfHeads).values, g.values);
        QVERIFY(qAbs(m.grid(AttentionMethod::Occlusion, 1).at(0, 0, 0) - 0.96f) < 1e-6f);
        const AttentionGrid mean = m.meanGrid(AttentionMethod::Occlusion);
        QVERIFY(qAbs(mean.at(1, 1, 2) - (0.07f + 1.07f) / 2) < 1e-6f);
        QVERIFY(m.grid(AttentionMethod::Occlusion, 2).isEmpty());
        m.occlusion.removeLast();
        QVERIFY(!m.isConsistent());
        QVERIFY(m.grid(AttentionMethod::Occlusion, 0).isEmpty());
    }

    void methodNames()
    {
        QCOMPARE(attentionMethodName(AttentionMethod::CrossAttention), QStringLiteral("attention"));
        QCOMPARE(attentionMethodName(AttentionMethod::GradCam), QStringLiteral("gradcam"));
        QCOMPARE(attentionMethodName(AttentionMethod::Occlusion), QStringLiteral("occlusion"));
    }

    void oneLayerOneHeadIsTheRawRow()
    {
        const AttentionMaps m = makeMaps();
        QVERIFY(m.isConsistent());
        const AttentionGrid g = m.grid(AttentionMethod::CrossAttention, 1, 2, 1);
        QCOMPARE(g.frames, 2);
        QCOMPARE(g.height, 2);
        QCOMPARE(g.width, 3);
        QCOMPARE(g.values.size(), 12);
        QCOMPARE(g.global, value(1, 2, 1, 0));
        // frame 1, row 1, column 2 is visual token 1 + 6 + 3 + 2 = 12
        QCOMPARE(g.at(1, 1, 2), value(1, 2, 1, 12));
        QCOMPARE(g.at(0, 0, 0), value(1, 2, 1, 1));
    }

    void meansAndMax()
    {
        const AttentionMaps m = makeMaps();
        const AttentionGrid mean = m.grid(AttentionMethod::CrossAttention, 0, kMeanOfLayers, kMeanOfHeads);
        // mean over l of 0.01 l = 0.01, mean over h of 0.1 h = 0.05
        QVERIFY(qAbs(mean.at(0, 0, 1) - (0.002f + 0.05f + 0.01f)) < 1e-6f);
        const AttentionGrid max = m.grid(AttentionMethod::CrossAttention, 0, 0, kMaxOfHeads);
        QVERIFY(qAbs(max.at(0, 0, 1) - value(0, 0, 1, 2)) < 1e-6f);
        const AttentionGrid overTokens = m.meanGrid(AttentionMethod::CrossAttention, 0, 0);
        QVERIFY(qAbs(overTokens.at(0, 0, 0) - (value(0, 0, 0, 1) + value(1, 0, 0, 1)) / 2) < 1e-6f);
    }

    void gradCamDropsNegativeEvidence()
    {
        const AttentionMaps m = makeMaps();
        // token 0, layer 0: both heads are negative everywhere (-0.35 / -0.25 + 0.001 v): all cut to 0.
        const AttentionGrid cut = m.grid(AttentionMethod::GradCam, 0, 0, kMeanOfHeads);
        QCOMPARE(cut.maxValue(), 0.f);
        // token 1, layer 2: head 1 is positive (0.07 + 0.001 v), head 0 negative (-0.03 + 0.001 v)
        // except for v > 30, i.e. never: the mean of heads is half of head 1.
        const AttentionGrid mean = m.grid(AttentionMethod::GradCam, 1, 2, kMeanOfHeads);
        QVERIFY(qAbs(mean.at(1, 1, 2) - (value(1, 2, 1, 12) - 0.35f) / 2) < 1e-6f);
        const AttentionGrid raw = m.grid(AttentionMethod::CrossAttention, 1, 2, kMeanOfHeads);
        QVERIFY(qAbs(raw.at(1, 1, 2) - (value(1, 2, 0, 12) + value(1, 2, 1, 12)) / 2) < 1e-6f);
    }

    void frameImportanceSumsToOne()
    {
        const AttentionMaps m = makeMaps();
        const AttentionGrid g = m.grid(AttentionMethod::CrossAttention, 0, 0, 0);
        const QList<float> imp = g.frameImportance();
        QCOMPARE(imp.size(), 2);
        QVERIFY(qAbs(imp.at(0) + imp.at(1) - 1.f) < 1e-6f);
        QVERIFY(imp.at(1) > imp.at(0)); // later tokens carry larger values by construction
    }

    void outOfRangeSelectionsGiveEmptyGrids()
    {
        const AttentionMaps m = makeMaps();
        QVERIFY(m.grid(AttentionMethod::CrossAttention, 2, 0, 0).isEmpty());
        QVERIFY(m.grid(AttentionMethod::CrossAttention, 0, 3, 0).isEmpty());
        QVERIFY(m.grid(AttentionMethod::CrossAttention, 0, 0, 2).isEmpty());
        QVERIFY(m.latentGrid(0).isEmpty()); // not captured
        AttentionMaps broken = m;
        broken.crossAttention.removeLast();
        QVERIFY(!broken.isConsistent());
        QVERIFY(broken.grid(AttentionMethod::CrossAttention, 0, 0, 0).isEmpty());
    }

    void latentGridSelectsOneQuery()
    {
        AttentionMaps m = makeMaps();
        m.latents = 3;
        m.latentHeads = 2;
        for (int h = 0; h < 2; ++h)
            for (int q = 0; q < 3; ++q)
                for (int v = 0; v < 13; ++v)
                    m.latentAttention.append(float(100 * h + 10 * q + v));
        QVERIFY(m.isConsistent());
        const AttentionGrid one = m.latentGrid(2, 1);
        QCOMPARE(one.at(0, 0, 0), 100.f + 20.f + 1.f);
        const AttentionGrid mean = m.latentGrid(-1, kMeanOfHeads);
        QCOMPARE(mean.at(0, 0, 0), 50.f + 10.f + 1.f);
    }
};

QTEST_GUILESS_MAIN(AttentionMapsTest)
#include "attentionmapstest.moc"
