#pragma once
/// The search view: find media in the indexed folders by a sentence, by an
/// example picture or video ("more like this"), or rank sentences for one
/// file; see the results as a grid of thumbnails with scores (videos play a
/// preview under the mouse), open one in the viewer, ask why it matched (the
/// query's attention over the media), and export the list as CSV or JSON.
/// A self-contained widget: the main window embeds it and handles
/// openMediaRequested(). The index it searches is a file or a shared one
/// on a PostgreSQL server (app::Catalog::open()), named above the results;
/// setCatalogLocation() switches to another. With "Find moments" checked, text
/// and "more like this" searches find moments of videos (indexed with
/// moments) instead of whole files; opening one asks for the video at that
/// moment, with the search's other moments in the same video.
///
///     auto *search = new SearchView(engine, SearchView::defaultCatalogLocation());
///     connect(search, &SearchView::openMediaRequested, viewer, &MediaViewer::open);
///     connect(search, &SearchView::openMomentRequested, this, [](path, moments, current) { ... });
///     tabs->addTab(search, tr("Search"));
///     search->setCatalogLocation("postgresql://me@db.lab/media");

#include "app/engine/engine.h"
#include "app/retrieval/mediasearch.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace mplug2::ui {

class IndexingBar;
class SearchResultsModel;

class SearchView : public QWidget {
    Q_OBJECT
public:
    /// The catalog the app uses unless told otherwise: search-index.sqlite in
    /// the application's data folder.
    static QString defaultCatalogLocation();

    SearchView(app::Engine *engine, QString catalogLocation, QWidget *parent = nullptr);
    ~SearchView() override;

    /// Searches, indexes and shows thumbnails from the catalog at `location`
    /// from now on (a file path or a `postgresql://` URI). False, with the
    /// reason shown, while an indexing job runs.
    bool setCatalogLocation(const QString &location);
    QString catalogLocation() const { return m_location; }

    /// Text -> media with the current options.
    void searchText(const QString &text);
    /// Media -> media ("more like this").
    void searchLike(const QString &mediaPath);
    /// Media -> text: ranks `sentences` for `mediaPath`.
    void rankSentences(const QString &mediaPath, const QStringList &sentences);
    /// Runs the query as the controls describe it (the Search button).
    void search();
    /// Writes the current results (".csv", else JSON); false with the reason shown.
    bool exportResults(const QString &path);
    /// Opens the "why this result" window for a result row.
    void explain(int row);
    /// Opens a result row: a file (openMediaRequested) or a moment (openMomentRequested).
    void openResult(int row);
    /// Whether text and "more like this" searches find moments (the Find moments check box).
    void setMomentSearch(bool moments);
    bool momentSearch() const;

    SearchResultsModel *resultsModel() const { return m_model; }
    QListView *resultsView() const { return m_results; }
    IndexingBar *indexingBar() const { return m_indexing; }
    QString statusText() const;

Q_SIGNALS:
    /// The user wants to look at this file in the viewer.
    void openMediaRequested(const QString &path);
    /// The user wants the video `path` at moment `current` of `moments`: the
    /// moments of the shown results in that video, in time order.
    void openMomentRequested(
        const QString &path, const QList<mplug2::app::MediaMoment> &moments, int current);
    /// A search finished (for tests and status displays).
    void resultsShown(int count);
    /// The catalog at `location` could not be opened; `why` says why.
    void indexUnavailable(const QString &location, const QString &why);

private:
    void buildUi();
    void connectSearch();
    void showIndexName();
    void applyOptions(app::SearchQuery &query) const;
    void runQuery(app::SearchQuery query);
    void modeChanged();
    void refreshFolders();
    void showContextMenu(const QPoint &pos);
    void chooseExample();
    void chooseExportFile();
    bool eventFilter(QObject *watched, QEvent *event) override;

    app::Engine *m_engine;
    QString m_location;
    std::unique_ptr<app::MediaSearch> m_search; ///< a new one for each catalog location
    SearchResultsModel *m_model;
    QComboBox *m_mode;
    QLineEdit *m_query;
    QPushButton *m_chooseExample;
    QPushButton *m_searchButton;
    QPlainTextEdit *m_sentences;
    QComboBox *m_folder;
    QComboBox *m_type;
    QDoubleSpinBox *m_minDuration;
    QDoubleSpinBox *m_maxDuration;
    QSpinBox *m_top;
    QSpinBox *m_rerank;
    QCheckBox *m_moments;
    QListView *m_results;
    QPushButton *m_open;
    QPushButton *m_why;
    QPushButton *m_like;
    QPushButton *m_export;
    QLabel *m_status;
    QLabel *m_indexName;
    bool m_statusIsError = false; ///< m_status shows why the last search failed
    IndexingBar *m_indexing;
    QTimer *m_previewTimer;
};

} // namespace mplug2::ui
