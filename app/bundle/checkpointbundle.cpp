#include "app/bundle/checkpointbundle.h"

#include "app/bundle/bundledresources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace mplug2::app {

namespace {

struct CheckpointBundleText {
    Q_DECLARE_TR_FUNCTIONS(ModelBundle)
};

Expected<QJsonObject> readConfig(const QString &path)
{
    if (path.isEmpty())
        return QJsonObject();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
            CheckpointBundleText::tr("cannot read %1: %2").arg(path, f.errorString()).toStdString());
    if (f.size() > (1 << 20))
        return makeError(ErrorCode::LimitExceeded,
            CheckpointBundleText::tr("%1 is larger than 1 MiB: not a model configuration")
                .arg(path)
                .toStdString());
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Format,
            CheckpointBundleText::tr("%1 is not a JSON object: %2")
                .arg(path, error.errorString())
                .toStdString());
    return doc.object();
}

/// Keeps the flat hyper-parameters of an official config (the fixtures'
/// config.json also names its BERT config file: not an override).
QJsonObject plainValues(const QJsonObject &config)
{
    QJsonObject out;
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (it.value().isDouble() || it.value().isBool() || it.value().isString())
            out.insert(it.key(), it.value());
    }
    return out;
}

int intValue(const QJsonObject &o, const QString &key, int fallback)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? v.toInt(fallback) : fallback;
}

} // namespace

Expected<QString> copyVocabularyInto(ModelBundle &bundle, const QString &folder)
{
    const QString copy = QDir(folder).filePath(QFileInfo(bundle.vocab).fileName());
    QString copied;
    if (QFileInfo(copy) != QFileInfo(bundle.vocab)) {
        QFile::remove(copy);
        if (!QFile::copy(bundle.vocab, copy))
            return makeError(ErrorCode::Io,
                CheckpointBundleText::tr("cannot copy the vocabulary to %1")
                    .arg(QDir::toNativeSeparators(copy))
                    .toStdString());
        copied = QFileInfo(copy).fileName();
    }
    bundle.vocab = QFileInfo(copy).absoluteFilePath();
    return copied;
}

QString bundleIdFrom(const QString &text)
{
    QString id = QFileInfo(text).completeBaseName().toLower();
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9._-]+"));
    id.replace(invalid, QStringLiteral("-"));
    while (!id.isEmpty() && !id.front().isLetterOrNumber())
        id.remove(0, 1);
    id.truncate(100);
    return id.isEmpty() ? QStringLiteral("model") : id;
}

Expected<ModelBundle> bundleForCheckpoint(const CheckpointBundleOptions &options)
{
    ModelBundle b;
    b.checkpoint = QFileInfo(options.checkpoint).absoluteFilePath();
    if (!QFileInfo(b.checkpoint).isFile())
        return makeError(ErrorCode::NotFound,
            CheckpointBundleText::tr("the checkpoint %1 does not exist")
                .arg(options.checkpoint)
                .toStdString());
    b.vocab = options.vocab.isEmpty() ? BundledResources::vocabulary()
                                      : QFileInfo(options.vocab).absoluteFilePath();
    if (b.vocab.isEmpty())
        return makeError(ErrorCode::NotFound,
            CheckpointBundleText::tr("no vocabulary given and none is installed: pass --vocab FILE")
                .toStdString());
    b.tokenizerKind = options.tokenizerKind;
    b.clipBpe = options.clipBpe.isEmpty() ? QString() : QFileInfo(options.clipBpe).absoluteFilePath();
    b.kind = options.kind;
    b.id = options.id.isEmpty() ? bundleIdFrom(options.checkpoint) : options.id;
    b.name = options.name.isEmpty() ? QFileInfo(options.checkpoint).fileName() : options.name;

    const Expected<QJsonObject> bert = readConfig(options.bertConfigFile);
    if (!bert)
        return bert.error();
    const Expected<QJsonObject> model = readConfig(options.modelConfigFile);
    if (!model)
        return model.error();
    b.bertConfig = plainValues(*bert);
    b.modelConfig = plainValues(*model);
    b.modelConfig.remove(QStringLiteral("bert_config"));

    const QJsonObject &m = *model;
    b.imageRes = intValue(m, QStringLiteral("image_res"), b.imageRes);
    b.numFrames = intValue(
        m, QStringLiteral("num_frames"), intValue(m, QStringLiteral("model_num_frames"), b.numFrames));
    if (m.value(QStringLiteral("prompt")).isString())
        b.prompt = m.value(QStringLiteral("prompt")).toString();
    // The yaml's generation settings belong to the checkpoint's own task.
    GenerationDefaults &g = b.kind == ModelKind::Qa ? b.qaGeneration : b.captionGeneration;
    g.beamSize = intValue(m, QStringLiteral("beam_size"), g.beamSize);
    g.minLength = intValue(m, QStringLiteral("min_length"), g.minLength);
    g.maxLength = intValue(m, QStringLiteral("max_length"), g.maxLength);

    // Same checks as a manifest read from disk.
    const Expected<ModelBundle> checked = ModelBundle::fromJson(b.toJson(), QString());
    if (!checked)
        return checked.error();
    if (Expected<void> files = b.checkFiles(); !files)
        return files.error();
    return b;
}

} // namespace mplug2::app
