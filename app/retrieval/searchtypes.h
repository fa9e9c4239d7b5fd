#pragma once
/// What a search asks and what it gives back, as plain values.
///
///     SearchQuery q = SearchQuery::text("a red circle");
///     q.top = 20;
///     q.rerank = 10;                        // re-score the 10 best with the model
///     q.filter.kind = MediaKind::Video;
///     search.search(q);                     // -> SearchResults, best first

#include "app/retrieval/catalogtypes.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace mplug2::app {

enum class SearchMode {
    TextToMedia, ///< a sentence -> the catalogued media that match it
    MediaToMedia, ///< a picture or video -> visually similar catalogued media
    MediaToText, ///< a picture or video -> the user's sentences, best description first
};

struct SearchQuery {
    SearchMode mode = SearchMode::TextToMedia;
    QString text; ///< TextToMedia
    QString mediaPath; ///< MediaToMedia, MediaToText
    QStringList sentences; ///< MediaToText
    int top = 10; ///< results wanted
    /// Re-score this many of the best first-stage candidates with the
    /// stronger score (ITM head when the model has one, else the decoder
    /// log-likelihood of the text given the media); 0 = cosine only.
    int rerank = 0;
    /// With rerank 0: re-score every candidate when there are at most this
    /// many (the app asks for kAutoRerankLimit; the CLI for none); 0 = never.
    /// Few candidates cost little to score, and the model's score orders them
    /// better than the cosine of the embeddings.
    int rerankIfAtMost = 0;
    static constexpr int kAutoRerankLimit = 50;
    MediaFilter filter; ///< TextToMedia, MediaToMedia
    /// TextToMedia, MediaToMedia: return moments (shots and windows of videos
    /// indexed with moments) instead of whole files.
    bool moments = false;

    static SearchQuery textToMedia(const QString &text);
    static SearchQuery mediaToMedia(const QString &path);
    static SearchQuery mediaToText(const QString &path, const QStringList &sentences);
    /// For people and file names: the text, the media path, ...
    QString description() const;
};

struct SearchHit {
    CatalogEntry entry; ///< the media found (empty for MediaToText)
    QString text; ///< MediaToText: the sentence
    /// What the order is by: rerankScore when re-ranked, else similarity.
    /// Re-ranked hits come first.
    double score = 0;
    double similarity = 0; ///< cosine similarity of the embeddings
    std::optional<double> rerankScore;
    /// A moment search's hit: where in entry's video (id, start, end, shot).
    std::optional<MediaMoment> moment;
};

/// How the re-ranking scored: "" (none), "itm" or "decoder-likelihood".
struct SearchResults {
    SearchQuery query;
    QList<SearchHit> hits; ///< best first
    QString modelKey;
    EmbeddingKind space = EmbeddingKind::Clip;
    QString rerankMethod;
    /// Re-scored because the candidates were few (rerankIfAtMost), not because
    /// the query asked; query.rerank then says how many.
    bool autoReranked = false;
    qint64 searchedCount = 0; ///< embeddings in the searched collection
    bool approximate = false; ///< the ANN graph answered the first stage
    double embedMs = 0; ///< turning the query into a vector
    double firstStageMs = 0; ///< the vector search
    double rerankMs = 0;
    double totalMs = 0;
};

} // namespace mplug2::app

Q_DECLARE_METATYPE(mplug2::app::SearchResults)
