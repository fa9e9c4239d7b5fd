#pragma once
/// The official mPLUG-2 checkpoints the app can fetch, read from
/// `<data folder>/models/catalogue.json` (resources/models/catalogue.json):
/// per model its id, name, kind, task, dataset, published score, file name
/// and official URL, plus the size and sha256 when known (the official
/// project publishes none, so they are null until someone fills them in).
///
///     Expected<ModelCatalogue> catalogue = ModelCatalogue::bundled();
///     const CatalogueModel *m = catalogue->find(u"mplug2-msvd-qa"_s);
///     QUrl url = m->downloadUrl(ModelCatalogue::mirror());   // $MPLUG2_MODEL_MIRROR applied
///
/// A mirror is a URL prefix (`https://mirror.example/mplug2/`) or a local
/// folder (`/srv/models`, `file:///srv/models`): the model's file name is
/// appended to it, for sites without internet access.

#include "app/bundle/modelbundle.h"
#include "base/expected.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace mplug2::app {

struct CatalogueModel {
    QString id;
    QString name;
    QString file; ///< the official file name, e.g. "mPLUG2_MSVD_QA.pth"
    QUrl url; ///< the official URL
    ModelKind kind = ModelKind::Caption;
    QString task;
    QString dataset;
    QString metric;
    std::optional<double> score;
    QString architecture; ///< "base" or "large"
    qint64 size = -1; ///< bytes, -1 when unknown
    QString sha256; ///< lower-case hex, "" when unknown

    /// The URL to fetch: `url`, or the mirror with the file name appended.
    QUrl downloadUrl(const QString &mirror = {}) const;
    /// "CIDEr 80.3 on MSR-VTT", "" when no score is published.
    QString scoreText() const;
};

struct ModelCatalogue {
    QString source; ///< where the list comes from (the official README)
    QString license;
    QString licenseUrl;
    QList<CatalogueModel> models;

    /// Reads a catalogue; errors name the file and the bad entry.
    static Expected<ModelCatalogue> load(const QString &path);
    /// The catalogue that ships with the app; NotFound when not installed.
    static Expected<ModelCatalogue> bundled();
    /// $MPLUG2_MODEL_MIRROR, or "".
    static QString mirror();

    const CatalogueModel *find(const QString &id) const;
};

} // namespace mplug2::app
