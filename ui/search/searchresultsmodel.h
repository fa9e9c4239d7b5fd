#pragma once
/// The results of one search for a view: one row per hit, best first, with
/// the catalogued thumbnail as decoration. A video's row can play its hover
/// preview (the few frames the catalog keeps) one frame per advancePreview().
/// A moment's row (a moment search) shows the moment's own picture, read off
/// the GUI thread (the file's poster until it arrives), and its time range.
///
///     SearchResultsModel model;
///     model.setResults(results, catalogLocation);
///     listView->setModel(&model);
///     model.setPreviewRow(hoveredRow);   // then advancePreview() on a timer

#include "app/retrieval/catalog.h"
#include "app/retrieval/searchtypes.h"

#include <QAbstractListModel>
#include <QHash>
#include <QImage>
#include <QPointer>

#include <memory>

namespace mplug2::ui {

class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1, ///< QString: the media file ("" for sentences)
        ScoreRole, ///< double: what the order is by
        SimilarityRole, ///< double: cosine similarity
        RerankedRole, ///< bool: re-scored by the model
        KindRole, ///< int: app::MediaKind
        PreviewFramesRole, ///< int: thumbnails kept (poster + preview)
        CaptionRole, ///< QString: the caption stored while indexing ("" when none)
        TimeRangeRole, ///< QString: a moment's range, e.g. "0:12.0–0:18.5" ("" for a whole file)
    };

    explicit SearchResultsModel(QObject *parent = nullptr);
    ~SearchResultsModel() override;

    /// Shows `results`; thumbnails come from the catalog at `catalogLocation` ("" for none).
    void setResults(const app::SearchResults &results, const QString &catalogLocation);
    void clear();
    const app::SearchResults &results() const { return m_results; }
    const app::SearchHit *hit(int row) const;

    /// The row whose preview plays (-1: none); the others show their poster.
    void setPreviewRow(int row);
    int previewRow() const { return m_previewRow; }
    /// Shows the next preview frame of the preview row.
    void advancePreview();
    /// Whether the pictures of the moment rows are still being read.
    bool loadingMomentThumbnails() const { return m_momentLoad != nullptr; }
    /// "m:ss.s–m:ss.s".
    static QString timeRangeText(double startSeconds, double endSeconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

Q_SIGNALS:
    /// The pictures of the moment rows arrived (for tests).
    void momentThumbnailsLoaded();

private:
    const QList<QImage> &thumbnailsOf(int row) const;
    void loadMomentThumbnails();

    app::SearchResults m_results;
    std::unique_ptr<app::Catalog> m_catalog;
    QString m_catalogLocation; ///< as given to setResults(), which m_catalog was opened from
    mutable QHash<qint64, QList<QImage>> m_thumbnails;
    QHash<qint64, QImage> m_momentThumbnails; ///< by moment id
    QPointer<QObject> m_momentLoad; ///< the watcher of the read under way
    int m_previewRow = -1;
    int m_previewFrame = 0;
};

} // namespace mplug2::ui
