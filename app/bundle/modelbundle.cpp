#include "app/bundle/modelbundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

namespace mplug2::app {

namespace {

struct ModelBundleText {
    Q_DECLARE_TR_FUNCTIONS(ModelBundle)
};

Error bundleError(ErrorCode code, const QString &message)
{
    return makeError(code, message.toStdString());
}

constexpr qint64 kMaxManifestBytes = 1 << 20;

/// Reads typed fields of a manifest object and remembers the first problem,
/// so that parsing reads straight and the message names the key.
class FieldReader {
public:
    FieldReader(const QJsonObject &object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    { }

    /// `key` in the user's language when the manifest gives it ("name[zh_CN]").
    QString localized(const QString &key, const QString &fallback)
    {
        for (const QString &k : localizedKeys(key))
            if (m_object.contains(k))
                return string(k, fallback);
        return fallback;
    }

    QString string(const QString &key, const QString &fallback, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(ModelBundleText::tr("the manifest has no \"%1\"").arg(qualified(key)));
            return fallback;
        }
        if (!v.isString()) {
            fail(ModelBundleText::tr("\"%1\" must be a string").arg(qualified(key)));
            return fallback;
        }
        if (v.toString().size() > 4096) {
            fail(ModelBundleText::tr("\"%1\" is longer than 4096 characters").arg(qualified(key)));
            return fallback;
        }
        return v.toString();
    }

    int integer(const QString &key, int fallback, int low, int high)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || d != double(qint64(d)) || d < low || d > high) {
            fail(ModelBundleText::tr("\"%1\" must be a whole number from %2 to %3")
                     .arg(qualified(key))
                     .arg(low)
                     .arg(high));
            return fallback;
        }
        return int(d);
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(ModelBundleText::tr("\"%1\" must be an object").arg(qualified(key)));
            return {};
        }
        return v.toObject();
    }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    const QString &error() const { return m_error; }
    QString qualified(const QString &key) const { return m_where.isEmpty() ? key : m_where + u'.' + key; }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_error;
};

GenerationDefaults readGeneration(
    FieldReader &parent, const QJsonObject &generation, const QString &task, GenerationDefaults defaults)
{
    const QJsonValue v = generation.value(task);
    if (v.isUndefined())
        return defaults;
    if (!v.isObject()) {
        parent.fail(ModelBundleText::tr("\"generation.%1\" must be an object").arg(task));
        return defaults;
    }
    FieldReader r(v.toObject(), QStringLiteral("generation.") + task);
    GenerationDefaults g;
    g.beamSize = r.integer(QStringLiteral("beam_size"), defaults.beamSize, 1, 32);
    g.minLength = r.integer(QStringLiteral("min_length"), defaults.minLength, 0, 512);
    g.maxLength = r.integer(QStringLiteral("max_length"), defaults.maxLength, 1, 512);
    if (r.error().isEmpty() && g.minLength > g.maxLength)
        r.fail(ModelBundleText::tr("\"generation.%1\": min_length %2 is larger than max_length %3")
                   .arg(task)
                   .arg(g.minLength)
                   .arg(g.maxLength));
    if (!r.error().isEmpty())
        parent.fail(r.error());
    return g;
}

/// The official configs are flat lists of hyper-parameters (with the odd
/// list, such as config_bert.json's "architectures"): a nested object is a mistake.
void checkOverrides(FieldReader &reader, const QJsonObject &overrides, const QString &where)
{
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isObject())
            reader.fail(
                ModelBundleText::tr("\"config.%1.%2\" must be a number, a string, a list or true/false")
                    .arg(where, it.key()));
    }
}

QString resolvePath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty())
        return {};
    const QString expanded = path.startsWith(QLatin1String("~/")) ? QDir::homePath() + path.mid(1) : path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(expanded));
}

QString relativeIfInside(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || baseDir.isEmpty())
        return path;
    const QString rel = QDir(baseDir).relativeFilePath(path);
    return rel.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(rel) ? path : rel;
}

Expected<void> checkReadableFile(const QString &path, const QString &what)
{
    const QFileInfo info(path);
    if (!info.exists())
        return bundleError(
            ErrorCode::NotFound, ModelBundleText::tr("the %1 %2 does not exist").arg(what, path));
    if (!info.isFile())
        return bundleError(
            ErrorCode::InvalidArgument, ModelBundleText::tr("the %1 %2 is not a file").arg(what, path));
    if (!info.isReadable())
        return bundleError(
            ErrorCode::Io, ModelBundleText::tr("the %1 %2 cannot be read (permissions)").arg(what, path));
    return {};
}

} // namespace

QString modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Caption:
        return QStringLiteral("caption");
    case ModelKind::Qa:
        return QStringLiteral("qa");
    case ModelKind::Pretrain:
        return QStringLiteral("pretrain");
    }
    return {};
}

QString modelKindLabel(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Caption:
        return ModelBundleText::tr("captioning");
    case ModelKind::Qa:
        return ModelBundleText::tr("question answering");
    case ModelKind::Pretrain:
        return ModelBundleText::tr("pre-trained (retrieval)");
    }
    return {};
}

QStringList localizedKeys(const QString &key)
{
    const QLocale locale;
    QStringList keys;
    if (locale.language() != QLocale::C) {
        keys << QStringLiteral("%1[%2]").arg(key, locale.name());
        const QString language = locale.name().section(QLatin1Char('_'), 0, 0);
        if (language != locale.name())
            keys << QStringLiteral("%1[%2]").arg(key, language);
    }
    keys << key;
    return keys;
}

Expected<ModelKind> parseModelKind(const QString &name)
{
    for (ModelKind k : {ModelKind::Caption, ModelKind::Qa, ModelKind::Pretrain}) {
        if (name == modelKindName(k))
            return k;
    }
    return bundleError(ErrorCode::InvalidArgument,
        ModelBundleText::tr("unknown model kind \"%1\" (expected caption, qa or pretrain)").arg(name));
}

Expected<ModelBundle> ModelBundle::fromJson(const QJsonObject &manifest, const QString &baseDir)
{
    FieldReader r(manifest, {});
    const QString schema = r.string(QStringLiteral("schema"), {}, true);
    if (r.error().isEmpty() && schema != QLatin1String(kSchema))
        r.fail(ModelBundleText::tr("unsupported manifest schema \"%1\" (this version reads %2)")
                   .arg(schema, QLatin1String(kSchema)));

    ModelBundle b;
    b.id = r.string(QStringLiteral("id"), {}, true);
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,99}$"));
    if (r.error().isEmpty() && !idPattern.match(b.id).hasMatch())
        r.fail(ModelBundleText::tr(
            "\"id\" must be 1-100 lower-case letters, digits, '.', '_' or '-' (got \"%1\")")
                   .arg(b.id));
    b.name = r.localized(QStringLiteral("name"), b.id);
    b.description = r.localized(QStringLiteral("description"), {});
    b.license = r.string(QStringLiteral("license"), {});
    const QString kind = r.string(QStringLiteral("kind"), {}, true);
    if (r.error().isEmpty()) {
        const Expected<ModelKind> k = parseModelKind(kind);
        if (k)
            b.kind = *k;
        else
            r.fail(QString::fromStdString(k.error().message));
    }
    const QJsonValue tasks = manifest.value(QStringLiteral("tasks"));
    if (!tasks.isUndefined() && !tasks.isArray())
        r.fail(ModelBundleText::tr("\"tasks\" must be a list of task names"));
    for (const QJsonValue &task : tasks.toArray()) {
        if (task.toString() != QLatin1String("caption") && task.toString() != QLatin1String("qa"))
            r.fail(ModelBundleText::tr("\"tasks\" may hold \"caption\" and \"qa\" only"));
        else if (!b.extraTasks.contains(task.toString()))
            b.extraTasks.append(task.toString());
    }
    b.checkpoint = resolvePath(r.string(QStringLiteral("checkpoint"), {}, true), baseDir);

    const QJsonObject tokenizer = r.object(QStringLiteral("tokenizer"));
    if (r.error().isEmpty() && tokenizer.isEmpty())
        r.fail(ModelBundleText::tr("the manifest has no \"tokenizer\""));
    FieldReader t(tokenizer, QStringLiteral("tokenizer"));
    b.tokenizerKind = t.string(QStringLiteral("kind"), QStringLiteral("wordpiece"));
    if (t.error().isEmpty() && b.tokenizerKind != QLatin1String("wordpiece")
        && b.tokenizerKind != QLatin1String("sentencepiece"))
        t.fail(ModelBundleText::tr("\"tokenizer.kind\" must be wordpiece or sentencepiece (got \"%1\")")
                   .arg(b.tokenizerKind));
    b.vocab = resolvePath(t.string(QStringLiteral("file"), {}, !tokenizer.isEmpty()), baseDir);
    if (!t.error().isEmpty())
        r.fail(t.error());

    b.clipBpe = resolvePath(r.string(QStringLiteral("clip_bpe"), {}), baseDir);
    const QJsonObject clipTokenizer = r.object(QStringLiteral("clip_tokenizer"));
    if (!clipTokenizer.isEmpty()) {
        FieldReader ct(clipTokenizer, QStringLiteral("clip_tokenizer"));
        b.clipTokenizerKind = ct.string(QStringLiteral("kind"), QStringLiteral("clip"));
        if (ct.error().isEmpty() && b.clipTokenizerKind != QLatin1String("clip")
            && b.clipTokenizerKind != QLatin1String("sentencepiece"))
            ct.fail(ModelBundleText::tr("\"clip_tokenizer.kind\" must be clip or sentencepiece (got \"%1\")")
                        .arg(b.clipTokenizerKind));
        if (ct.error().isEmpty() && !b.clipBpe.isEmpty())
            ct.fail(ModelBundleText::tr("give either \"clip_bpe\" or \"clip_tokenizer\", not both"));
        b.clipBpe = resolvePath(ct.string(QStringLiteral("file"), {}, true), baseDir);
        if (!ct.error().isEmpty())
            r.fail(ct.error());
    }
    b.prompt = r.string(QStringLiteral("prompt"), QStringLiteral("a video of"));
    b.imageRes = r.integer(QStringLiteral("image_res"), 0, 0, 1024);
    if (r.error().isEmpty() && b.imageRes != 0 && b.imageRes < 16)
        r.fail(ModelBundleText::tr("\"image_res\" must be 0 (the checkpoint's own) or from 16 to 1024"));
    b.numFrames = r.integer(QStringLiteral("num_frames"), 16, 1, 64);
    const QJsonObject generation = r.object(QStringLiteral("generation"));
    b.captionGeneration = readGeneration(r, generation, QStringLiteral("caption"), b.captionGeneration);
    b.qaGeneration = readGeneration(r, generation, QStringLiteral("qa"), b.qaGeneration);

    const QJsonObject config = r.object(QStringLiteral("config"));
    FieldReader c(config, QStringLiteral("config"));
    b.bertConfig = c.object(QStringLiteral("bert"));
    b.modelConfig = c.object(QStringLiteral("model"));
    checkOverrides(c, b.bertConfig, QStringLiteral("bert"));
    checkOverrides(c, b.modelConfig, QStringLiteral("model"));
    if (!c.error().isEmpty())
        r.fail(c.error());

    if (!r.error().isEmpty())
        return bundleError(ErrorCode::Format, r.error());
    return b;
}

QJsonObject ModelBundle::toJson(const QString &baseDir) const
{
    auto generation = [](const GenerationDefaults &g) {
        return QJsonObject {{QStringLiteral("beam_size"), g.beamSize},
            {QStringLiteral("min_length"), g.minLength}, {QStringLiteral("max_length"), g.maxLength}};
    };
    QJsonObject o {
        {QStringLiteral("schema"), QLatin1String(kSchema)},
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("kind"), modelKindName(kind)},
        {QStringLiteral("checkpoint"), relativeIfInside(checkpoint, baseDir)},
        {QStringLiteral("tokenizer"),
            QJsonObject {{QStringLiteral("kind"), tokenizerKind},
                {QStringLiteral("file"), relativeIfInside(vocab, baseDir)}}},
        {QStringLiteral("prompt"), prompt},
        {QStringLiteral("image_res"), imageRes},
        {QStringLiteral("num_frames"), numFrames},
        {QStringLiteral("generation"),
            QJsonObject {{QStringLiteral("caption"), generation(captionGeneration)},
                {QStringLiteral("qa"), generation(qaGeneration)}}},
    };
    if (!extraTasks.isEmpty())
        o.insert(QStringLiteral("tasks"), QJsonArray::fromStringList(extraTasks));
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (!license.isEmpty())
        o.insert(QStringLiteral("license"), license);
    if (!clipBpe.isEmpty() && clipTokenizerKind == QLatin1String("clip"))
        o.insert(QStringLiteral("clip_bpe"), relativeIfInside(clipBpe, baseDir));
    else if (!clipBpe.isEmpty())
        o.insert(QStringLiteral("clip_tokenizer"),
            QJsonObject {{QStringLiteral("kind"), clipTokenizerKind},
                {QStringLiteral("file"), relativeIfInside(clipBpe, baseDir)}});
    if (!bertConfig.isEmpty() || !modelConfig.isEmpty())
        o.insert(QStringLiteral("config"),
            QJsonObject {{QStringLiteral("bert"), bertConfig}, {QStringLiteral("model"), modelConfig}});
    return o;
}

Expected<ModelBundle> ModelBundle::load(const QString &path)
{
    const QFileInfo info(path);
    const QString manifestFile = info.isDir() ? QDir(path).filePath(QLatin1String(kManifestName)) : path;
    QFile file(manifestFile);
    if (!file.exists())
        return bundleError(ErrorCode::NotFound,
            ModelBundleText::tr("no model bundle at %1 (expected a folder with %2 or a .json manifest)")
                .arg(path, QLatin1String(kManifestName)));
    if (file.size() > kMaxManifestBytes)
        return bundleError(ErrorCode::LimitExceeded,
            ModelBundleText::tr("the manifest %1 is larger than 1 MiB: not a model bundle manifest")
                .arg(manifestFile));
    if (!file.open(QIODevice::ReadOnly))
        return bundleError(
            ErrorCode::Io, ModelBundleText::tr("cannot read %1: %2").arg(manifestFile, file.errorString()));
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxManifestBytes), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return bundleError(ErrorCode::Format,
            ModelBundleText::tr("%1 is not a JSON object: %2").arg(manifestFile, parseError.errorString()));
    const QString baseDir = QFileInfo(manifestFile).absolutePath();
    Expected<ModelBundle> bundle = fromJson(doc.object(), baseDir);
    if (!bundle)
        return bundleError(bundle.error().code,
            ModelBundleText::tr("%1: %2").arg(manifestFile, QString::fromStdString(bundle.error().message)));
    bundle->manifestPath = QFileInfo(manifestFile).absoluteFilePath();
    if (Expected<void> files = bundle->checkFiles(); !files)
        return bundleError(files.error().code,
            ModelBundleText::tr("model bundle %1: %2")
                .arg(bundle->id, QString::fromStdString(files.error().message)));
    return bundle;
}

Expected<void> ModelBundle::save(const QString &manifestFile) const
{
    const QString baseDir = QFileInfo(manifestFile).absolutePath();
    QSaveFile file(manifestFile);
    if (!file.open(QIODevice::WriteOnly))
        return bundleError(
            ErrorCode::Io, ModelBundleText::tr("cannot write %1: %2").arg(manifestFile, file.errorString()));
    file.write(QJsonDocument(toJson(baseDir)).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return bundleError(
            ErrorCode::Io, ModelBundleText::tr("cannot write %1: %2").arg(manifestFile, file.errorString()));
    return {};
}

Expected<void> ModelBundle::checkFiles() const
{
    if (Expected<void> r = checkReadableFile(checkpoint, ModelBundleText::tr("checkpoint")); !r)
        return r;
    if (Expected<void> r = checkReadableFile(vocab, ModelBundleText::tr("vocabulary")); !r)
        return r;
    if (!clipBpe.isEmpty()) {
        if (Expected<void> r = checkReadableFile(clipBpe, ModelBundleText::tr("CLIP text tokenizer file"));
            !r)
            return r;
    }
    return {};
}

} // namespace mplug2::app
