#include "app/zoo/modelstore.h"

#include "app/bundle/checkpointbundle.h"
#include "base/json/json.h"
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/safetensorswriter.h"
#include "model/checkpoint/statedict.h"
#include "model/config/configinference.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <optional>

namespace mplug2::app {

namespace {
struct ModelStoreText {
    Q_DECLARE_TR_FUNCTIONS(ModelStore)
};

constexpr const char *kDownloadRecord = "download.json";
constexpr const char *kSeenRecord = "seen.json";

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Expected<void> writeJson(const QString &path, const json::Json &value)
{
    QSaveFile f(path);
    const std::string text = json::dump(value, 2) + '\n';
    if (!f.open(QIODevice::WriteOnly) || f.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !f.commit())
        return makeError(
            ErrorCode::Io, ModelStoreText::tr("cannot write %1").arg(native(path)).toStdString());
    return {};
}

json::Json readJson(const QString &path)
{
    Expected<json::Json> doc = json::parseFile(path.toStdString(), 1u << 20);
    return doc && doc->is_object() ? *doc : json::Json::object();
}

} // namespace

ModelStore::ModelStore(QString folder)
    : m_folder(folder.isEmpty() ? defaultFolder() : QDir(folder).absolutePath())
{ }

QString ModelStore::defaultFolder()
{
    const QString env = qEnvironmentVariable("MPLUG2_MODELS_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("mplug2/models"));
}

QString ModelStore::bundleFolder(const QString &id) const
{
    return QDir(m_folder).filePath(id);
}

QString ModelStore::fileNameOf(const QUrl &url)
{
    const QString name = url.fileName();
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')) || name == QLatin1String(kDownloadRecord)
        || name == QLatin1String(ModelBundle::kManifestName))
        return {};
    return name;
}

DownloadJob ModelStore::jobFor(const CatalogueModel &model, const QString &mirror) const
{
    DownloadJob job;
    job.url = model.downloadUrl(mirror);
    job.target = QDir(bundleFolder(model.id)).filePath(model.file);
    job.expectedSize = model.size;
    job.expectedSha256 = model.sha256;
    if (const std::optional<Seen> s = seen(model.url.toString())) {
        if (job.expectedSize <= 0)
            job.expectedSize = s->size;
        if (job.expectedSha256.isEmpty())
            job.expectedSha256 = s->sha256;
    }
    // The official host answers plain http; try https first where there is no mirror.
    job.httpsFirst = mirror.isEmpty() && job.url.scheme() == QLatin1String("http");
    return job;
}

DownloadJob ModelStore::jobFor(const QUrl &url, const QString &id) const
{
    DownloadJob job;
    job.url = url;
    const QString name = fileNameOf(url);
    job.target = QDir(bundleFolder(id)).filePath(name.isEmpty() ? QStringLiteral("checkpoint.pth") : name);
    if (const std::optional<Seen> s = seen(url.toString())) {
        job.expectedSize = s->size;
        job.expectedSha256 = s->sha256;
    }
    return job;
}

std::optional<QString> ModelStore::conflict(
    const QString &id, bool replace, const BundleRegistry &registry) const
{
    if (const std::optional<ModelBundle> held = registry.find(id)) {
        if (held->builtIn)
            return ModelStoreText::tr("\"%1\" is the built-in model's id: choose another --id").arg(id);
        if (!replace)
            return ModelStoreText::tr(
                "a model with the id \"%1\" is already installed (%2): pass --id with another id to "
                "keep both, or --replace to replace it")
                .arg(id, native(held->manifestPath));
    }
    const QString manifest = QDir(bundleFolder(id)).filePath(QString::fromLatin1(ModelBundle::kManifestName));
    if (!replace && QFileInfo::exists(manifest))
        return ModelStoreText::tr(
            "%1 already holds a model bundle: remove it with `mplug2 models remove %2`, or pass "
            "--replace")
            .arg(native(bundleFolder(id)), id);
    return std::nullopt;
}

std::optional<ModelStore::Seen> ModelStore::seen(const QString &key) const
{
    const json::Json all = readJson(QDir(m_folder).filePath(QString::fromLatin1(kSeenRecord)));
    const json::View s = json::View(all)[key.toStdString()];
    if (!s.isObject() || s["size"].asInt() <= 0)
        return std::nullopt;
    return Seen {s["size"].asInt(), QString::fromStdString(s["sha256"].asString())};
}

Expected<ModelBundle> ModelStore::install(
    const DownloadOutcome &download, const InstallOptions &options, BundleRegistry &registry) const
{
    const QString path = download.path;
    const QDir dir = QFileInfo(path).absoluteDir();
    // What a download wrote is a checkpoint only when the model can read it.
    QString fp16Path;
    int imageRes = 0;
    {
        // The shapes say whether it is one (no tensor data is read); the data only for the fp16 copy.
        std::optional<model::CheckpointIndex> index;
        Expected<model::Mplug2Config> config = [&]() -> Expected<model::Mplug2Config> {
            Expected<model::CheckpointIndex> opened = model::CheckpointIndex::open(path.toStdString());
            if (!opened)
                return opened.error();
            index.emplace(std::move(*opened));
            Expected<model::StateDict> shapes = model::loadStateDictShapes(*index);
            if (!shapes)
                return shapes.error();
            return model::inferConfig(*shapes);
        }();
        if (!config) {
            index.reset(); // unmap before deleting
            QFile::remove(path);
            QDir().rmdir(dir.absolutePath()); // the folder the download made, when nothing else is in it
            return makeError(ErrorCode::Format,
                ModelStoreText::tr("the downloaded file is not an mPLUG-2 checkpoint, so it was deleted: %1")
                    .arg(QString::fromStdString(config.error().message))
                    .toStdString());
        }
        imageRes = int(config->vision.imageRes);
        if (options.fp16) {
            const Expected<model::StateDict> weights = model::loadStateDict(*index);
            if (!weights)
                return weights.error();
            fp16Path = dir.filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".fp16.safetensors"));
            model::SafetensorsWriteOptions o;
            o.floatingType = model::ElementType::Float16;
            o.metadata = {{"format", "pt"}, {"source", QFileInfo(path).fileName().toStdString()}};
            if (auto written = model::writeSafetensors(*weights, fp16Path.toStdString(), o); !written)
                return written.error();
        }
    }

    const QString key = options.source.toString();
    if (!key.isEmpty() && !seen(key)) {
        json::Json all = readJson(QDir(m_folder).filePath(QString::fromLatin1(kSeenRecord)));
        json::Json s = json::Json::object();
        s["size"] = download.size;
        s["sha256"] = download.sha256.toStdString();
        all[key.toStdString()] = s;
        if (Expected<void> ok = writeJson(QDir(m_folder).filePath(QString::fromLatin1(kSeenRecord)), all);
            !ok)
            return ok.error();
    }

    CheckpointBundleOptions o;
    o.checkpoint = fp16Path.isEmpty() ? path : fp16Path;
    o.kind = options.kind;
    o.id = options.id;
    o.name = options.name.isEmpty() ? options.id : options.name;
    Expected<ModelBundle> bundle = bundleForCheckpoint(o);
    if (!bundle)
        return bundle.error();
    if (bundle->imageRes <= 0)
        bundle->imageRes = imageRes; // what the positional embedding was trained at
    QStringList files = {QFileInfo(path).fileName(), QString::fromLatin1(ModelBundle::kManifestName),
        QString::fromLatin1(kDownloadRecord)};
    if (!fp16Path.isEmpty())
        files.append(QFileInfo(fp16Path).fileName());
    const Expected<QString> vocabCopy = copyVocabularyInto(*bundle, dir.absolutePath());
    if (!vocabCopy)
        return vocabCopy.error();
    if (!vocabCopy->isEmpty())
        files.append(*vocabCopy);
    const QString manifest = dir.filePath(QString::fromLatin1(ModelBundle::kManifestName));
    if (Expected<void> saved = bundle->save(manifest); !saved)
        return saved.error();

    json::Json record = json::Json::object();
    record["schema"] = "mplug2-download/1";
    record["url"] = key.toStdString();
    record["size"] = download.size;
    record["sha256"] = download.sha256.toStdString();
    json::Json list = json::Json::array();
    for (const QString &f : files)
        list.push_back(f.toStdString());
    record["files"] = list;
    if (Expected<void> ok = writeJson(dir.filePath(QString::fromLatin1(kDownloadRecord)), record); !ok)
        return ok.error();

    Expected<ModelBundle> added = registry.add(
        manifest, options.replace ? BundleRegistry::OnConflict::Replace : BundleRegistry::OnConflict::Refuse);
    if (!added)
        return added.error();
    if (options.makeDefault)
        registry.setDefaultId(added->id);
    return added;
}

bool ModelStore::isDownloaded(const ModelBundle &bundle)
{
    return !bundle.manifestPath.isEmpty()
        && QFileInfo(
            QFileInfo(bundle.manifestPath).absoluteDir().filePath(QString::fromLatin1(kDownloadRecord)))
               .isFile();
}

Expected<QStringList> ModelStore::remove(const QString &id, BundleRegistry &registry) const
{
    const std::optional<ModelBundle> held = registry.find(id);
    if (held && held->builtIn)
        return makeError(ErrorCode::InvalidArgument,
            ModelStoreText::tr("the built-in model cannot be removed").toStdString());
    // The folder a download wrote: the registered bundle's, else the store's own (a partial download).
    QDir dir(held ? QFileInfo(held->manifestPath).absolutePath() : bundleFolder(id));
    QStringList deleted;
    const auto erase = [&](const QString &name) {
        const QString file = dir.filePath(name);
        if (QFileInfo(file).isFile() && QFile::remove(file))
            deleted.append(file);
    };
    const QString recordPath = dir.filePath(QString::fromLatin1(kDownloadRecord));
    const bool downloaded = QFileInfo(recordPath).isFile();
    if (downloaded) {
        const json::Json record = readJson(recordPath);
        for (const json::View f : json::View(record)["files"].items()) {
            const QString name = QString::fromStdString(f.asString());
            // Plain names only: a record never points outside its folder.
            if (!name.isEmpty() && QFileInfo(name).fileName() == name && name != QLatin1String(".."))
                if (name != QLatin1String(kDownloadRecord))
                    erase(name);
        }
        erase(QString::fromLatin1(kDownloadRecord));
    }
    // Unfinished downloads are ours by their names, wherever the bundle came from.
    if (downloaded || !held || QFileInfo(dir.path()) == QFileInfo(bundleFolder(id)))
        for (const QString &name :
            dir.entryList({QStringLiteral("*.part"), QStringLiteral("*.part.json")}, QDir::Files))
            erase(name);
    if (held)
        registry.remove(id);
    else if (deleted.isEmpty())
        return makeError(ErrorCode::NotFound,
            ModelStoreText::tr("no model with the id \"%1\" is installed or being downloaded")
                .arg(id)
                .toStdString());
    if (dir.exists() && dir.isEmpty())
        QDir().rmdir(dir.absolutePath());
    return deleted;
}

} // namespace mplug2::app
