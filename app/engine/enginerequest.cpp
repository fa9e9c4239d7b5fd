#include "app/engine/enginerequest.h"

namespace mplug2::app {

QString taskName(TaskKind task)
{
    switch (task) {
    case TaskKind::Caption:
        return QStringLiteral("caption");
    case TaskKind::DenseCaption:
        return QStringLiteral("dense-caption");
    case TaskKind::Answer:
        return QStringLiteral("answer");
    case TaskKind::Classify:
        return QStringLiteral("classify");
    case TaskKind::ScoreTexts:
        return QStringLiteral("score");
    case TaskKind::EmbedMedia:
        return QStringLiteral("embed-media");
    case TaskKind::EmbedTexts:
        return QStringLiteral("embed-texts");
    case TaskKind::Faithfulness:
        return QStringLiteral("faithfulness");
    }
    return {};
}

QString classifyMethodName(ClassifyMethod method)
{
    return method == ClassifyMethod::ClipSimilarity ? QStringLiteral("clip") : QStringLiteral("likelihood");
}

std::optional<ClassifyMethod> classifyMethodFromName(const QString &name)
{
    for (ClassifyMethod m : {ClassifyMethod::DecoderLikelihood, ClassifyMethod::ClipSimilarity})
        if (name == classifyMethodName(m))
            return m;
    return std::nullopt;
}

EngineRequest EngineRequest::caption(const QString &mediaPath)
{
    EngineRequest r;
    r.task = TaskKind::Caption;
    r.media.path = mediaPath;
    return r;
}

EngineRequest EngineRequest::ask(const QString &mediaPath, const QString &question)
{
    EngineRequest r;
    r.task = TaskKind::Answer;
    r.media.path = mediaPath;
    r.question = question;
    return r;
}

EngineRequest EngineRequest::classify(const QString &mediaPath, const QStringList &labels)
{
    EngineRequest r;
    r.task = TaskKind::Classify;
    r.media.path = mediaPath;
    r.texts = labels;
    return r;
}

EngineRequest EngineRequest::denseCaption(const QString &videoPath, double windowSeconds)
{
    EngineRequest r;
    r.task = TaskKind::DenseCaption;
    r.media.path = videoPath;
    r.windowSeconds = windowSeconds;
    return r;
}

EngineRequest EngineRequest::embedMedia(const QString &mediaPath)
{
    EngineRequest r;
    r.task = TaskKind::EmbedMedia;
    r.priority = RequestPriority::Batch;
    r.media.path = mediaPath;
    return r;
}

EngineRequest EngineRequest::embedTexts(const QStringList &texts)
{
    EngineRequest r;
    r.task = TaskKind::EmbedTexts;
    r.texts = texts;
    return r;
}

EngineRequest EngineRequest::faithfulnessOf(const MediaInput &media, const QString &question,
    const QList<qint64> &tokenIds, int token, const QList<float> &saliency)
{
    EngineRequest r;
    r.task = TaskKind::Faithfulness;
    r.media = media;
    r.question = question;
    r.faithfulness.tokenIds = tokenIds;
    r.faithfulness.token = token;
    r.faithfulness.saliency = saliency;
    return r;
}

} // namespace mplug2::app
