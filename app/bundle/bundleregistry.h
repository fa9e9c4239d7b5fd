#pragma once
/// The model bundles this user has registered, kept in QSettings (group
/// "bundles"), plus the built-in demo bundle, which is always listed first
/// and cannot be removed. One of them is the default.
///
///     BundleRegistry registry;                  // the application's QSettings
///     auto added = registry.add("/models/msrvtt-caption");
///     registry.setDefaultId(added->id);
///     auto bundle = registry.defaultBundle();   // error when nothing is installed
///
/// Threading: use from one thread at a time (QSettings itself is thread-safe).

#include "app/bundle/modelbundle.h"
#include "base/expected.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace mplug2::app {

class BundleRegistry {
public:
    /// Uses `settings` (not owned) or, when null, the application's QSettings.
    explicit BundleRegistry(QSettings *settings = nullptr);
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

    /// Registers the bundle at `path` (folder or manifest) after loading it;
    /// a bundle with the same id replaces the old entry.
    Expected<ModelBundle> add(const QString &path);
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
    QStringList registeredPaths() const;
    void setRegisteredPaths(const QStringList &paths);

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
};

} // namespace mplug2::app
