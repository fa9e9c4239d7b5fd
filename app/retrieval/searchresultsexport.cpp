#include "app/retrieval/searchresultsexport.h"

#include "app/export/atomicwrite.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace mplug2::app {

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool isTextResult(const SearchResults &results)
{
    return results.query.mode == SearchMode::MediaToText;
}

QJsonObject hitToJson(const SearchResults &results, const SearchHit &hit)
{
    QJsonObject item;
    if (isTextResult(results))
        item.insert(QStringLiteral("text"), hit.text);
    else
        item.insert(QStringLiteral("media"), hit.entry.path);
    if (!hit.entry.caption.isEmpty())
        item.insert(QStringLiteral("caption"), hit.entry.caption);
    item.insert(QStringLiteral("score"), hit.score);
    item.insert(QStringLiteral("similarity"), hit.similarity);
    if (hit.rerankScore)
        item.insert(QStringLiteral("rerank_score"), *hit.rerankScore);
    if (hit.moment) {
        item.insert(QStringLiteral("start"), hit.moment->startSeconds);
        item.insert(QStringLiteral("end"), hit.moment->endSeconds);
        item.insert(QStringLiteral("shot"), hit.moment->shot);
    }
    return item;
}

} // namespace

QJsonObject searchResultsToJson(const SearchResults &results)
{
    QJsonArray list;
    for (const SearchHit &hit : results.hits)
        list.append(hitToJson(results, hit));
    return QJsonObject {
        {QStringLiteral("query"), results.query.description()}, {QStringLiteral("results"), list}};
}

QByteArray searchResultsToCsv(const SearchResults &results)
{
    const bool text = isTextResult(results);
    QStringList lines {text
            ? QStringLiteral("rank,text,score,similarity,rerank_score")
            : QStringLiteral("rank,media,score,similarity,rerank_score,kind,duration_s,caption,start,end")};
    int rank = 0;
    for (const SearchHit &hit : results.hits) {
        QStringList fields {QString::number(++rank), csvField(text ? hit.text : hit.entry.path),
            QString::number(hit.score, 'g', 9), QString::number(hit.similarity, 'g', 9),
            hit.rerankScore ? QString::number(*hit.rerankScore, 'g', 9) : QString()};
        if (!text)
            fields << mediaKindName(hit.entry.kind) << QString::number(hit.entry.durationSeconds, 'g', 6)
                   << csvField(hit.entry.caption)
                   << (hit.moment ? QString::number(hit.moment->startSeconds, 'f', 3) : QString())
                   << (hit.moment ? QString::number(hit.moment->endSeconds, 'f', 3) : QString());
        lines << fields.join(QLatin1Char(','));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

QByteArray searchResultsToJsonLines(const SearchResults &results)
{
    QByteArray out;
    int rank = 0;
    for (const SearchHit &hit : results.hits) {
        QJsonObject item = hitToJson(results, hit);
        item.insert(QStringLiteral("rank"), ++rank);
        out += QJsonDocument(item).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

QByteArray searchResultsToHtml(const SearchResults &results)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("SearchResultsExport", text); };
    const auto cell
        = [](const QString &text) { return QStringLiteral("<td>%1</td>").arg(text.toHtmlEscaped()); };
    const auto time = [](double seconds) {
        const int whole = int(seconds);
        return QStringLiteral("%1:%2.%3")
            .arg(whole / 60)
            .arg(whole % 60, 2, 10, QLatin1Char('0'))
            .arg(int((seconds - whole) * 10), 1, 10, QLatin1Char('0'));
    };
    const bool text = isTextResult(results);
    const bool moments = results.query.moments;
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                                  "<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}"
                                  "</style></head><body>\n<h1>%1</h1>\n<table>\n<tr><th>#</th><th>%2</th>")
                       .arg(results.query.description().toHtmlEscaped(),
                           (text ? tr("Text") : tr("Media")).toHtmlEscaped());
    if (moments)
        html += QStringLiteral("<th>%1</th><th>%2</th>")
                    .arg(tr("Start").toHtmlEscaped(), tr("End").toHtmlEscaped());
    html += QStringLiteral("<th>%1</th><th>%2</th></tr>\n")
                .arg(tr("Score").toHtmlEscaped(), tr("Caption").toHtmlEscaped());
    int rank = 0;
    for (const SearchHit &hit : results.hits) {
        html += QStringLiteral("<tr><td>%1</td>").arg(++rank) + cell(text ? hit.text : hit.entry.path);
        if (moments)
            html += cell(hit.moment ? time(hit.moment->startSeconds) : QString())
                + cell(hit.moment ? time(hit.moment->endSeconds) : QString());
        html
            += cell(QString::number(hit.score, 'f', 4)) + cell(hit.entry.caption) + QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n</body></html>\n");
    return html.toUtf8();
}

QByteArray catalogEntryJsonLine(const CatalogEntry &e)
{
    QJsonObject o {{QStringLiteral("path"), e.path}, {QStringLiteral("caption"), e.caption},
        {QStringLiteral("kind"), mediaKindName(e.kind)}, {QStringLiteral("size"), e.size},
        {QStringLiteral("mtime_ms"), e.mtimeMs}, {QStringLiteral("duration_s"), e.durationSeconds},
        {QStringLiteral("width"), e.width}, {QStringLiteral("height"), e.height},
        {QStringLiteral("indexed_at_ms"), e.indexedAtMs}};
    if (!e.error.isEmpty())
        o.insert(QStringLiteral("error"), e.error);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray catalogCsvHeader()
{
    return QByteArrayLiteral(
        "path,caption,kind,size,mtime_ms,duration_s,width,height,indexed_at_ms,error\r\n");
}

QByteArray catalogEntryCsv(const CatalogEntry &e)
{
    const QStringList fields {csvField(e.path), csvField(e.caption), mediaKindName(e.kind),
        QString::number(e.size), QString::number(e.mtimeMs), QString::number(e.durationSeconds, 'g', 6),
        QString::number(e.width), QString::number(e.height), QString::number(e.indexedAtMs),
        csvField(e.error)};
    return (fields.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
}

Expected<void> exportSearchResults(
    const SearchResults &results, const QString &path, std::optional<SearchExportFormat> format)
{
    const auto endsWith
        = [&path](const char *suffix) { return path.endsWith(QLatin1String(suffix), Qt::CaseInsensitive); };
    const SearchExportFormat chosen = format.value_or(endsWith(".csv") ? SearchExportFormat::Csv
            : endsWith(".jsonl")                                       ? SearchExportFormat::JsonLines
            : endsWith(".html") || endsWith(".htm")                    ? SearchExportFormat::Html
                                                                       : SearchExportFormat::Json);
    QByteArray bytes;
    switch (chosen) {
    case SearchExportFormat::Csv:
        bytes = searchResultsToCsv(results);
        break;
    case SearchExportFormat::JsonLines:
        bytes = searchResultsToJsonLines(results);
        break;
    case SearchExportFormat::Html:
        bytes = searchResultsToHtml(results);
        break;
    case SearchExportFormat::Json:
        bytes = QJsonDocument(searchResultsToJson(results)).toJson(QJsonDocument::Indented);
        break;
    }
    if (Expected<void> ok = writeFileAtomically(path, bytes); !ok)
        return ok.error();
    return {};
}

} // namespace mplug2::app
