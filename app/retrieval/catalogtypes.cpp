#include "app/retrieval/catalogtypes.h"

namespace mplug2::app {

QString mediaKindName(MediaKind kind)
{
    switch (kind) {
    case MediaKind::Image:
        return QStringLiteral("image");
    case MediaKind::Video:
        return QStringLiteral("video");
    case MediaKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

MediaKind parseMediaKind(const QString &name)
{
    if (name == QLatin1String("image"))
        return MediaKind::Image;
    if (name == QLatin1String("video"))
        return MediaKind::Video;
    return MediaKind::Unknown;
}

QString embeddingKindName(EmbeddingKind kind)
{
    return kind == EmbeddingKind::Itc ? QStringLiteral("itc") : QStringLiteral("clip");
}

std::optional<EmbeddingKind> parseEmbeddingKind(const QString &name)
{
    if (name == QLatin1String("clip"))
        return EmbeddingKind::Clip;
    if (name == QLatin1String("itc"))
        return EmbeddingKind::Itc;
    return std::nullopt;
}

QString indexJobStatusName(IndexJobStatus status)
{
    switch (status) {
    case IndexJobStatus::Running:
        return QStringLiteral("running");
    case IndexJobStatus::Paused:
        return QStringLiteral("paused");
    case IndexJobStatus::Cancelled:
        return QStringLiteral("cancelled");
    case IndexJobStatus::Finished:
        return QStringLiteral("finished");
    case IndexJobStatus::Failed:
        break;
    }
    return QStringLiteral("failed");
}

std::optional<IndexJobStatus> parseIndexJobStatus(const QString &name)
{
    for (IndexJobStatus s : {IndexJobStatus::Running, IndexJobStatus::Paused, IndexJobStatus::Cancelled,
             IndexJobStatus::Finished, IndexJobStatus::Failed})
        if (indexJobStatusName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace mplug2::app
