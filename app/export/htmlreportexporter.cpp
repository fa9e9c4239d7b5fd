#include "app/export/htmlreportexporter.h"

#include "app/engine/imageconversion.h"
#include "app/export/atomicwrite.h"
#include "app/export/attentionrenderer.h"
#include "app/export/subtitlecues.h"
#include "media/export/pngwriter.h"
#include "media/render/thumbnail.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace mplug2::app {

namespace {

struct HtmlReportText {
    Q_DECLARE_TR_FUNCTIONS(HtmlReport)
};

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/// A PNG as an <img> with a data URI: the report stays one file.
QString imageTag(const media::RgbImage &image, const QString &alt)
{
    const Expected<std::vector<uint8_t>> png = media::encodePng(image);
    if (!png)
        return {};
    const QByteArray bytes(reinterpret_cast<const char *>(png->data()), qsizetype(png->size()));
    return QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\">")
        .arg(esc(alt), QString::fromLatin1(bytes.toBase64()));
}

QString itemsTable(const EngineResult &r)
{
    if (r.items.isEmpty())
        return {};
    QString html = QStringLiteral("<table><tr><th>#</th><th>%1</th><th>%2</th></tr>\n")
                       .arg(esc(HtmlReportText::tr("Result")), esc(HtmlReportText::tr("Score")));
    for (qsizetype i = 0; i < r.items.size(); ++i)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n")
                    .arg(i + 1)
                    .arg(esc(r.items.at(i).text))
                    .arg(r.items.at(i).score, 0, 'f', 4);
    return html + QStringLiteral("</table>\n");
}

/// A dense caption's windows, each with its thumbnail (when the engine made one).
QString segmentsTable(const EngineResult &r)
{
    if (r.segments.isEmpty())
        return {};
    const bool thumbnails = std::any_of(
        r.segments.begin(), r.segments.end(), [](const CaptionSegment &s) { return !s.thumbnail.isNull(); });
    QString html;
    if (r.partial)
        html += QStringLiteral("<p class=\"meta\">%1</p>\n")
                    .arg(esc(HtmlReportText::tr("%1 of %2 windows; cancelled")
                                 .arg(r.segments.size())
                                 .arg(r.windowCount)));
    html += QStringLiteral("<table><tr>%1<th>%2</th><th>%3</th><th>%4</th></tr>\n")
                .arg(thumbnails ? QStringLiteral("<th>%1</th>").arg(esc(HtmlReportText::tr("Window")))
                                : QString(),
                    esc(HtmlReportText::tr("From")), esc(HtmlReportText::tr("To")),
                    esc(HtmlReportText::tr("Caption")));
    for (const CaptionSegment &s : r.segments) {
        const QString from = formatCueTime(s.startSeconds, u'.');
        const QString to = formatCueTime(s.endSeconds, u'.');
        QString picture;
        if (thumbnails)
            picture = QStringLiteral("<td>%1</td>")
                          .arg(s.thumbnail.isNull()
                                  ? QString()
                                  : imageTag(toRgbImage(s.thumbnail), from + QStringLiteral("–") + to));
        html += QStringLiteral("<tr>%1<td>%2</td><td>%3</td><td>%4</td></tr>\n")
                    .arg(picture, from, to, esc(s.caption.text));
    }
    return html + QStringLiteral("</table>\n");
}

/// The mean attention, then one strip per token, each labelled.
QString attentionSection(const EngineResult &r, const AttentionExportOptions &options)
{
    if (!checkAttentionInput(ExportInput {{r}, options, {}}))
        return {};
    QString html = QStringLiteral("<h3>%1</h3>\n").arg(esc(HtmlReportText::tr("Where the model looked")));
    for (int t = -1; t < r.attention->tokenCount(); ++t) {
        const Expected<std::vector<media::RgbImage>> frames = renderAttentionFrames(r, options, t);
        if (!frames)
            continue;
        const QString label
            = t < 0 ? HtmlReportText::tr("all tokens") : readableToken(r.attention->tokens.value(t));
        html += QStringLiteral("<figure>%1<figcaption>%2</figcaption></figure>\n")
                    .arg(imageTag(media::makeFilmstrip(*frames, 120), label), esc(label));
    }
    return html;
}

const char *kStyle
    = "body{font-family:sans-serif;margin:2em;color:#222;background:#fafafa}"
      "section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1em;margin:1em 0}"
      "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
      "figure{margin:0.5em 0}figcaption{font-size:90%;color:#555}img{max-width:100%}"
      ".meta{color:#666;font-size:90%}";

} // namespace

QString HtmlReportExporter::id() const
{
    return QStringLiteral("html");
}

QString HtmlReportExporter::description() const
{
    return QCoreApplication::translate("Export", "Report (HTML)");
}

QString HtmlReportExporter::suffix() const
{
    return QStringLiteral("html");
}

Expected<QStringList> HtmlReportExporter::write(const ExportInput &input, const QString &path) const
{
    const QString title = input.title.isEmpty() ? HtmlReportText::tr("mPLUG-2 Studio report") : input.title;
    QString html
        = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "img-src data:; style-src 'unsafe-inline'\">"
                         "<title>%1</title><style>%2</style></head><body>\n<h1>%1</h1>\n"
                         "<p class=\"meta\">%3</p>\n")
              .arg(
                  esc(title), QLatin1String(kStyle), esc(QDateTime::currentDateTime().toString(Qt::ISODate)));
    for (const EngineResult &r : input.results) {
        html += QStringLiteral("<section>\n<h2>%1</h2>\n<p class=\"meta\">%2 · %3 · %4</p>\n")
                    .arg(esc(r.media), esc(taskName(r.task)), esc(r.modelId), esc(r.device));
        if (!r.frames.isEmpty())
            html += imageTag(media::fitWithin(toRgbImage(r.frames.front()), 320, 180), r.media) + u'\n';
        if (!r.question.isEmpty())
            html += QStringLiteral("<p><b>%1</b> %2</p>\n")
                        .arg(esc(HtmlReportText::tr("Question:")), esc(r.question));
        html += itemsTable(r) + segmentsTable(r) + attentionSection(r, input.attention);
        html += QStringLiteral("</section>\n");
    }
    html += QStringLiteral("</body></html>\n");
    if (Expected<void> ok = writeFileAtomically(path, html.toUtf8()); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
