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
/// re-ranked, "rerank_score".

#include "app/retrieval/searchtypes.h"
#include "base/expected.h"

#include <QJsonObject>

namespace mplug2::app {

enum class SearchExportFormat { Json, Csv };

QJsonObject searchResultsToJson(const SearchResults &results);
/// CSV: a header line, then rank, media (or text), score, similarity,
/// rerank_score, kind, duration_s; RFC 4180 quoting.
QByteArray searchResultsToCsv(const SearchResults &results);
/// The format from the file name (".csv" or else JSON) when `format` is empty.
Expected<void> exportSearchResults(const SearchResults &results, const QString &path,
    std::optional<SearchExportFormat> format = std::nullopt);

} // namespace mplug2::app
