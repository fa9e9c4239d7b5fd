#include "app/export/contactsheetexporter.h"

#include "app/export/attentioncolourscale.h"
#include "app/export/attentionfiguretext.h"
#include "app/export/attentionrenderer.h"
#include "media/export/pngwriter.h"
#include "media/render/thumbnail.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace mplug2::app {

namespace {

struct ContactSheetText {
    Q_DECLARE_TR_FUNCTIONS(Export)
};

constexpr int kRowHeight = 160;
constexpr int kGap = 6;
constexpr int kLabelPixelSize = 14;
constexpr int kMinLabelWidth = 48;
constexpr int kMaxLabelWidth = 200;

struct Row {
    QString label;
    media::RgbImage strip;
};

struct Column {
    int left = 0;
    int width = 0;
};

/// Where makeFilmstrip puts each frame in a strip kRowHeight px high.
QList<Column> columnsOf(const std::vector<media::RgbImage> &frames)
{
    QList<Column> columns;
    int x = 0;
    for (const media::RgbImage &f : frames) {
        if (f.empty())
            continue;
        const int width = std::max(1, int(std::lround(double(f.width) * kRowHeight / f.height)));
        columns.append({x, width});
        x += width + kGap;
    }
    return columns;
}

/// "Frame 2 · 0.75 s" (the time for videos only); the time alone, or the
/// number alone, where that does not fit `width`.
QString frameLabel(const EngineResult &r, int frame, const FigureText &text, int width)
{
    const QList<double> &times = r.geometry.frameTimes;
    const bool timed = r.geometry.frames > 1 && frame < times.size();
    const QString number = ContactSheetText::tr("Frame %1").arg(frame + 1);
    if (!timed)
        return text.width(number) <= width ? number : QString::number(frame + 1);
    const QString time = ContactSheetText::tr("%1 s").arg(QLocale().toString(times.at(frame), 'f', 2));
    const QString full = number + QStringLiteral(" · ") + time;
    return text.width(full) <= width ? full : time;
}

void paste(media::RgbImage &sheet, const media::RgbImage &picture, int x, int y)
{
    for (int row = 0; row < picture.height; ++row)
        std::copy_n(picture.row(row), picture.rowBytes(), sheet.at(x, y + row));
}

/// The frame labels over the columns, the token labels left of the rows,
/// the rows, and the colour scale under them.
media::RgbImage composeSheet(
    const EngineResult &r, const QList<Row> &rows, const QList<Column> &columns, const media::RgbImage &scale)
{
    const FigureText text(kLabelPixelSize);
    int labelWidth = 0;
    int stripWidth = scale.width;
    for (const Row &row : rows) {
        labelWidth = std::max(labelWidth, text.width(row.label));
        stripWidth = std::max(stripWidth, row.strip.width);
    }
    // A gap on either side of the longest label (and room for the text's own overhang).
    labelWidth = std::clamp(labelWidth + 2 * kGap, kMinLabelWidth, kMaxLabelWidth);
    const int headerHeight = text.lineHeight() + kGap / 2;
    const int left = kGap + labelWidth;
    const int top = kGap + headerHeight;
    const int height = top + int(rows.size()) * (kRowHeight + kGap) + scale.height + kGap;
    media::RgbImage sheet = media::RgbImage::filled(left + stripWidth + kGap, height, kFigureBackground);

    for (int c = 0; c < int(columns.size()); ++c) {
        const Column &column = columns.at(c);
        text.draw(sheet, QRect(left + column.left, kGap, column.width, headerHeight), Qt::AlignHCenter,
            frameLabel(r, c, text, column.width));
    }
    int y = top;
    for (const Row &row : rows) {
        text.draw(sheet, QRect(kGap, y, labelWidth - kGap, kRowHeight), Qt::AlignLeft, row.label);
        paste(sheet, row.strip, left, y);
        y += kRowHeight + kGap;
    }
    paste(sheet, scale, left, y);
    return sheet;
}

} // namespace

QString ContactSheetExporter::id() const
{
    return QStringLiteral("contact-sheet");
}

QString ContactSheetExporter::description() const
{
    return QCoreApplication::translate("Export", "Attention contact sheet (PNG)");
}

QString ContactSheetExporter::suffix() const
{
    return QStringLiteral("png");
}

Expected<QStringList> ContactSheetExporter::write(const ExportInput &input, const QString &path) const
{
    if (Expected<void> ok = checkAttentionInput(input); !ok)
        return ok.error();
    if (input.results.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Export", "a contact sheet shows one media item").toStdString());
    const EngineResult &r = input.results.front();
    const Expected<std::vector<media::RgbImage>> plain = resultFrames(r);
    if (!plain)
        return plain.error();
    QList<Row> rows;
    rows.append(
        {ContactSheetText::tr("frames"), media::makeFilmstrip(*plain, kRowHeight, kGap, kFigureBackground)});
    QList<int> tokens;
    if (input.attention.token >= 0)
        tokens = {input.attention.token};
    else
        for (int t = -1; t < r.attention->tokenCount(); ++t)
            tokens.append(t);
    for (int t : tokens) {
        const Expected<std::vector<media::RgbImage>> frames = renderAttentionOverlays(r, input.attention, t);
        if (!frames)
            return frames.error();
        rows.append({t < 0 ? ContactSheetText::tr("all tokens") : readableToken(r.attention->tokens.value(t)),
            media::makeFilmstrip(*frames, kRowHeight, kGap, kFigureBackground)});
    }
    const media::RgbImage scale = renderColourScale(rows.front().strip.width, input.attention.colormap,
        shownAttentionMethod(*r.attention, input.attention), kLabelPixelSize);
    const media::RgbImage sheet = composeSheet(r, rows, columnsOf(*plain), scale);
    if (Expected<void> ok = media::writePng(sheet, path.toStdString()); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
