// The attention panel on hand-made attention maps: each token looks at one
// patch of one frame, so what the panel draws can be checked against where
// the attention really is.
#include "ui/attention/attentionpanel.h"

#include "ui/attention/attentiongridview.h"
#include "ui/attention/colourscale.h"
#include "ui/attention/tokenchipbar.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QImageReader>
#include <QLabel>
#include <QLayout>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using mplug2::ui::AttentionPanel;
using mplug2::ui::FrameOverlay;

namespace {

constexpr int kFrames = 4;
constexpr int kRows = 3;
constexpr int kCols = 4;
constexpr int kLayers = 2;
constexpr int kHeads = 2;
const QStringList kTokens = {"a", "dog", "runs"};

/// Token t puts almost all its attention on patch (t, t) of frame t (layer
/// and head add a little noise so the reductions differ).
app::EngineResult makeResult()
{
    app::EngineResult result;
    result.id = 7;
    result.media = QStringLiteral("clip.mp4");
    result.items = {app::ResultItem {kTokens.join(' '), -1.5, {}, kTokens}};
    app::AttentionMaps maps;
    maps.geometry.frames = kFrames;
    maps.geometry.gridHeight = kRows;
    maps.geometry.gridWidth = kCols;
    maps.geometry.frameTimes = {0.25, 0.75, 1.25, 1.75};
    maps.tokens = kTokens;
    maps.tokenIds = {1037, 3899, 3216};
    maps.layers = kLayers;
    maps.heads = kHeads;
    const int visual = 1 + kFrames * kRows * kCols;
    for (int t = 0; t < kTokens.size(); ++t) {
        for (int l = 0; l < kLayers; ++l) {
            for (int h = 0; h < kHeads; ++h) {
                QList<float> row(visual, 0.001f * float(1 + l + h));
                row[1 + t * kRows * kCols + t * kCols + t] = 0.9f;
                maps.crossAttention.append(row);
            }
        }
    }
    result.geometry = maps.geometry;
    result.attention = maps;
    for (int f = 0; f < kFrames; ++f) {
        QImage frame(64, 48, QImage::Format_RGB888);
        frame.fill(QColor(40 * f, 90, 120));
        result.frames.append(frame);
    }
    return result;
}

QImage grabCell(AttentionPanel &panel, int frame)
{
    return panel.gridView()->cell(frame)->grab().toImage();
}

/// makeResult() answering `tokens` instead (token t looks at patch t of frame t mod 4).
app::EngineResult withTokens(const QStringList &tokens)
{
    app::EngineResult result = makeResult();
    app::AttentionMaps &maps = *result.attention;
    const int visual = 1 + kFrames * kRows * kCols;
    maps.tokens = tokens;
    maps.tokenIds = QList<qint64>(tokens.size(), 1000);
    maps.crossAttention.clear();
    for (int t = 0; t < int(tokens.size()); ++t)
        for (int layerHead = 0; layerHead < kLayers * kHeads; ++layerHead) {
            QList<float> row(visual, 0.001f);
            row[1 + (t % kFrames) * kRows * kCols + t % (kRows * kCols)] = 0.9f;
            maps.crossAttention.append(row);
        }
    result.items[0].text = tokens.join(u' ');
    return result;
}

/// `result` with the universal layer's 50 latent queries, as the released models give them.
app::EngineResult withLatents(app::EngineResult result)
{
    app::AttentionMaps &maps = *result.attention;
    maps.latents = 50;
    maps.latentHeads = 2;
    const qsizetype visual = maps.geometry.visualTokens();
    maps.latentAttention = QList<float>(maps.latentHeads * maps.latents * visual, 1.f / float(visual));
    return result;
}

QWidget *toolbar(AttentionPanel &panel)
{
    return panel.findChild<QComboBox *>(QStringLiteral("sourceCombo"))->parentWidget()->parentWidget();
}

QLabel *summaryOf(AttentionPanel &panel)
{
    return panel.findChild<QLabel *>(QStringLiteral("attentionSummary"));
}

/// Where the chips are drawn, in the panel's coordinates.
QRect chipsArea(AttentionPanel &panel)
{
    QRect area;
    for (QAbstractButton *chip : panel.tokenChips()->findChildren<QAbstractButton *>())
        if (chip->isVisible())
            area |= QRect(chip->mapTo(&panel, QPoint(0, 0)), chip->size());
    return area;
}

} // namespace

class AttentionPanelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chipsShowSentencePieceTokensAsWords()
    {
        ui::TokenChipBar bar;
        const QStringList pieces = {QStringLiteral("\u2581a"), QStringLiteral("\u2581blue"),
            QStringLiteral("\u2581"), QStringLiteral("ow")};
        bar.setTokens(pieces);
        QCOMPARE(bar.tokens(), pieces); // the tokens themselves stay as the model gave them
        QCOMPARE(bar.chip(0)->text(), QStringLiteral("a"));
        QCOMPARE(bar.chip(1)->text(), QStringLiteral("blue"));
        QCOMPARE(bar.chip(1)->accessibleName(), QStringLiteral("Token 2: blue"));
        QCOMPARE(bar.chip(2)->text(), QStringLiteral("\u2581"));
        QCOMPARE(bar.chip(3)->text(), QStringLiteral("ow"));
    }

    void aOneWordAnswerSaysOneToken()
    {
        app::EngineResult result = makeResult();
        app::AttentionMaps &maps = *result.attention;
        maps.tokens = maps.tokens.mid(0, 1);
        maps.tokenIds.resize(1);
        maps.crossAttention = maps.crossAttention.mid(0, kLayers * kHeads * (1 + kFrames * kRows * kCols));
        result.items[0].text = maps.tokens.first();
        AttentionPanel panel;
        panel.setResult(result);
        QStringList texts;
        for (QLabel *label : panel.findChildren<QLabel *>())
            texts << label->text();
        const QString all = texts.join(u'|');
        // "1 token" in English (the plural comes from the translation files, which this
        // test does not load: "token(s)" here), never "1 tokens".
        QVERIFY2(all.contains(QStringLiteral(": 1 token")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("1 tokens")), qPrintable(all));
    }

    void showsTokensAndSelectors()
    {
        AttentionPanel panel;
        QVERIFY(!panel.hasAttention());
        panel.setResult(makeResult());
        QVERIFY(panel.hasAttention());
        QCOMPARE(panel.tokenChips()->tokens(), kTokens);
        QCOMPARE(panel.gridView()->cellCount(), kFrames);
        QCOMPARE(panel.tokenChips()->chip(1)->accessibleName(), QStringLiteral("Token 2: dog"));
        auto *layers = panel.findChild<QComboBox *>(QStringLiteral("layerCombo"));
        auto *heads = panel.findChild<QComboBox *>(QStringLiteral("headCombo"));
        QCOMPARE(layers->count(), 1 + kLayers); // mean + each layer
        QCOMPARE(heads->count(), 2 + kHeads); // mean, max + each head
        // Only what was captured is offered: no Grad-CAM in these maps.
        QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("methodCombo"))->count(), 1);
    }

    void clickingATokenMovesTheOverlay()
    {
        AttentionPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setResult(makeResult());
        QSignalSpy overlays(&panel, &AttentionPanel::overlaysChanged);

        QTest::mouseClick(panel.tokenChips()->chip(1), Qt::LeftButton);
        QCOMPARE(panel.selectedToken(), 1);
        QCOMPARE(overlays.count(), 1);
        // Token 1 looked at frame 1: that frame gets the whole importance.
        const QList<float> importance = overlays.last().at(1).value<QList<float>>();
        QCOMPARE(importance.size(), kFrames);
        QVERIFY(importance.at(1) > 0.8f);
        const QImage frame1Token1 = grabCell(panel, 1);
        const QImage frame2Token1 = grabCell(panel, 2);

        QTest::mouseClick(panel.tokenChips()->chip(2), Qt::LeftButton);
        QCOMPARE(panel.selectedToken(), 2);
        QVERIFY(overlays.last().at(1).value<QList<float>>().at(2) > 0.8f);
        QVERIFY2(grabCell(panel, 1) != frame1Token1, "frame 1 should cool down when token 2 is chosen");
        QVERIFY2(grabCell(panel, 2) != frame2Token1, "frame 2 should light up when token 2 is chosen");

        // The overlay's values are the engine's reduction of the maps.
        const app::AttentionGrid expected = makeResult().attention->grid(
            app::AttentionMethod::CrossAttention, 2, app::kMeanOfLayers, app::kMeanOfHeads);
        QCOMPARE(panel.grid().values, expected.values);
    }

    void hoverShowsTheValueUnderTheCursor()
    {
        AttentionPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setResult(makeResult());
        panel.selectToken(0);
        ui::FrameView *cell = panel.gridView()->cell(0);
        const QRect image = cell->imageRect();
        // The centre of patch (0, 0) of frame 0, where token 0 looked.
        const QPoint hot(
            image.left() + image.width() / (2 * kCols), image.top() + image.height() / (2 * kRows));
        float value = 0;
        int row = -1;
        int col = -1;
        QVERIFY(cell->valueAt(hot, &value, &row, &col));
        QCOMPARE(row, 0);
        QCOMPARE(col, 0);
        QCOMPARE(value, panel.grid().at(0, 0, 0));
        QSignalSpy hovered(cell, &ui::FrameView::valueHovered);
        QTest::mouseMove(cell, hot);
        QTRY_VERIFY(!hovered.isEmpty());
        QVERIFY2(hovered.last().at(0).toString().contains(QStringLiteral("row 1")),
            qPrintable(hovered.last().at(0).toString()));
    }

    void layerHeadAndOpacityChangeTheDrawing()
    {
        AttentionPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setResult(makeResult());
        panel.selectToken(1);
        const QList<float> mean = panel.grid().values;
        auto *heads = panel.findChild<QComboBox *>(QStringLiteral("headCombo"));
        heads->setCurrentIndex(heads->findData(app::kMaxOfHeads));
        Q_EMIT heads->activated(heads->currentIndex());
        QVERIFY(panel.grid().values != mean); // max differs from mean off the peak
        const QImage before = grabCell(panel, 1);
        panel.findChild<QSlider *>(QStringLiteral("opacitySlider"))->setValue(100);
        QVERIFY(grabCell(panel, 1) != before);
        QCOMPARE(panel.exportOptions().head, app::kMaxOfHeads);
        QCOMPARE(panel.exportOptions().token, 1);
        QCOMPARE(panel.exportOptions().opacity, 1.0);
    }

    void exportsThroughTheEngineExporters()
    {
        QTemporaryDir dir;
        AttentionPanel panel;
        panel.setResult(makeResult());
        panel.selectToken(1);
        const QString sheet = dir.filePath(QStringLiteral("sheet.png"));
        const Expected<QStringList> written = panel.exportTo(QStringLiteral("contact-sheet"), sheet);
        QVERIFY2(written, written ? "" : written.error().message.c_str());
        QVERIFY(!QImage(sheet).isNull());
        const QString gif = dir.filePath(QStringLiteral("attention.gif"));
        QVERIFY(panel.exportTo(QStringLiteral("gif"), gif));
        QCOMPARE(QImageReader(gif).imageCount(), kFrames);
        QVERIFY(!panel.exportTo(QStringLiteral("no-such-format"), gif));
    }

    void aColourScaleShowsTheOverlaysColours()
    {
        AttentionPanel panel;
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *scale = panel.findChild<ui::ColourScale *>(QStringLiteral("colourScale"));
        QVERIFY2(scale, "the panel has no colour scale");
        QVERIFY(!scale->isVisible()); // nothing shown, nothing to explain
        panel.setResult(makeResult());
        panel.selectToken(0);
        QTRY_VERIFY(scale->isVisible());
        QCOMPARE(scale->lowText(), QStringLiteral("low"));
        QCOMPARE(scale->highText(), QStringLiteral("high attention"));

        // Its ends are the colours of the overlay where the map is lowest and highest: token 0 looked
        // at patch (0, 0) of frame 0 (a 3 x 4 grid over a 256 x 192 overlay) and not at patch (2, 3).
        const auto ends = [scale] {
            const QImage shown = scale->grab().toImage();
            const QRect ramp = scale->rampRect();
            return std::pair {shown.pixelColor(ramp.left(), ramp.center().y()),
                shown.pixelColor(ramp.right(), ramp.center().y())};
        };
        const auto near = [](const QColor &a, const QColor &b) {
            return std::abs(a.red() - b.red()) <= 12 && std::abs(a.green() - b.green()) <= 12
                && std::abs(a.blue() - b.blue()) <= 12;
        };
        const auto check = [&](const char *colormap) {
            const QImage heat = panel.overlays().at(0).heat;
            const QColor hot = heat.pixelColor(heat.width() / 8, heat.height() / 6);
            const QColor cold = heat.pixelColor(heat.width() * 7 / 8, heat.height() * 5 / 6);
            const auto [low, high] = ends();
            QVERIFY2(near(low, cold),
                qPrintable(QStringLiteral("%1: low end %2, coldest overlay %3")
                               .arg(colormap, low.name(), cold.name())));
            QVERIFY2(near(high, hot),
                qPrintable(QStringLiteral("%1: high end %2, hottest overlay %3")
                               .arg(colormap, high.name(), hot.name())));
        };
        check("jet");
        if (QTest::currentTestFailed())
            return;
        const QColor jetHigh = ends().second;

        // Another colormap: the scale follows it.
        auto *colours = panel.findChild<QComboBox *>(QStringLiteral("colormapCombo"));
        colours->setCurrentIndex(colours->findData(int(app::HeatmapColormap::Inferno)));
        Q_EMIT colours->activated(colours->currentIndex());
        QCOMPARE(scale->colormap(), app::HeatmapColormap::Inferno);
        check("inferno");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(ends().second != jetHigh);

        panel.clear();
        QVERIFY(!scale->isVisible());
    }

    void aReRunLeavesNoGapAroundTheToolbar()
    {
        // A model with the universal layer's latent queries (the released ones have 50), run twice with
        // different answers: the chips sit under the summary and the toolbar right under the chips, where
        // a panel that showed only the second answer has them.
        const app::EngineResult first = withLatents(withTokens(QStringList(12, QStringLiteral("word"))));
        const app::EngineResult second
            = withLatents(withTokens({QStringLiteral("a"), QStringLiteral("dog")}));
        AttentionPanel rerun;
        rerun.resize(700, 700);
        rerun.show();
        QVERIFY(QTest::qWaitForWindowExposed(&rerun));
        rerun.setResult(first);
        QTest::qWait(20);
        rerun.setResult(second);
        QTest::qWait(20);
        AttentionPanel fresh;
        fresh.resize(700, 700);
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        fresh.setResult(second);
        QTest::qWait(20);
        QCOMPARE(toolbar(rerun)->geometry(), toolbar(fresh)->geometry());

        const int spacing = rerun.layout()->spacing();
        const QRect chips = chipsArea(rerun);
        QVERIFY(!chips.isEmpty());
        QVERIFY2(chips.top() - summaryOf(rerun)->geometry().bottom() - 1 <= spacing,
            qPrintable(QStringLiteral("%1 px between the summary and the chips")
                           .arg(chips.top() - summaryOf(rerun)->geometry().bottom() - 1)));
        const int gap = toolbar(rerun)->geometry().top() - chips.bottom() - 1;
        QVERIFY2(
            gap <= spacing, qPrintable(QStringLiteral("%1 px between the chips and the toolbar").arg(gap)));

        // Nothing to choose from (cleared for the next run): the toolbar comes right under the summary.
        rerun.clear();
        QTest::qWait(20);
        const int empty = toolbar(rerun)->geometry().top() - summaryOf(rerun)->geometry().bottom() - 1;
        QVERIFY2(empty <= spacing,
            qPrintable(QStringLiteral("%1 px above the toolbar of an empty panel").arg(empty)));
    }

    void clearLeavesNothingBehind()
    {
        AttentionPanel panel;
        panel.setResult(makeResult());
        panel.clear();
        QVERIFY(!panel.hasAttention());
        QCOMPARE(panel.gridView()->cellCount(), 0);
        QVERIFY(panel.tokenChips()->tokens().isEmpty());
    }
};

QTEST_MAIN(AttentionPanelTest)
#include "attentionpaneltest.moc"
