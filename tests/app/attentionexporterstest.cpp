// The attention exporters (PNG per token/frame, contact sheet, GIF, MP4) and
// the HTML report: files decoded back (Qt for PNG, ffprobe/ffmpeg for GIF
// and MP4) and checked for the heat where the maps put it.
#include "app/export/exporter.h"
#include "tests/app/exportertestdata.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

namespace {

QString runTool(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("FAILED: ") + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

/// Jet at full heat is red, at no heat blue: a hot patch is redder than it is blue.
bool isHot(const QImage &image, int x, int y)
{
    const QColor c = image.pixelColor(x, y);
    return c.red() > c.blue() + 30;
}
bool isCold(const QImage &image, int x, int y)
{
    const QColor c = image.pixelColor(x, y);
    return c.blue() > c.red() + 30;
}

} // namespace

class AttentionExportersTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ExportInput m_input;

    Expected<QStringList> write(const QString &id, const QString &name)
    {
        return findExporter(id)->write(m_input, m_dir.filePath(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_input.results = {test::attentionResult()};
    }

    void pngPerTokenAndFrameShowsTheHeatWhereTheMapPutsIt()
    {
        const Expected<QStringList> files = write(QStringLiteral("attention-png"), QStringLiteral("png"));
        QVERIFY2(files, files ? "" : files.error().message.c_str());
        QCOMPARE(files->size(), 6); // (mean + 2 tokens) x 2 frames
        const QString red0 = m_dir.filePath(QStringLiteral("png/00-red_frame00.png"));
        const QString circle1 = m_dir.filePath(QStringLiteral("png/01-circle_frame01.png"));
        QVERIFY(files->contains(red0));
        QVERIFY(files->contains(m_dir.filePath(QStringLiteral("png/mean_frame01.png"))));
        QImage a(red0);
        QCOMPARE(a.size(), QSize(64, 64));
        QVERIFY(isHot(a, 8, 8)); // top-left patch of frame 0
        QVERIFY(isCold(a, 56, 56));
        QImage b(circle1);
        QVERIFY(isHot(b, 56, 56)); // bottom-right patch of frame 1
        QVERIFY(isCold(b, 8, 8));
        // "red" looked at frame 0 only: its frame 1 is cold everywhere, scaled by the same peak.
        QImage c(m_dir.filePath(QStringLiteral("png/00-red_frame01.png")));
        QVERIFY(isCold(c, 8, 8));
    }

    void occlusionAloneIsExportedAsItsOwnMap()
    {
        // Occlusion puts "red" on the bottom-right patch of frame 1, where attention has "circle".
        ExportInput input = m_input;
        app::AttentionMaps &maps = *input.results.first().attention;
        maps.crossAttention.clear();
        const int n = 1 + 2 * 16;
        for (int t = 0; t < 2; ++t)
            for (int v = 0; v < n; ++v)
                maps.occlusion.append(v == 1 + 16 + 15 ? 2.f : -0.5f);
        input.attention.method = app::AttentionMethod::Occlusion;
        input.attention.token = 0;
        const Expected<QStringList> files = findExporter(QStringLiteral("attention-png"))
                                                ->write(input, m_dir.filePath(QStringLiteral("occlusion")));
        QVERIFY2(files, files ? "" : files.error().message.c_str());
        QCOMPARE(files->size(), 2);
        QImage frame1(files->at(1));
        QVERIFY(isHot(frame1, 56, 56));
        QVERIFY(isCold(frame1, 8, 8));
        QVERIFY(isCold(QImage(files->at(0)), 8, 8));
    }

    void oneChosenTokenWritesOnlyItsFrames()
    {
        ExportInput one = m_input;
        one.attention.token = 1;
        const Expected<QStringList> files = findExporter(QStringLiteral("attention-png"))
                                                ->write(one, m_dir.filePath(QStringLiteral("one")));
        QVERIFY(files);
        QCOMPARE(files->size(), 2);
        QVERIFY(files->at(0).endsWith(QStringLiteral("01-circle_frame00.png")));
    }

    void contactSheetStacksPlainAndOverlaidRows()
    {
        const Expected<QStringList> files
            = write(QStringLiteral("contact-sheet"), QStringLiteral("sheet.png"));
        QVERIFY2(files, files ? "" : files.error().message.c_str());
        QImage sheet(files->at(0));
        QVERIFY(!sheet.isNull());
        // 4 rows (plain, mean, red, circle) of 160 px and 6 px gaps, 2 frames wide.
        QCOMPARE(sheet.height(), 4 * 160 + 5 * 6);
        QCOMPARE(sheet.width(), 2 * 160 + 6 + 2 * 6);
        const QColor plain = sheet.pixelColor(6 + 80, 6 + 80);
        QCOMPARE(plain, QColor(128, 128, 128));
        QVERIFY(isHot(sheet, 6 + 20, 2 * (160 + 6) + 6 + 20)); // "red" row, frame 0, top-left
    }

    void gifAndMp4DecodeBackWithOneFramePerSampledFrame()
    {
        m_input.attention.token = 0;
        const Expected<QStringList> gif = write(QStringLiteral("gif"), QStringLiteral("a.gif"));
        const Expected<QStringList> mp4 = write(QStringLiteral("mp4"), QStringLiteral("a.mp4"));
        m_input.attention.token = -1;
        QVERIFY2(gif, gif ? "" : gif.error().message.c_str());
        QVERIFY2(mp4, mp4 ? "" : mp4.error().message.c_str());
        for (const QString &file : {gif->at(0), mp4->at(0)}) {
            const QString probe = runTool(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                    QStringLiteral("-select_streams"), QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                    QStringLiteral("stream=codec_name,width,height,nb_read_frames"), QStringLiteral("-of"),
                    QStringLiteral("csv=p=0"), file});
            QVERIFY2(probe.endsWith(QStringLiteral(",64,64,2")), qPrintable(file + u' ' + probe));
        }
        // The MP4's first frame, decoded by ffmpeg, still shows the heat in the top-left patch.
        const QString png = m_dir.filePath(QStringLiteral("mp4frame.png"));
        runTool(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), mp4->at(0),
                QStringLiteral("-frames:v"), QStringLiteral("1"), png});
        QImage first(png);
        QVERIFY(!first.isNull());
        QVERIFY(isHot(first, 8, 8));
        QVERIFY(isCold(first, 56, 56));
    }

    void imageExportsNeedAttentionAndFrames()
    {
        ExportInput noFrames = m_input;
        noFrames.results[0].frames.clear();
        ExportInput noMaps = m_input;
        noMaps.results[0].attention.reset();
        for (const char *id : {"attention-png", "contact-sheet", "gif", "mp4"}) {
            const Exporter *e = findExporter(QString::fromLatin1(id));
            const Expected<QStringList> a
                = e->write(noFrames, m_dir.filePath(QStringLiteral("x1.") + e->suffix()));
            QVERIFY(!a);
            QVERIFY2(QString::fromStdString(a.error().message).contains(QStringLiteral("frames")),
                a.error().message.c_str());
            const Expected<QStringList> b
                = e->write(noMaps, m_dir.filePath(QStringLiteral("x2.") + e->suffix()));
            QVERIFY(!b);
            QVERIFY2(QString::fromStdString(b.error().message).contains(QStringLiteral("attention")),
                b.error().message.c_str());
        }
    }

    void htmlReportIsSelfContainedAndEscaped()
    {
        ExportInput input;
        input.results = {test::attentionResult(), test::answerResult(), test::denseResult()};
        // SentencePiece spelling: the figure says "red", not "▁red".
        input.results[0].attention->tokens[0] = QStringLiteral("\u2581red");
        input.title = QStringLiteral("<Report & co>");
        const Expected<QStringList> files
            = findExporter(QStringLiteral("html"))->write(input, m_dir.filePath(QStringLiteral("r.html")));
        QVERIFY2(files, files ? "" : files.error().message.c_str());
        QFile f(files->at(0));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<title>&lt;Report &amp; co&gt;</title>")));
        QVERIFY(html.contains(QStringLiteral("shapes &lt;b&gt;clip&lt;/b&gt;.mp4")));
        QVERIFY(!html.contains(QStringLiteral("<b>clip</b>")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("src=\"http")));
        QVERIFY(html.contains(QStringLiteral("what color is the circle?")));
        QVERIFY(html.contains(QStringLiteral("01:00:25.500")));
        QVERIFY(html.contains(QStringLiteral("<figcaption>circle</figcaption>")));
        QVERIFY(html.contains(QStringLiteral("<figcaption>red</figcaption>")));
        QVERIFY(!html.contains(QChar(0x2581)));
        // Every embedded image is a PNG that decodes: the thumbnail and 3 attention strips.
        static const QRegularExpression img(
            QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
        int images = 0;
        for (const QRegularExpressionMatch &m : img.globalMatch(html)) {
            QImage decoded;
            QVERIFY(decoded.loadFromData(QByteArray::fromBase64(m.captured(1).toLatin1()), "PNG"));
            ++images;
        }
        QCOMPARE(images, 4);
    }
};

QTEST_GUILESS_MAIN(AttentionExportersTest)
#include "attentionexporterstest.moc"
