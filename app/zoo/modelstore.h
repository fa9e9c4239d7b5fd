#pragma once
/// Where downloaded models live, and what a download becomes: one folder per
/// model under `<user data>/mplug2/models/<id>/` ($MPLUG2_MODELS_DIR), with
/// the checkpoint, the bundle manifest, the vocabulary copy, an optional
/// fp16 .safetensors copy, and `download.json`, which lists the files the
/// download wrote (only those are ever deleted by remove()).
///
///     ModelStore store;
///     DownloadJob job = store.jobFor(*catalogue.find(id), ModelCatalogue::mirror());
///     ... run the ModelDownload ...
///     Expected<ModelBundle> bundle = store.install(outcome, options, registry);
///
/// The official checkpoints come without published checksums: the first
/// complete download that loads as an mPLUG-2 checkpoint records its size and
/// sha256 (`seen.json`), and later downloads of that file must match them.

#include "app/bundle/bundleregistry.h"
#include "app/bundle/modelbundle.h"
#include "app/zoo/modelcatalogue.h"
#include "app/zoo/modeldownload.h"
#include "base/expected.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace mplug2::app {

struct InstallOptions {
    QString id;
    QString name; ///< "" = the id
    ModelKind kind = ModelKind::Caption;
    QUrl source; ///< where it came from, recorded in download.json
    bool fp16 = false; ///< also write an fp16 .safetensors copy and point the bundle at it
    bool replace = false; ///< replace a registered model of the same id
    bool makeDefault = false;
};

class ModelStore {
public:
    /// `folder` "" = defaultFolder().
    explicit ModelStore(QString folder = {});

    /// $MPLUG2_MODELS_DIR, else `<generic data location>/mplug2/models`.
    static QString defaultFolder();
    QString folder() const { return m_folder; }
    QString bundleFolder(const QString &id) const;

    /// The job that fetches a catalogue model into its folder, with the
    /// catalogue's or the recorded size and sha256.
    DownloadJob jobFor(const CatalogueModel &model, const QString &mirror = {}) const;
    /// The job that fetches any URL for the model `id`.
    DownloadJob jobFor(const QUrl &url, const QString &id) const;
    /// "mPLUG2_MSVD_QA.pth" from a URL; "" when it has no usable file name.
    static QString fileNameOf(const QUrl &url);

    /// Why `id` cannot be downloaded now (a registered model or a finished
    /// download already holds it, and `replace` is false), or nullopt.
    std::optional<QString> conflict(const QString &id, bool replace, const BundleRegistry &registry) const;

    struct Seen {
        qint64 size = -1;
        QString sha256;
    };
    std::optional<Seen> seen(const QString &file) const;

    /// After a download: checks that the file is an mPLUG-2 checkpoint (its
    /// configuration is inferred from its shapes; a file that fails is
    /// deleted), writes the bundle beside it, optionally the fp16 copy,
    /// records download.json (and the size and sha256 on first sight), and
    /// registers the bundle.
    Expected<ModelBundle> install(
        const DownloadOutcome &download, const InstallOptions &options, BundleRegistry &registry) const;

    /// Unregisters `id` and deletes the files its download wrote (the
    /// folder too once empty); a bundle imported from the user's own file
    /// is only unregistered. Returns the deleted files.
    Expected<QStringList> remove(const QString &id, BundleRegistry &registry) const;

    /// True when `bundle` was written by a download (download.json beside it).
    static bool isDownloaded(const ModelBundle &bundle);

private:
    QString m_folder;
};

} // namespace mplug2::app
