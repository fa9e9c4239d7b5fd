#include "app/zoo/modelcatalogue.h"

#include "app/bundle/bundledresources.h"
#include "app/bundle/checkpointbundle.h"
#include "base/json/json.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

namespace mplug2::app {

namespace {

QString text(json::View v)
{
    return QString::fromStdString(v.asString());
}

/// `key` in the user's language when the entry gives it ("task[zh_CN]").
QString localizedText(json::View object, const QString &key)
{
    for (const QString &k : localizedKeys(key)) {
        const json::View v = object[k.toStdString()];
        if (v.isString())
            return text(v);
    }
    return {};
}

Error entryError(const QString &path, int index, const QString &what)
{
    return makeError(ErrorCode::Format,
        QStringLiteral("%1: model %2: %3")
            .arg(QDir::toNativeSeparators(path))
            .arg(index + 1)
            .arg(what)
            .toStdString());
}

} // namespace

QUrl CatalogueModel::downloadUrl(const QString &mirror) const
{
    if (mirror.isEmpty())
        return url;
    const QUrl base = QUrl::fromUserInput(mirror, QDir::currentPath(), QUrl::AssumeLocalFile);
    if (base.isLocalFile())
        return QUrl::fromLocalFile(QDir(base.toLocalFile()).filePath(file));
    QUrl u = base;
    QString path = u.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    u.setPath(path + file);
    return u;
}

QString CatalogueModel::scoreText() const
{
    if (!score || metric.isEmpty())
        return {};
    const QString value = QLocale::c().toString(*score, 'f', 1);
    return dataset.isEmpty() ? QStringLiteral("%1 %2").arg(metric, value)
                             : QStringLiteral("%1 %2 on %3").arg(metric, value, dataset);
}

Expected<ModelCatalogue> ModelCatalogue::load(const QString &path)
{
    Expected<json::Json> doc = json::parseFile(path.toStdString(), 4u << 20);
    if (!doc)
        return doc.error();
    const json::View root(*doc);
    if (root["schema"].asInt() != 1)
        return makeError(ErrorCode::Format,
            QStringLiteral("%1: not a model catalogue of schema 1")
                .arg(QDir::toNativeSeparators(path))
                .toStdString());
    ModelCatalogue c;
    c.source = text(root["source"]);
    c.license = text(root["license"]);
    c.licenseUrl = text(root["license_url"]);
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    const std::vector<json::View> entries = root["models"].items();
    for (int i = 0; i < int(entries.size()); ++i) {
        const json::View e = entries[std::size_t(i)];
        CatalogueModel m;
        m.id = text(e["id"]);
        if (m.id.isEmpty() || bundleIdFrom(m.id) != m.id)
            return entryError(path, i, QStringLiteral("the id \"%1\" is not a valid bundle id").arg(m.id));
        if (c.find(m.id))
            return entryError(path, i, QStringLiteral("the id \"%1\" is listed twice").arg(m.id));
        m.name = localizedText(e, QStringLiteral("name"));
        m.file = text(e["file"]);
        if (m.file.isEmpty() || m.file.contains(QLatin1Char('/')) || m.file.contains(QLatin1Char('\\'))
            || m.file.startsWith(QLatin1Char('.')))
            return entryError(path, i, QStringLiteral("\"file\" must be a plain file name"));
        m.url = QUrl(text(e["url"]), QUrl::StrictMode);
        if (!m.url.isValid()
            || (m.url.scheme() != QLatin1String("http") && m.url.scheme() != QLatin1String("https")))
            return entryError(path, i, QStringLiteral("\"url\" must be an http(s) URL"));
        const Expected<ModelKind> kind = parseModelKind(text(e["kind"]));
        if (!kind)
            return entryError(path, i, QString::fromStdString(kind.error().message));
        m.kind = *kind;
        m.task = localizedText(e, QStringLiteral("task"));
        m.dataset = text(e["dataset"]);
        m.metric = text(e["metric"]);
        if (e["score"].isNumber())
            m.score = e["score"].asDouble();
        m.architecture = text(e["architecture"]);
        m.size = e["size"].isInteger() && e["size"].asInt() > 0 ? e["size"].asInt() : -1;
        m.sha256 = text(e["sha256"]).toLower();
        if (!m.sha256.isEmpty() && !sha.match(m.sha256).hasMatch())
            return entryError(path, i, QStringLiteral("\"sha256\" must be 64 hex digits"));
        c.models.append(m);
    }
    return c;
}

Expected<ModelCatalogue> ModelCatalogue::bundled()
{
    const QString dir = BundledResources::dataDir();
    const QString path
        = dir.isEmpty() ? QString() : QDir(dir).filePath(QStringLiteral("models/catalogue.json"));
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return makeError(ErrorCode::NotFound,
            "the model catalogue (models/catalogue.json) is not installed with this program");
    return load(path);
}

QString ModelCatalogue::mirror()
{
    return qEnvironmentVariable("MPLUG2_MODEL_MIRROR").trimmed();
}

const CatalogueModel *ModelCatalogue::find(const QString &id) const
{
    for (const CatalogueModel &m : models)
        if (m.id == id)
            return &m;
    return nullptr;
}

} // namespace mplug2::app
