// Frame sampling: the official 'middle' rule against the indices the
// official code produced (fixtures), and the time-based rules.
#include "media/sampling/framesampler.h"

#include "tests/support/qtestshared.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace mplug2::media;

class FrameSamplerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void middleMatchesTheOfficialIndices()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        QFile file(shared + QStringLiteral("/fixtures/media/media.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray cases
            = QJsonDocument::fromJson(file.readAll()).object().value("frame_indices").toArray();
        QVERIFY(cases.size() >= 10);
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            QCOMPARE(c.value("sample").toString(), QStringLiteral("middle"));
            std::vector<int64_t> expected;
            for (const QJsonValue &i : c.value("indices").toArray())
                expected.push_back(i.toInteger());
            const int numFrames = c.value("num_frames").toInt();
            const int64_t vlen = c.value("vlen").toInteger();
            QVERIFY2(middleFrameIndices(numFrames, vlen) == expected,
                qPrintable(QStringLiteral("num_frames %1, vlen %2").arg(numFrames).arg(vlen)));
        }
    }

    void middleByHand()
    {
        // linspace(0, 7, 4) = 0, 2.33, 4.67, 7 -> intervals [0,1] [2,3] [4,6]
        QCOMPARE(middleFrameIndices(3, 7), (std::vector<int64_t> {0, 2, 5}));
        // Fewer frames than asked: every frame once, then the last repeated.
        QCOMPARE(middleFrameIndices(5, 2), (std::vector<int64_t> {0, 1, 1, 1, 1}));
        QCOMPARE(middleFrameIndices(1, 100), (std::vector<int64_t> {49}));
        const auto many = middleFrameIndices(16, 1'000'000);
        QCOMPARE(many.size(), size_t(16));
        QCOMPARE(many.front(), int64_t(31249));
        QCOMPARE(many.back(), int64_t(968749));
        QVERIFY(middleFrameIndices(0, 10).empty());
        QVERIFY(middleFrameIndices(4, 0).empty());
        QVERIFY(middleFrameIndices(-1, 10).empty());
    }

    void uniformTimesAreSliceMiddles()
    {
        QCOMPARE(uniformTimes(4, 2.0), (std::vector<double> {0.25, 0.75, 1.25, 1.75}));
        QVERIFY(uniformTimes(4, 0.0).empty());
        QVERIFY(uniformTimes(4, std::nan("")).empty());
        QVERIFY(uniformTimes(0, 3.0).empty());
    }

    void windowsCoverTheVideo()
    {
        const auto windows = windowedTimes(25.0, 10.0, 2);
        QCOMPARE(windows.size(), size_t(3));
        QCOMPARE(windows[0].start, 0.0);
        QCOMPARE(windows[0].end, 10.0);
        QCOMPARE(windows[0].times, (std::vector<double> {2.5, 7.5}));
        QCOMPARE(windows[2].start, 20.0);
        QCOMPARE(windows[2].end, 25.0);
        QCOMPARE(windows[2].times, (std::vector<double> {21.25, 23.75}));
        QCOMPARE(windowedTimes(20.0, 10.0, 1).size(), size_t(2));
        QCOMPARE(windowedTimes(3.0, 10.0, 1).size(), size_t(1));
        QVERIFY(windowedTimes(1e9, 1e-6, 1).empty()); // too many windows
        QVERIFY(windowedTimes(10.0, 0.0, 1).empty());
    }
};

QTEST_GUILESS_MAIN(FrameSamplerTest)
#include "framesamplertest.moc"
