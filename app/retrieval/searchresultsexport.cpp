#include "app/retrieval/searchresultsexport.h"

#include "app/export/atomicwrite.h"

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

} // namespace

QJsonObject searchResultsToJson(const SearchResults &results)
{
    QJsonArray list;
    for (const SearchHit &hit : results.hits) {
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
        list.append(item);
    }
    return QJsonObject {
        {QStringLiteral("query"), results.query.description()}, {QStringLiteral("results"), list}};
}

QByteArray searchResultsToCsv(const SearchResults &results)
{
    const bool text = isTextResult(results);
    QStringList lines {text
            ? QStringLiteral("rank,text,score,similarity,rerank_score")
            : QStringLiteral("rank,media,score,similarity,rerank_score,kind,duration_s,caption")};
    int rank = 0;
    for (const SearchHit &hit : results.hits) {
        QStringList fields {QString::number(++rank), csvField(text ? hit.text : hit.entry.path),
            QString::number(hit.score, 'g', 9), QString::number(hit.similarity, 'g', 9),
            hit.rerankScore ? QString::number(*hit.rerankScore, 'g', 9) : QString()};
        if (!text)
            fields << mediaKindName(hit.entry.kind) << QString::number(hit.entry.durationSeconds, 'g', 6)
                   << csvField(hit.entry.caption);
        lines << fields.join(QLatin1Char(','));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
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
    const SearchExportFormat chosen = format.value_or(
        path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? SearchExportFormat::Csv
                                                                  : SearchExportFormat::Json);
    const QByteArray bytes = chosen == SearchExportFormat::Csv
        ? searchResultsToCsv(results)
        : QJsonDocument(searchResultsToJson(results)).toJson(QJsonDocument::Indented);
    if (Expected<void> ok = writeFileAtomically(path, bytes); !ok)
        return ok.error();
    return {};
}

} // namespace mplug2::app
