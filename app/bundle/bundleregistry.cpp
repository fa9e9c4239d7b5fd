#include "app/bundle/bundleregistry.h"

#include "app/bundle/bundledresources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace mplug2::app {

namespace {

const QString kPathsKey = QStringLiteral("bundles/manifests");
const QString kDefaultKey = QStringLiteral("bundles/default");
const QString kMergedKey = QStringLiteral("bundles/merged-legacy");

struct BundleRegistryText {
    Q_DECLARE_TR_FUNCTIONS(BundleRegistry)
};

BundleRegistry::Entry loadEntry(const QString &manifestPath, bool builtIn)
{
    BundleRegistry::Entry entry;
    entry.manifestPath = manifestPath;
    Expected<ModelBundle> bundle = ModelBundle::load(manifestPath);
    if (bundle) {
        bundle->builtIn = builtIn;
        entry.bundle = std::move(*bundle);
    } else {
        entry.error = QString::fromStdString(bundle.error().message);
    }
    return entry;
}

QString organization()
{
    const QString org = QCoreApplication::organizationName();
    return org.isEmpty() ? QStringLiteral("mplug2") : org;
}

} // namespace

BundleRegistry::BundleRegistry(QSettings *settings)
{
    if (!settings) {
        m_ownSettings = std::make_unique<QSettings>(
            QSettings::NativeFormat, QSettings::UserScope, organization(), QStringLiteral("models"));
        settings = m_ownSettings.get();
        m_settings = settings;
        mergeLegacyRegistries();
    }
    m_settings = settings;
}

QString BundleRegistry::sharedSettingsPath()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, organization(), QStringLiteral("models"))
        .fileName();
}

void BundleRegistry::mergeLegacyRegistries()
{
    if (m_settings->value(kMergedKey).toBool())
        return;
    QStringList paths = registeredPaths();
    QString chosenDefault = defaultId();
    // The CLI's file first: its --default was said in so many words.
    for (const QString &program : {QStringLiteral("mplug2"), QStringLiteral("mplug2-studio")}) {
        const QSettings legacy(QSettings::NativeFormat, QSettings::UserScope, organization(), program);
        for (const QString &p : legacy.value(kPathsKey).toStringList())
            if (!paths.contains(p))
                paths.append(p);
        if (chosenDefault.isEmpty())
            chosenDefault = legacy.value(kDefaultKey).toString();
    }
    setRegisteredPaths(paths);
    if (!chosenDefault.isEmpty())
        setDefaultId(chosenDefault);
    m_settings->setValue(kMergedKey, true);
}

BundleRegistry::~BundleRegistry() = default;

QStringList BundleRegistry::registeredPaths() const
{
    return m_settings->value(kPathsKey).toStringList();
}

void BundleRegistry::setRegisteredPaths(const QStringList &paths)
{
    m_settings->setValue(kPathsKey, paths);
}

QList<BundleRegistry::Entry> BundleRegistry::entries() const
{
    QList<Entry> list;
    const QString builtIn = BundledResources::defaultModelManifest();
    if (!builtIn.isEmpty())
        list.append(loadEntry(builtIn, true));
    for (const QString &path : registeredPaths())
        list.append(loadEntry(path, false));
    return list;
}

QList<ModelBundle> BundleRegistry::bundles() const
{
    QList<ModelBundle> list;
    for (const Entry &e : entries()) {
        if (e.bundle)
            list.append(*e.bundle);
    }
    return list;
}

Expected<ModelBundle> BundleRegistry::add(const QString &path, OnConflict onConflict)
{
    Expected<ModelBundle> bundle = ModelBundle::load(path);
    if (!bundle)
        return bundle;
    const QString builtIn = BundledResources::defaultModelManifest();
    if (!builtIn.isEmpty()) {
        const Expected<ModelBundle> shipped = ModelBundle::load(builtIn);
        if (shipped && shipped->id == bundle->id)
            return makeError(ErrorCode::InvalidArgument,
                BundleRegistryText::tr(
                    "the id \"%1\" belongs to the built-in model; give the bundle another id")
                    .arg(bundle->id)
                    .toStdString());
    }
    QStringList paths;
    for (const QString &p : registeredPaths()) {
        const bool sameManifest = QFileInfo(p) == QFileInfo(bundle->manifestPath);
        if (sameManifest)
            continue;
        const Expected<ModelBundle> other = ModelBundle::load(p);
        if (other && other->id == bundle->id) {
            if (onConflict == OnConflict::Refuse)
                return makeError(ErrorCode::InvalidArgument,
                    BundleRegistryText::tr(
                        "a model with the id \"%1\" is already installed (%2, from %3): give this "
                        "one another id, or replace that one")
                        .arg(bundle->id, other->name.isEmpty() ? other->id : other->name,
                            QDir::toNativeSeparators(p))
                        .toStdString());
            continue;
        }
        paths.append(p);
    }
    paths.append(bundle->manifestPath);
    setRegisteredPaths(paths);
    return bundle;
}

std::optional<ModelBundle> BundleRegistry::find(const QString &id) const
{
    for (const Entry &e : entries())
        if (e.bundle && e.bundle->id == id)
            return *e.bundle;
    return std::nullopt;
}

QString BundleRegistry::freeId(const QString &wanted, const std::function<bool(const QString &)> &taken) const
{
    QStringList held;
    for (const Entry &e : entries())
        if (e.bundle)
            held << e.bundle->id;
    const auto free = [&](const QString &id) { return !held.contains(id) && !(taken && taken(id)); };
    if (free(wanted))
        return wanted;
    for (int n = 2;; ++n)
        if (const QString id = QStringLiteral("%1-%2").arg(wanted).arg(n); free(id))
            return id;
}

bool BundleRegistry::remove(const QString &id)
{
    QStringList paths = registeredPaths();
    const auto removed = paths.removeIf([&](const QString &p) {
        const Expected<ModelBundle> b = ModelBundle::load(p);
        return b && b->id == id;
    });
    if (removed == 0)
        return false;
    setRegisteredPaths(paths);
    if (defaultId() == id)
        setDefaultId({});
    return true;
}

QString BundleRegistry::defaultId() const
{
    return m_settings->value(kDefaultKey).toString();
}

void BundleRegistry::setDefaultId(const QString &id)
{
    if (id.isEmpty())
        m_settings->remove(kDefaultKey);
    else
        m_settings->setValue(kDefaultKey, id);
}

Expected<ModelBundle> BundleRegistry::defaultBundle() const
{
    const QString chosen = defaultId();
    const QList<Entry> all = entries();
    for (const Entry &e : all) {
        if (e.bundle && !chosen.isEmpty() && e.bundle->id == chosen)
            return *e.bundle;
    }
    const QString builtIn = BundledResources::defaultModelManifest();
    for (const Entry &e : all) {
        if (e.bundle && e.bundle->builtIn)
            return *e.bundle;
        if (!e.bundle && e.manifestPath == builtIn)
            return makeError(ErrorCode::Format,
                BundleRegistryText::tr("the bundled default model (%1) cannot be used: %2")
                    .arg(builtIn, e.error)
                    .toStdString());
    }
    const QString location = BundledResources::defaultModelLocation();
    return makeError(ErrorCode::NotFound,
        BundleRegistryText::tr(
            "no default model is installed (the bundled one belongs at %1): pass --model BUNDLE or "
            "--checkpoint FILE --vocab FILE, or import one with 'mplug2 import'")
            .arg(location.isEmpty() ? BundleRegistryText::tr("<data folder>/models/demo/manifest.json")
                                    : location)
            .toStdString());
}

Expected<ModelBundle> BundleRegistry::resolve(const QString &idOrPath) const
{
    if (idOrPath == QLatin1String("default"))
        return defaultBundle();
    if (QFileInfo::exists(idOrPath))
        return ModelBundle::load(idOrPath);
    for (const Entry &e : entries()) {
        if (e.bundle && e.bundle->id == idOrPath)
            return *e.bundle;
    }
    return makeError(ErrorCode::NotFound,
        BundleRegistryText::tr(
            "no model bundle \"%1\": not a registered id and not a bundle folder or manifest")
            .arg(idOrPath)
            .toStdString());
}

} // namespace mplug2::app
