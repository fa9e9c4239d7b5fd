#pragma once
/// Search results as JSON (the CLI's `search --json` object) and as files
/// people export from the search view: JSON or CSV, written atomically.
///
///     QJsonObject o = searchResultsToJson(results);
///     // {"query": "a red circle", "results": [{"media": "/v/a.mp4", "score": 0.31,
///     //  "similarity": 0.31}, ...]}            best first
///     auto ok = exportSearchResults(results, "results.csv", SearchExportFormat::Csv);
///
/// Each result has "media" (or "text" for media -> text searches), "score"
/// (what the order is by), "similarity" (cosine of the embeddings) and, when
/// re-ranked, "rerank_score"; a media result has the "caption" stored while
/// indexing, when there is one; a moment has "start" and "end" in seconds
/// (the names dense captions use) and its "shot".
///
/// The whole index, one line per file (`mplug2 export-index`):
///
///     out << catalogCsvHeader();
///     for (const CatalogEntry &e : entries) out << catalogEntryCsv(e);   // or catalogEntryJsonLine(e)

#include "app/retrieval/searchtypes.h"
#include "base/expected.h"

#include <QJsonObject>

namespace mplug2::app {

enum class SearchExportFormat {
    Json, ///< searchResultsToJson(), indented
    Csv, ///< searchResultsToCsv()
    JsonLines, ///< one result per line, searchResultsToJson()'s objects with a "rank"
    Html, ///< a page with a table of the results (self-contained, no pictures)
};

QJsonObject searchResultsToJson(const SearchResults &results);
/// CSV: a header line, then rank, media (or text), score, similarity,
/// rerank_score, kind, duration_s, caption, start, end (moments); RFC 4180 quoting.
QByteArray searchResultsToCsv(const SearchResults &results);
QByteArray searchResultsToJsonLines(const SearchResults &results);
QByteArray searchResultsToHtml(const SearchResults &results);

/// One catalogued file as one line of JSON (with its newline): path, caption,
/// kind, size, mtime_ms, duration_s, width, height, indexed_at_ms and, for a
/// file that could not be indexed, error.
QByteArray catalogEntryJsonLine(const CatalogEntry &entry);
/// The CSV header line of catalogEntryCsv(), with its CRLF.
QByteArray catalogCsvHeader();
/// One catalogued file as one CSV line (RFC 4180, CRLF), in catalogCsvHeader()'s columns.
QByteArray catalogEntryCsv(const CatalogEntry &entry);
/// The format from the file name (".csv", ".jsonl", ".html"/".htm", else
/// JSON) when `format` is empty.
Expected<void> exportSearchResults(const SearchResults &results, const QString &path,
    std::optional<SearchExportFormat> format = std::nullopt);

} // namespace mplug2::app
