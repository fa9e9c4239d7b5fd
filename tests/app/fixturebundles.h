#pragma once
// Model bundles for the shared fixture checkpoints, made from cases.json
// (configs.<name>: the official bert_config and model_config, which carry
// the head counts that shapes cannot tell) so that any fixture folder with
// the same layout works.
#include "app/bundle/modelbundle.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mplug2::test {

inline QJsonObject readCases(const QString &shared)
{
    QFile f(shared + QStringLiteral("/fixtures/cases.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// The bundle of checkpoint `task` ("caption" or "qa") of configuration `config`.
inline app::ModelBundle fixtureBundle(
    const QString &shared, const QJsonObject &cases, const QString &config, const QString &task)
{
    const QJsonObject c = cases.value(QStringLiteral("configs")).toObject().value(config).toObject();
    const QJsonObject model = c.value(QStringLiteral("model_config")).toObject();
    const QJsonObject checkpoint = c.value(QStringLiteral("checkpoints")).toObject().value(task).toObject();
    app::ModelBundle b;
    b.id = config + u'-' + task;
    b.name = b.id;
    b.kind = task == QLatin1String("qa") ? app::ModelKind::Qa : app::ModelKind::Caption;
    b.checkpoint
        = shared + QStringLiteral("/fixtures/") + checkpoint.value(QStringLiteral("file")).toString();
    b.vocab = shared + QStringLiteral("/data/bert-base-uncased-vocab.txt");
    b.clipBpe = shared + QStringLiteral("/data/bpe_simple_vocab_16e6.txt.gz");
    b.prompt = model.value(QStringLiteral("prompt")).toString();
    b.imageRes = model.value(QStringLiteral("image_res")).toInt();
    b.numFrames = model.value(QStringLiteral("model_num_frames")).toInt();
    const app::GenerationDefaults g {model.value(QStringLiteral("beam_size")).toInt(),
        model.value(QStringLiteral("min_length")).toInt(), model.value(QStringLiteral("max_length")).toInt()};
    (b.kind == app::ModelKind::Qa ? b.qaGeneration : b.captionGeneration) = g;
    b.bertConfig = c.value(QStringLiteral("bert_config")).toObject();
    b.modelConfig = model;
    return b;
}

/// Every case of `kind`, as JSON objects.
inline QList<QJsonObject> casesOfKind(const QJsonObject &cases, const QString &kind)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : cases.value(QStringLiteral("cases")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
            out.append(v.toObject());
    return out;
}

/// The tolerance cases.json gives for an expected key (first matching rule).
inline double toleranceFor(const QJsonObject &cases, const QString &key)
{
    for (const QJsonValue &rule :
        cases.value(QStringLiteral("tolerances")).toObject().value(QStringLiteral("rules")).toArray())
        if (key.contains(rule.toObject().value(QStringLiteral("contains")).toString()))
            return rule.toObject().value(QStringLiteral("atol")).toDouble();
    return 0;
}

inline QList<qint64> idsOf(const QJsonValue &array)
{
    QList<qint64> ids;
    for (const QJsonValue &v : array.toArray())
        ids.append(qint64(v.toDouble()));
    return ids;
}

} // namespace mplug2::test
