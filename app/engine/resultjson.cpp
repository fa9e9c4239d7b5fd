#include "app/engine/resultjson.h"

#include <QJsonArray>

#include <cmath>

namespace mplug2::app {

namespace {

/// JSON has no NaN or infinity; a score that is not finite becomes null.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonArray floats(const QList<float> &values)
{
    QJsonArray a;
    for (float v : values)
        a.append(number(v));
    return a;
}

QJsonObject gridToJson(const AttentionGrid &g)
{
    return QJsonObject {{QStringLiteral("global"), number(g.global)},
        {QStringLiteral("values"), floats(g.values)},
        {QStringLiteral("frame_importance"), floats(g.frameImportance())}};
}

QJsonObject attentionToJson(const AttentionMaps &maps)
{
    QJsonArray ids;
    for (qint64 id : maps.tokenIds)
        ids.append(id);
    QJsonArray perToken;
    for (int t = 0; t < maps.tokenCount(); ++t) {
        QJsonObject entry {{QStringLiteral("token"), maps.tokens.at(t)}};
        if (maps.hasCrossAttention())
            entry.insert(
                QStringLiteral("cross_attention"), gridToJson(maps.grid(AttentionMethod::CrossAttention, t)));
        if (maps.hasGradCam())
            entry.insert(QStringLiteral("grad_cam"), gridToJson(maps.grid(AttentionMethod::GradCam, t)));
        if (maps.hasOcclusion())
            entry.insert(QStringLiteral("occlusion"), gridToJson(maps.grid(AttentionMethod::Occlusion, t)));
        perToken.append(entry);
    }
    return QJsonObject {{QStringLiteral("frames"), maps.geometry.frames},
        {QStringLiteral("grid_height"), maps.geometry.gridHeight},
        {QStringLiteral("grid_width"), maps.geometry.gridWidth}, {QStringLiteral("layers"), maps.layers},
        {QStringLiteral("heads"), maps.heads}, {QStringLiteral("token_ids"), ids},
        {QStringLiteral("tokens"), QJsonArray::fromStringList(maps.tokens)},
        {QStringLiteral("maps"), perToken}};
}

} // namespace

QJsonObject resultItemToJson(const ResultItem &item)
{
    QJsonArray ids;
    for (qint64 id : item.tokenIds)
        ids.append(id);
    return QJsonObject {{QStringLiteral("text"), item.text}, {QStringLiteral("score"), number(item.score)},
        {QStringLiteral("token_ids"), ids},
        {QStringLiteral("tokens"), QJsonArray::fromStringList(item.tokens)}};
}

QJsonObject resultToJson(const EngineResult &r, const ResultJsonOptions &options)
{
    QJsonArray results;
    for (const ResultItem &item : r.items)
        results.append(resultItemToJson(item));
    const EngineTimings &t = r.timings;
    QJsonObject o {{QStringLiteral("media"), r.media}, {QStringLiteral("task"), taskName(r.task)},
        {QStringLiteral("model"), r.modelId}, {QStringLiteral("device"), r.device},
        {QStringLiteral("precision"), r.precision}, {QStringLiteral("results"), results},
        {QStringLiteral("visual_cache_hit"), r.visualCacheHit},
        {QStringLiteral("timings_ms"),
            QJsonObject {{QStringLiteral("queued"), t.queuedMs}, {QStringLiteral("decode"), t.decodeMs},
                {QStringLiteral("visual"), t.visualMs}, {QStringLiteral("text"), t.textMs},
                {QStringLiteral("generate"), t.generateMs}, {QStringLiteral("attention"), t.attentionMs},
                {QStringLiteral("total"), t.totalMs}}}};
    if (!r.question.isEmpty())
        o.insert(QStringLiteral("question"), r.question);
    if (r.task == TaskKind::Classify) {
        o.insert(QStringLiteral("template"), r.labelTemplate);
        o.insert(QStringLiteral("method"), classifyMethodName(r.classifyMethod));
    }
    if (!r.segments.isEmpty()) {
        QJsonArray segments;
        for (const CaptionSegment &s : r.segments) {
            QJsonObject seg = resultItemToJson(s.caption);
            seg.insert(QStringLiteral("start"), s.startSeconds);
            seg.insert(QStringLiteral("end"), s.endSeconds);
            segments.append(seg);
        }
        o.insert(QStringLiteral("segments"), segments);
    }
    if (r.partial) {
        // Cancelled part-way: the segments are the first windows of window_count.
        o.insert(QStringLiteral("partial"), true);
        o.insert(QStringLiteral("window_count"), r.windowCount);
    }
    if (r.geometry.frames > 0) {
        QJsonArray indices;
        for (qint64 i : r.geometry.frameIndices)
            indices.append(i);
        QJsonArray times;
        for (double s : r.geometry.frameTimes)
            times.append(number(s));
        o.insert(QStringLiteral("frames"),
            QJsonObject {{QStringLiteral("count"), r.geometry.frames}, {QStringLiteral("indices"), indices},
                {QStringLiteral("times"), times}});
    }
    if (options.embeddings && !r.mediaEmbedding.isEmpty())
        o.insert(QStringLiteral("embedding"), floats(r.mediaEmbedding));
    if (options.embeddings && !r.textEmbeddings.isEmpty()) {
        QJsonArray all;
        for (const QList<float> &e : r.textEmbeddings)
            all.append(floats(e));
        o.insert(QStringLiteral("text_embeddings"), all);
    }
    if (options.attention && r.attention)
        o.insert(QStringLiteral("attention"), attentionToJson(*r.attention));
    if (r.faithfulness) {
        const FaithfulnessResult &f = *r.faithfulness;
        const auto doubles = [](const QList<double> &values) {
            QJsonArray a;
            for (double v : values)
                a.append(v);
            return a;
        };
        o.insert(QStringLiteral("faithfulness"),
            QJsonObject {{QStringLiteral("deletion_auc"), f.deletionAuc},
                {QStringLiteral("insertion_auc"), f.insertionAuc},
                {QStringLiteral("probability"), f.probability},
                {QStringLiteral("fractions"), doubles(f.fractions)},
                {QStringLiteral("deletion"), doubles(f.deletion)},
                {QStringLiteral("insertion"), doubles(f.insertion)}});
    }
    return o;
}

} // namespace mplug2::app
