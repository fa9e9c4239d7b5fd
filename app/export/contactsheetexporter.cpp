#include "app/export/contactsheetexporter.h"

#include "app/export/attentionrenderer.h"
#include "media/export/pngwriter.h"
#include "media/render/thumbnail.h"

#include <QCoreApplication>

#include <algorithm>

namespace mplug2::app {

namespace {
constexpr int kRowHeight = 160;
constexpr int kGap = 6;
const std::array<uint8_t, 3> kBackground = {24, 24, 24};

/// Rows stacked top to bottom, left-aligned, kGap apart.
media::RgbImage stackRows(const std::vector<media::RgbImage> &rows)
{
    int width = 0;
    int height = 0;
    for (const media::RgbImage &r : rows) {
        width = std::max(width, r.width);
        height += r.height + kGap;
    }
    media::RgbImage sheet = media::RgbImage::filled(width + 2 * kGap, height + kGap, kBackground);
    int y = kGap;
    for (const media::RgbImage &r : rows) {
        for (int row = 0; row < r.height; ++row)
            std::copy_n(r.row(row), r.rowBytes(), sheet.at(kGap, y + row));
        y += r.height + kGap;
    }
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
    std::vector<media::RgbImage> rows;
    const Expected<std::vector<media::RgbImage>> plain = resultFrames(r);
    if (!plain)
        return plain.error();
    rows.push_back(media::makeFilmstrip(*plain, kRowHeight, kGap, kBackground));
    QList<int> tokens;
    if (input.attention.token >= 0)
        tokens = {input.attention.token};
    else
        for (int t = -1; t < r.attention->tokenCount(); ++t)
            tokens.append(t);
    for (int t : tokens) {
        const Expected<std::vector<media::RgbImage>> frames = renderAttentionFrames(r, input.attention, t);
        if (!frames)
            return frames.error();
        rows.push_back(media::makeFilmstrip(*frames, kRowHeight, kGap, kBackground));
    }
    if (Expected<void> ok = media::writePng(stackRows(rows), path.toStdString()); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
