#pragma once
/// The search view: find media in the indexed folders by a sentence, by an
/// example picture or video ("more like this"), or rank sentences for one
/// file; see the results as a grid of thumbnails with scores (videos play a
/// preview under the mouse), open one in the viewer, ask why it matched (the
/// query's attention over the media), and export the list as CSV or JSON.
/// A self-contained widget: the main window embeds it and handles
/// openMediaRequested().
///
///     auto *search = new SearchView(engine, SearchView::defaultCatalogLocation());
///     connect(search, &SearchView::openMediaRequested, viewer, &MediaViewer::open);
///     tabs->addTab(search, tr("Search"));

#include "app/engine/engine.h"
#include "app/retrieval/mediasearch.h"

#include <QWidget>

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

    SearchResultsModel *resultsModel() const { return m_model; }
    QListView *resultsView() const { return m_results; }
    IndexingBar *indexingBar() const { return m_indexing; }
    QString statusText() const;

Q_SIGNALS:
    /// The user wants to look at this file in the viewer.
    void openMediaRequested(const QString &path);
    /// A search finished (for tests and status displays).
    void resultsShown(int count);

private:
    void buildUi();
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
    app::MediaSearch m_search;
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
    QListView *m_results;
    QPushButton *m_open;
    QPushButton *m_why;
    QPushButton *m_like;
    QPushButton *m_export;
    QLabel *m_status;
    bool m_statusIsError = false; ///< m_status shows why the last search failed
    IndexingBar *m_indexing;
    QTimer *m_previewTimer;
};

} // namespace mplug2::ui
