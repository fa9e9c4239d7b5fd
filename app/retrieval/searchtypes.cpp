#include "app/retrieval/searchtypes.h"

namespace mplug2::app {

SearchQuery SearchQuery::textToMedia(const QString &text)
{
    SearchQuery q;
    q.mode = SearchMode::TextToMedia;
    q.text = text;
    return q;
}

SearchQuery SearchQuery::mediaToMedia(const QString &path)
{
    SearchQuery q;
    q.mode = SearchMode::MediaToMedia;
    q.mediaPath = path;
    return q;
}

SearchQuery SearchQuery::mediaToText(const QString &path, const QStringList &sentences)
{
    SearchQuery q;
    q.mode = SearchMode::MediaToText;
    q.mediaPath = path;
    q.sentences = sentences;
    return q;
}

QString SearchQuery::description() const
{
    return mode == SearchMode::TextToMedia ? text : mediaPath;
}

} // namespace mplug2::app
