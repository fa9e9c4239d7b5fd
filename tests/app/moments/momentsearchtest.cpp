// Moment search end to end (issue 22): held-out multi-shot videos of the
// synthetic world written as H.264 at test time, indexed with
// `mplug2 index --moments`, searched with `mplug2 search --moments` by the
// caption of one shot. A query describes exactly one shot of the whole
// gallery; the first hit must be that video, at IoU >= 0.5 with the true
// shot, for >= 90% of the queries. Also: the exports carry the times, and a
// moment search on an index without moments says what to do.

#include "app/demo/demomedia.h"
#include "model/synthetic/multishot.h"
#include "model/synthetic/scenetext.h"
#include "tests/app/clirunner.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace mplug2;
using namespace mplug2::model::synthetic;

namespace {

constexpr uint64_t kSeed = 4409;

double iou(double a0, double a1, double b0, double b1)
{
    const double inter = std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
    const double uni = std::max(a1, b1) - std::min(a0, b0);
    return uni > 0 ? inter / uni : 0;
}

/// What a shot shows, as a query can tell it: one shape with its motion, or
/// two shapes in either order (captions name them left to right, which a
/// reader of "a red circle and a blue square" does not take as a claim).
QString contentKey(const Scene &scene)
{
    if (scene.shapes.size() == 1)
        return QString::fromStdString(caption(scene));
    QStringList names;
    for (const SceneShape &s : scene.shapes)
        names << QStringLiteral("%1 %2").arg(QString::fromStdString(std::string(colourName(s.colour))),
            QString::fromStdString(std::string(shapeName(s.kind))));
    names.sort();
    return names.join(QStringLiteral(" + "));
}

struct Shot {
    QString content;
    QString path;
    double start = 0;
    double end = 0;
};

} // namespace

class MomentSearchTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsTheShotAQueryDescribes();
    void exportsCarryTheTimes();
    void aMomentSearchWithoutMomentsSaysWhatToDo();
    void denseCaptionsByShotCaptionEachShot();
    void momentsCarryTheirOwnCaptions();
    void aOneFrameVideoIsOneMomentAndIsNotDoneAgain();

private:
    test::CliRun run(const QStringList &args, int timeoutMs = 600000) const
    {
        return test::runCli(args, m_dir.path(), timeoutMs, test::DataDir::Bundled);
    }

    QTemporaryDir m_dir;
    QString m_db;
    QString m_gallery;
    QHash<QString, QList<Shot>> m_shotsByCaption;
    QHash<QString, int> m_shotsByContent;
    MultiShotVideo m_firstVideo;
};

void MomentSearchTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_gallery = m_dir.filePath(QStringLiteral("gallery"));
    QVERIFY(QDir().mkpath(m_gallery));
    m_db = m_dir.filePath(QStringLiteral("index.sqlite"));
    const int count = qEnvironmentVariableIntValue("MPLUG2_MOMENT_VIDEOS") > 0
        ? qEnvironmentVariableIntValue("MPLUG2_MOMENT_VIDEOS")
        : 200;
    // Two thirds of the world's descriptions may occur at most once in the
    // gallery (the queries come from those that do); the rest fill the other
    // shots, many times each, as distractors.
    QSet<QString> once;
    QSet<QString> used;
    {
        QStringList keys;
        for (ShapeKind k : kShapeKinds)
            for (Colour c : kColours)
                for (Motion m : kMotions)
                    keys << QString::fromStdString(oneShapeCaption(k, c, m, true));
        QStringList singles;
        for (ShapeKind k : kShapeKinds)
            for (Colour c : kColours)
                singles << QStringLiteral("%1 %2").arg(QString::fromStdString(std::string(colourName(c))),
                    QString::fromStdString(std::string(shapeName(k))));
        singles.sort();
        for (qsizetype a = 0; a < singles.size(); ++a)
            for (qsizetype b = a + 1; b < singles.size(); ++b)
                keys << singles.at(a) + QStringLiteral(" + ") + singles.at(b);
        SceneRandom pick(kSeed, 7);
        for (qsizetype i = keys.size() - 1; i > 0; --i)
            keys.swapItemsAt(i, qsizetype(pick.integer(0, int(i))));
        for (qsizetype i = 0; i < keys.size() * 2 / 3; ++i)
            once.insert(keys.at(i));
    }
    const std::vector<MultiShotVideo> videos
        = heldOutMultiShotVideos(kSeed, count, {}, [&](const Scene &shot) {
              const QString key = contentKey(shot);
              if (!once.contains(key))
                  return true;
              if (used.contains(key))
                  return false;
              used.insert(key);
              return true;
          });
    m_firstVideo = videos.front();
    for (size_t v = 0; v < videos.size(); ++v) {
        const QString path
            = QDir(m_gallery).filePath(QStringLiteral("video-%1.mp4").arg(v, 3, 10, QLatin1Char('0')));
        QVERIFY2(app::writeMultiShotFile(videos[v], path).hasValue(), qPrintable(path));
        for (size_t s = 0; s < videos[v].shots.size(); ++s)
            ++m_shotsByContent[contentKey(videos[v].shots[s])];
        for (size_t s = 0; s < videos[v].shots.size(); ++s)
            m_shotsByCaption[QString::fromStdString(caption(videos[v].shots[s]))].append(
                {contentKey(videos[v].shots[s]), path, videos[v].shotStartSeconds(int(s)),
                    videos[v].shotEndSeconds(int(s))});
    }
    const test::CliRun indexed = run({QStringLiteral("index"), QStringLiteral("--db"), m_db,
        QStringLiteral("--moments"), QStringLiteral("--json"), m_gallery});
    QVERIFY2(indexed.exitCode == 0, qPrintable(indexed.err));
    const QJsonObject summary = QJsonDocument::fromJson(indexed.out.toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("indexed")).toInt(), count);
    const QJsonObject moments = summary.value(QStringLiteral("moments")).toObject();
    QCOMPARE(moments.value(QStringLiteral("videos")).toInt(), count);
    qInfo("%d videos, %d moments, %.1f MB in %.1f s", count, moments.value(QStringLiteral("moments")).toInt(),
        moments.value(QStringLiteral("bytes")).toDouble() / 1e6,
        summary.value(QStringLiteral("seconds")).toDouble());
    QVERIFY(moments.value(QStringLiteral("moments")).toInt() >= count * 2);
    // A vector per video and one per moment, all stored in this run.
    QCOMPARE(summary.value(QStringLiteral("embeddings")).toInt(),
        count + moments.value(QStringLiteral("moments")).toInt());
    QVERIFY(summary.value(QStringLiteral("embeddings_per_second")).toDouble() > 0);
}

void MomentSearchTest::findsTheShotAQueryDescribes()
{
    QStringList queries;
    for (auto it = m_shotsByCaption.constBegin(); it != m_shotsByCaption.constEnd(); ++it)
        if (it.value().size() == 1 && m_shotsByContent.value(it.value().first().content) == 1)
            queries << it.key();
    queries.sort();
    qInfo("%d queries describe exactly one shot", int(queries.size()));
    QVERIFY(queries.size() >= 50);
    QStringList args {QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("--moments"),
        QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--json")};
    for (const QString &q : std::as_const(queries))
        args << QStringLiteral("--text") << q;
    const test::CliRun searched = run(args);
    QVERIFY2(searched.exitCode == 0, qPrintable(searched.err));
    const QStringList lines = searched.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), queries.size());
    int right = 0;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const QJsonObject result = QJsonDocument::fromJson(lines.at(i).toUtf8()).object();
        const QJsonObject best = result.value(QStringLiteral("results")).toArray().at(0).toObject();
        const Shot truth = m_shotsByCaption.value(queries.at(i)).first();
        const double overlap = iou(best.value(QStringLiteral("start")).toDouble(),
            best.value(QStringLiteral("end")).toDouble(), truth.start, truth.end);
        const bool hit = best.value(QStringLiteral("media")).toString() == truth.path && overlap >= 0.5;
        right += hit ? 1 : 0;
        if (!hit)
            qInfo("miss: \"%s\" -> %s %.2f-%.2f (want %s %.2f-%.2f)", qPrintable(queries.at(i)),
                qPrintable(QFileInfo(best.value(QStringLiteral("media")).toString()).fileName()),
                best.value(QStringLiteral("start")).toDouble(), best.value(QStringLiteral("end")).toDouble(),
                qPrintable(QFileInfo(truth.path).fileName()), truth.start, truth.end);
    }
    qInfo("%d of %d queries land on their shot (%.1f%%)", right, int(queries.size()),
        100.0 * right / queries.size());
    QVERIFY2(
        right >= 0.9 * queries.size(), qPrintable(QStringLiteral("%1 of %2").arg(right).arg(queries.size())));
}

void MomentSearchTest::exportsCarryTheTimes()
{
    const QString query = m_shotsByCaption.constBegin().key();
    const test::CliRun searched
        = run({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("--moments"),
            QStringLiteral("--top"), QStringLiteral("3"), QStringLiteral("--text"), query});
    QVERIFY2(searched.exitCode == 0, qPrintable(searched.err));
    // Plain output: rank, score, path and the moment's range.
    QVERIFY2(searched.out.contains(
                 QRegularExpression(QStringLiteral("video-\\d+\\.mp4  \\d+\\.\\d\\d-\\d+\\.\\d\\d s"))),
        qPrintable(searched.out));
}

void MomentSearchTest::aMomentSearchWithoutMomentsSaysWhatToDo()
{
    QTemporaryDir other;
    const QString db = other.filePath(QStringLiteral("plain.sqlite"));
    const QString one = QDir(m_gallery).filePath(QStringLiteral("video-000.mp4"));
    QVERIFY(QFile::copy(one, other.filePath(QStringLiteral("one.mp4"))));
    const test::CliRun indexed = run({QStringLiteral("index"), QStringLiteral("--db"), db, other.path()});
    QVERIFY2(indexed.exitCode == 0, qPrintable(indexed.err));
    const test::CliRun searched = run({QStringLiteral("search"), QStringLiteral("--db"), db,
        QStringLiteral("--moments"), QStringLiteral("--text"), QStringLiteral("a red circle")});
    QVERIFY(searched.exitCode != 0);
    QVERIFY2(searched.err.contains(QStringLiteral("--moments")), qPrintable(searched.err));
    // Indexing again with moments does the video again (it had none), and then the search works.
    const test::CliRun again = run({QStringLiteral("index"), QStringLiteral("--db"), db,
        QStringLiteral("--moments"), QStringLiteral("--json"), other.path()});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(
        QJsonDocument::fromJson(again.out.toUtf8()).object().value(QStringLiteral("indexed")).toInt(), 1);
    const test::CliRun found
        = run({QStringLiteral("search"), QStringLiteral("--db"), db, QStringLiteral("--moments"),
            QStringLiteral("--json"), QStringLiteral("--text"), QStringLiteral("a red circle")});
    QVERIFY2(found.exitCode == 0, qPrintable(found.err));
    const QJsonArray hits
        = QJsonDocument::fromJson(found.out.toUtf8()).object().value(QStringLiteral("results")).toArray();
    QVERIFY(!hits.isEmpty());
    for (const QJsonValue &h : hits) {
        const QJsonObject o = h.toObject();
        QVERIFY(o.contains(QStringLiteral("start")) && o.contains(QStringLiteral("end")));
        QVERIFY(o.value(QStringLiteral("end")).toDouble() > o.value(QStringLiteral("start")).toDouble());
    }
}

void MomentSearchTest::denseCaptionsByShotCaptionEachShot()
{
    // One one-shape video of three shots: a caption per shot, cut where the shots are.
    SceneRandom random(kSeed, 11);
    MultiShotRanges ranges;
    ranges.minShots = ranges.maxShots = 3;
    ranges.twoShapeShare = 0;
    const MultiShotVideo video = sampleMultiShot(random, ranges);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("three-shots.mp4"));
    QVERIFY(app::writeMultiShotFile(video, path).hasValue());
    const test::CliRun captioned
        = run({QStringLiteral("dense-caption"), QStringLiteral("--by-shot"), QStringLiteral("--json"), path});
    QVERIFY2(captioned.exitCode == 0, qPrintable(captioned.err));
    const QJsonArray segments = QJsonDocument::fromJson(captioned.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("segments"))
                                    .toArray();
    QCOMPARE(segments.size(), 3);
    for (int s = 0; s < 3; ++s) {
        const QJsonObject seg = segments.at(s).toObject();
        QVERIFY2(std::abs(seg.value(QStringLiteral("start")).toDouble() - video.shotStartSeconds(s))
                <= 0.25 + 1e-6,
            qPrintable(QJsonDocument(seg).toJson()));
        QCOMPARE(seg.value(QStringLiteral("text")).toString(),
            QString::fromStdString(caption(video.shots[size_t(s)])));
    }
    const test::CliRun mixed = run({QStringLiteral("dense-caption"), QStringLiteral("--by-shot"),
        QStringLiteral("--stride"), QStringLiteral("2"), path});
    QCOMPARE(mixed.exitCode, 2);
}

void MomentSearchTest::momentsCarryTheirOwnCaptions()
{
    // index --moments --captions: each moment is captioned on its own, and a moment hit shows its caption.
    QTemporaryDir other;
    const QString db = other.filePath(QStringLiteral("captioned.sqlite"));
    QVERIFY(QDir().mkpath(other.filePath(QStringLiteral("v"))));
    QVERIFY(QFile::copy(QDir(m_gallery).filePath(QStringLiteral("video-000.mp4")),
        other.filePath(QStringLiteral("v/a.mp4"))));
    const test::CliRun indexed = run({QStringLiteral("index"), QStringLiteral("--db"), db,
        QStringLiteral("--moments"), QStringLiteral("--captions"), other.filePath(QStringLiteral("v"))});
    QVERIFY2(indexed.exitCode == 0, qPrintable(indexed.err));
    const int last = int(m_firstVideo.shots.size()) - 1;
    const QString want = QString::fromStdString(caption(m_firstVideo.shots[size_t(last)]));
    const test::CliRun found = run({QStringLiteral("search"), QStringLiteral("--db"), db,
        QStringLiteral("--moments"), QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--json"),
        QStringLiteral("--text"), want});
    QVERIFY2(found.exitCode == 0, qPrintable(found.err));
    const QJsonObject best = QJsonDocument::fromJson(found.out.toUtf8())
                                 .object()
                                 .value(QStringLiteral("results"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(best.value(QStringLiteral("caption")).toString(), want);
    QVERIFY(iou(best.value(QStringLiteral("start")).toDouble(), best.value(QStringLiteral("end")).toDouble(),
                m_firstVideo.shotStartSeconds(last), m_firstVideo.shotEndSeconds(last))
        >= 0.5);
}

void MomentSearchTest::aOneFrameVideoIsOneMomentAndIsNotDoneAgain()
{
    QTemporaryDir other;
    QVERIFY(QDir().mkpath(other.filePath(QStringLiteral("v"))));
    MultiShotVideo one = m_firstVideo;
    one.shots.resize(1);
    one.firstFrames.resize(1);
    one.shots.front().frameCount = 1;
    QVERIFY(app::writeMultiShotFile(one, other.filePath(QStringLiteral("v/one-frame.mp4"))).hasValue());
    const QString db = other.filePath(QStringLiteral("one.sqlite"));
    const QStringList index {QStringLiteral("index"), QStringLiteral("--db"), db, QStringLiteral("--moments"),
        QStringLiteral("--json"), other.filePath(QStringLiteral("v"))};
    const test::CliRun first = run(index);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QJsonObject summary = QJsonDocument::fromJson(first.out.toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("indexed")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("moments")).toObject().value(QStringLiteral("moments")).toInt(), 1);
    const test::CliRun again = run(index);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(
        QJsonDocument::fromJson(again.out.toUtf8()).object().value(QStringLiteral("indexed")).toInt(), 0);
}

QTEST_GUILESS_MAIN(MomentSearchTest)
#include "momentsearchtest.moc"
