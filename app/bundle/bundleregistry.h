#pragma once
/// The model bundles this user has registered, kept in QSettings (group
/// "bundles"), plus the built-in demo bundle, which is always listed first
/// and cannot be removed. One of them is the default.
///
///     BundleRegistry registry;                  // the file the app and the CLI share
///     auto added = registry.add("/models/msrvtt-caption");
///     registry.setDefaultId(added->id);
///     auto bundle = registry.defaultBundle();   // error when nothing is installed
///
/// The app and the CLI read and write one file (sharedSettingsPath()), so a
/// model imported or made the default with `mplug2 import --default` is the
/// one the app opens with. Registries that earlier versions kept in each
/// program's own settings are merged into it once.
///
/// Adding never replaces silently: a bundle whose id another manifest holds
/// is refused unless the caller says Replace; freeId() gives an id to keep both.
///
/// Threading: use from one thread at a time (QSettings itself is thread-safe).

#include "app/bundle/modelbundle.h"
#include "base/expected.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QSettings;

namespace mplug2::app {

class BundleRegistry {
public:
    /// Uses `settings` (not owned) or, when null, the shared registry file.
    explicit BundleRegistry(QSettings *settings = nullptr);

    /// The registry file the app and the CLI share:
    /// `<user config>/<organization, else mplug2>/models.conf` on Linux.
    static QString sharedSettingsPath();
    ~BundleRegistry();
    BundleRegistry(const BundleRegistry &) = delete;
    BundleRegistry &operator=(const BundleRegistry &) = delete;

    /// One registered manifest, loadable or not (a bundle on a disk that is
    /// not mounted stays registered and shows its error).
    struct Entry {
        QString manifestPath;
        std::optional<ModelBundle> bundle;
        QString error;
    };

    /// The built-in bundle first (when installed), then the registered ones in the order added.
    QList<Entry> entries() const;
    /// The loadable bundles of entries().
    QList<ModelBundle> bundles() const;

    enum class OnConflict {
        Refuse, ///< an id held by another registered manifest is an error
        Replace, ///< that manifest is unregistered (its files stay)
    };
    /// Registers the bundle at `path` (folder or manifest) after loading it.
    /// Registering the same manifest again refreshes it; another manifest
    /// with a registered id is refused (ErrorCode::InvalidArgument, naming
    /// the model it would replace) unless `onConflict` is Replace.
    Expected<ModelBundle> add(const QString &path, OnConflict onConflict = OnConflict::Refuse);
    /// The bundle registered (or built in) under `id`, if any.
    std::optional<ModelBundle> find(const QString &id) const;
    /// `wanted` when no bundle holds it, else `wanted-2`, `wanted-3`, …: the
    /// id that keeps both. `taken` also rules out ids, e.g. folders in use.
    QString freeId(const QString &wanted, const std::function<bool(const QString &)> &taken = {}) const;
    /// Forgets a registered bundle (its files stay). False for unknown or built-in ids.
    bool remove(const QString &id);

    /// The chosen default's id, or "" for "the built-in one".
    QString defaultId() const;
    void setDefaultId(const QString &id);
    /// The chosen default if it loads, else the built-in bundle, else a
    /// NotFound error that says no default model is installed.
    Expected<ModelBundle> defaultBundle() const;

    /// A registered id (or "default"), or a path to a bundle folder/manifest.
    Expected<ModelBundle> resolve(const QString &idOrPath) const;

private:
    /// Once per file: the registries older versions kept per program.
    void mergeLegacyRegistries();
    QStringList registeredPaths() const;
    void setRegisteredPaths(const QStringList &paths);

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
};

} // namespace mplug2::app
