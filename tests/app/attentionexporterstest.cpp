// The attention exporters (PNG per token/frame, contact sheet, GIF, MP4) and
// the HTML report: files decoded back (Qt for PNG, ffprobe/ffmpeg for GIF
// and MP4) and checked for the heat where the maps put it, the colour scale
// under the maps and the contact sheet's labels.
//
// A QGuiApplication (offscreen), as in the app and the CLI's attention
// command: Qt draws the figures' text only with one.
#include "app/export/exporter.h"
#include "media/render/heatmapoverlay.h"
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

const QColor kBackground(24, 24, 24);

/// Text on the figures' dark background: light grey pixels.
bool isInk(const QColor &c)
{
    return std::min({c.red(), c.green(), c.blue()}) > 100
        && std::max({c.red(), c.green(), c.blue()}) - std::min({c.red(), c.green(), c.blue()}) < 40;
}

int inkIn(const QImage &image, const QRect &area)
{
    int ink = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            ink += isInk(image.pixelColor(x, y)) ? 1 : 0;
    return ink;
}

/// The 256 levels of a colormap as media/'s heatmap renderer, which draws the overlays, colours them.
QList<QColor> colormapLevels(media::Colormap colormap)
{
    std::vector<float> ramp(256);
    for (int i = 0; i < 256; ++i)
        ramp[size_t(i)] = float(i) / 255.f;
    media::HeatmapStyle style;
    style.colormap = colormap;
    style.normalize = false;
    style.smooth = false;
    const Expected<media::RgbImage> rendered = media::renderHeatmap(ramp, 1, 256, 256, 1, style);
    QList<QColor> levels;
    for (int i = 0; rendered && i < 256; ++i)
        levels.append(QColor(rendered->at(i, 0)[0], rendered->at(i, 0)[1], rendered->at(i, 0)[2]));
    return levels;
}

/// Whether row `y` holds a run of at least `minRun` pixels that are the
/// colormap's colours going from its lowest tenth (left) to its highest
/// tenth (right) without going back.
bool rowFollowsColormap(const QImage &image, int y, const QList<QColor> &levels, int minRun)
{
    int runStart = -1;
    int first = 0;
    int last = 0;
    for (int x = 0; x <= image.width(); ++x) {
        int best = -1;
        int distance = 1 << 30;
        if (x < image.width()) {
            const QColor c = image.pixelColor(x, y);
            for (int i = 0; i < int(levels.size()); ++i) {
                const QColor &l = levels.at(i);
                const int d = std::abs(c.red() - l.red()) + std::abs(c.green() - l.green())
                    + std::abs(c.blue() - l.blue());
                if (d < distance) {
                    distance = d;
                    best = i;
                }
            }
        }
        const bool onRamp = best >= 0 && distance <= 12 && (runStart < 0 || best + 2 >= last);
        if (onRamp) {
            if (runStart < 0) {
                runStart = x;
                first = best;
            }
            last = best;
            continue;
        }
        if (runStart >= 0 && x - runStart >= minRun && first <= 25 && last >= 230)
            return true;
        runStart = -1;
    }
    return false;
}

/// The first row at or below `from` that is a colour scale of `levels`, or -1.
int colourScaleRow(const QImage &image, int from, const QList<QColor> &levels, int minRun)
{
    for (int y = from; y < image.height(); ++y)
        if (rowFollowsColormap(image, y, levels, minRun))
            return y;
    return -1;
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
        QCOMPARE(a.width(), 64);
        QVERIFY(a.height() > 64); // the colour scale under the frame
        QVERIFY(isHot(a, 8, 8)); // top-left patch of frame 0
        QVERIFY(isCold(a, 56, 56));
        QImage b(circle1);
        QVERIFY(isHot(b, 56, 56)); // bottom-right patch of frame 1
        QVERIFY(isCold(b, 8, 8));
        // "red" looked at frame 0 only: its frame 1 is cold everywhere, scaled by the same peak.
        QImage c(m_dir.filePath(QStringLiteral("png/00-red_frame01.png")));
        QVERIFY(isCold(c, 8, 8));
    }

    void pngCarriesAColourScaleOfItsColormap_data()
    {
        QTest::addColumn<QString>("colormap");
        QTest::addColumn<int>("levels");
        QTest::newRow("jet") << QStringLiteral("jet") << int(media::Colormap::Jet);
        QTest::newRow("inferno") << QStringLiteral("inferno") << int(media::Colormap::Inferno);
    }

    void pngCarriesAColourScaleOfItsColormap()
    {
        QFETCH(QString, colormap);
        QFETCH(int, levels);
        ExportInput input = m_input;
        input.attention.colormap = colormap;
        input.attention.token = 0;
        const Expected<QStringList> files
            = findExporter(QStringLiteral("attention-png"))
                  ->write(input, m_dir.filePath(QStringLiteral("scale-") + colormap));
        QVERIFY2(files, files ? "" : files.error().message.c_str());
        const QImage figure(files->at(0));
        // Under the 64 px frame: a bar of the overlay's colormap, low on the left, high on the right,
        // across most of the width, and the words for its ends under it.
        const QList<QColor> expected = colormapLevels(media::Colormap(levels));
        const int bar = colourScaleRow(figure, 64, expected, 48);
        QVERIFY2(bar >= 64, qPrintable(QStringLiteral("no %1 scale under the frame").arg(colormap)));
        QVERIFY(inkIn(figure, QRect(0, bar + 1, 64, figure.height() - bar - 1)) > 10);
        // Another colormap is not mistaken for this one.
        const QList<QColor> other
            = colormapLevels(media::Colormap(levels) == media::Colormap::Jet ? media::Colormap::Inferno
                                                                             : media::Colormap::Jet);
        QCOMPARE(colourScaleRow(figure, 64, other, 48), -1);
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

    void contactSheetLabelsItsRowsAndColumns()
    {
        const Expected<QStringList> files
            = write(QStringLiteral("contact-sheet"), QStringLiteral("sheet.png"));
        QVERIFY2(files, files ? "" : files.error().message.c_str());
        QImage sheet(files->at(0));
        QVERIFY(!sheet.isNull());
        // The plain frames (grey: a run of 40 grey pixels, which no text has) start right of the token
        // labels and under the frame labels.
        const auto greyRun = [&sheet](int x, int y) {
            for (int i = 0; i < 40; ++i)
                if (x + i >= sheet.width() || sheet.pixelColor(x + i, y) != QColor(128, 128, 128))
                    return false;
            return true;
        };
        QPoint first(-1, -1);
        for (int y = 0; y < sheet.height() && first.y() < 0; ++y)
            for (int x = 0; x < sheet.width(); ++x)
                if (greyRun(x, y)) {
                    first = QPoint(x, y);
                    break;
                }
        const int left = first.x();
        const int top = first.y();
        QVERIFY2(left > 6 + 24, qPrintable(QStringLiteral("no label column: frames at x = %1").arg(left)));
        QVERIFY2(top > 6 + 8, qPrintable(QStringLiteral("no frame labels: frames at y = %1").arg(top)));
        // 4 rows (plain, mean, red, circle) of 160 px and 6 px gaps, 2 frames wide, the scale under them.
        QCOMPARE(sheet.width(), left + 2 * 160 + 6 + 6);
        QVERIFY(sheet.height() > top + 4 * (160 + 6));
        QVERIFY(isHot(sheet, left + 20, top + 2 * (160 + 6) + 20)); // "red" row, frame 0, top-left

        // Each row's label is drawn left of it, and each differs ("frames", "all tokens", "red", "circle").
        QList<QImage> rowLabels;
        for (int row = 0; row < 4; ++row) {
            const QRect area(0, top + row * (160 + 6), left - 1, 160);
            QVERIFY2(inkIn(sheet, area) > 10, qPrintable(QStringLiteral("row %1 has no label").arg(row)));
            rowLabels.append(sheet.copy(area));
        }
        for (int a = 0; a < 4; ++a)
            for (int b = a + 1; b < 4; ++b)
                QVERIFY2(rowLabels.at(a) != rowLabels.at(b),
                    qPrintable(QStringLiteral("rows %1, %2").arg(a).arg(b)));
        // Each column's frame label over it: "Frame 1", "Frame 2".
        const QRect column0(left, 0, 160, top - 1);
        const QRect column1(left + 166, 0, 160, top - 1);
        QVERIFY(inkIn(sheet, column0) > 10);
        QVERIFY(inkIn(sheet, column1) > 10);
        QVERIFY(sheet.copy(column0) != sheet.copy(column1));
        // The colour scale under the rows, across most of their width.
        QVERIFY(colourScaleRow(sheet, top + 4 * (160 + 6), colormapLevels(media::Colormap::Jet), 250) > 0);
    }

    void contactSheetLabelsTokensAsWords()
    {
        // SentencePiece's "▁red" is labelled "red": the same sheet as for the token "red".
        ExportInput pieces = m_input;
        pieces.results[0].attention->tokens = {QStringLiteral("\u2581red"), QStringLiteral("\u2581circle")};
        ExportInput words = m_input;
        ExportInput other = m_input;
        other.results[0].attention->tokens[0] = QStringLiteral("blue");
        QList<QImage> sheets;
        for (const ExportInput *input : {&pieces, &words, &other}) {
            const QString path = m_dir.filePath(QStringLiteral("words%1.png").arg(sheets.size()));
            const Expected<QStringList> files
                = findExporter(QStringLiteral("contact-sheet"))->write(*input, path);
            QVERIFY2(files, files ? "" : files.error().message.c_str());
            sheets.append(QImage(path));
        }
        QCOMPARE(sheets.at(0), sheets.at(1));
        QVERIFY(sheets.at(2) != sheets.at(1)); // the label follows the token
    }

    void contactSheetColumnsSayWhenTheirFramesAre()
    {
        // A video's frames at 0.5 s and 1.5 s: their labels say so ("Frame 1 · 0.50 s"), and
        // nothing but the labels over the columns changes.
        ExportInput timed = m_input;
        timed.results[0].geometry.frameTimes = {0.5, 1.5};
        QList<QImage> sheets;
        for (const ExportInput *input : {&m_input, &timed}) {
            const QString path = m_dir.filePath(QStringLiteral("times%1.png").arg(sheets.size()));
            const Expected<QStringList> files
                = findExporter(QStringLiteral("contact-sheet"))->write(*input, path);
            QVERIFY2(files, files ? "" : files.error().message.c_str());
            sheets.append(QImage(path));
        }
        QCOMPARE(sheets.at(0).size(), sheets.at(1).size());
        int firstDifferent = -1;
        int lastDifferent = -1;
        for (int y = 0; y < sheets.at(0).height(); ++y)
            for (int x = 0; x < sheets.at(0).width(); ++x)
                if (sheets.at(0).pixel(x, y) != sheets.at(1).pixel(x, y)) {
                    firstDifferent = firstDifferent < 0 ? y : firstDifferent;
                    lastDifferent = y;
                }
        QVERIFY2(firstDifferent >= 0, "the frames' times are not on the sheet");
        QVERIFY2(lastDifferent < 30, qPrintable(QStringLiteral("row %1 changed").arg(lastDifferent)));
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
            // 64 px wide, taller than the frame by the colour scale, 2 frames.
            static const QRegularExpression size(QStringLiteral(",64,(\\d+),2$"));
            const QRegularExpressionMatch m = size.match(probe);
            QVERIFY2(m.hasMatch() && m.captured(1).toInt() > 64, qPrintable(file + u' ' + probe));
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

QTEST_MAIN(AttentionExportersTest)
#include "attentionexporterstest.moc"
