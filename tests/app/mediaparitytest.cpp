// The media cases of the shared fixtures (official frame indices, the
// testsrc video's 'middle' frames through the video test transform, the PNG
// through the image transform) must match: indices and decoded pixels
// exactly, video pixels within 1e-6, image pixels exactly. A doctored copy
// of the fixtures must fail.
#include "app/parity/mediaparitycases.h"
#include "tests/support/mediafactory.h"
#include "tests/support/qtestshared.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;

namespace {

// cases.json "tolerances": first rule whose text is in the key.
app::ToleranceLookup rulesOf(json::View manifest)
{
    std::vector<std::pair<std::string, double>> rules;
    for (json::View rule : manifest["tolerances"]["rules"].items())
        rules.emplace_back(rule["contains"].asString(), rule["atol"].asDouble());
    return [rules](const std::string &key) {
        for (const auto &[text, atol] : rules) {
            if (key.find(text) != std::string::npos)
                return atol;
        }
        return 1e-4;
    };
}

} // namespace

class MediaParityTest : public QObject {
    Q_OBJECT

    QString m_fixtures;
    json::Json m_manifest;

    std::map<std::string, app::MediaCaseResult> runAll(const QString &dir)
    {
        std::map<std::string, app::MediaCaseResult> results;
        for (json::View entry : json::View(m_manifest)["cases"].items()) {
            if (app::isMediaParityKind(entry["kind"].asString()))
                results[entry["kind"].asString()]
                    = app::runMediaParityCase(dir.toStdString(), entry, rulesOf(m_manifest));
        }
        return results;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        m_fixtures = shared + QStringLiteral("/fixtures");
        auto manifest = json::parseFile((m_fixtures + QStringLiteral("/cases.json")).toStdString());
        QVERIFY2(manifest, manifest ? "" : manifest.error().message.c_str());
        m_manifest = *manifest;
    }

    void everyMediaCasePasses()
    {
        const auto results = runAll(m_fixtures);
        QCOMPARE(results.size(), size_t(3));
        for (const auto &[kind, r] : results) {
            QVERIFY2(r.passed, (kind + ": " + r.message).c_str());
            QVERIFY(r.checks > 0);
            qInfo("%s: %d checks, worst max-abs-diff %g (%s)", r.id.c_str(), r.checks, r.worstDiff,
                r.worstKey.c_str());
        }
        QVERIFY(results.at("frame_indices").checks >= 22);
        QVERIFY(results.at("video_transform").worstDiff <= 1e-6);
        QCOMPARE(results.at("image_transform").worstDiff, 0.0); // bit-exact PIL bicubic
    }

    void doctoredFixturesFail()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("media")));
        for (const QString &name : {QStringLiteral("expected_media.pth"), QStringLiteral("image.png")})
            QVERIFY(QFile::copy(m_fixtures + QStringLiteral("/media/") + name,
                dir.filePath(QStringLiteral("media/") + name)));
        // One official index changed, and another video in place of testsrc.mp4.
        QFile json(m_fixtures + QStringLiteral("/media/media.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QByteArray text = json.readAll();
        const qsizetype at = text.indexOf("\"indices\": [\n    5,");
        QVERIFY(at > 0);
        text.replace(at, 19, "\"indices\": [\n    6,");
        QFile doctored(dir.filePath(QStringLiteral("media/media.json")));
        QVERIFY(doctored.open(QIODevice::WriteOnly));
        doctored.write(text);
        doctored.close();
        test::MediaFactory media(dir.filePath(QStringLiteral("media")));
        if (test::MediaFactory::ffmpeg().isEmpty())
            QSKIP("the ffmpeg command-line tool is not installed");
        QVERIFY(!media
                     .make(QStringLiteral("testsrc.mp4"),
                         {"-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "2", "-pix_fmt",
                             "yuv420p", "-c:v", "libx264"})
                     .isEmpty());

        const auto results = runAll(dir.path());
        QVERIFY(!results.at("frame_indices").passed);
        QVERIFY2(results.at("frame_indices").message.find("vlen 50") != std::string::npos,
            results.at("frame_indices").message.c_str());
        QVERIFY(!results.at("video_transform").passed);
        QVERIFY(results.at("video_transform").worstDiff > 0.1);
        QVERIFY(results.at("image_transform").passed);
    }
};

QTEST_GUILESS_MAIN(MediaParityTest)
#include "mediaparitytest.moc"
