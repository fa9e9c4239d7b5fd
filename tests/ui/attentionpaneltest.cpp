// The attention panel on hand-made attention maps: each token looks at one
// patch of one frame, so what the panel draws can be checked against where
// the attention really is.
#include "ui/attention/attentionpanel.h"

#include "ui/attention/attentiongridview.h"
#include "ui/attention/tokenchipbar.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QImageReader>
#include <QLabel>
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
