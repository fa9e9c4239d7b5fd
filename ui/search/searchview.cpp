#include "ui/search/searchview.h"

#include "app/retrieval/searchresultsexport.h"
#include "ui/attention/flowlayout.h"
#include "ui/search/indexingbar.h"
#include "ui/search/indexlocation.h"
#include "ui/search/searchresultdelegate.h"
#include "ui/search/searchresultsmodel.h"
#include "ui/search/whyresultdialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace mplug2::ui {

namespace {

enum Mode { TextMode, LikeMode, SentencesMode };

constexpr int kPreviewIntervalMs = 350;

} // namespace

QString SearchView::defaultCatalogLocation()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("search-index.sqlite"));
}

SearchView::SearchView(app::Engine *engine, QString catalogLocation, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_location(std::move(catalogLocation))
    , m_search(std::make_unique<app::MediaSearch>(engine, m_location))
    , m_model(new SearchResultsModel(this))
{
    buildUi();
    connectSearch();
    connect(m_indexing, &IndexingBar::foldersChanged, this, &SearchView::refreshFolders);
    connect(m_indexing, &IndexingBar::indexUnavailable, this, &SearchView::indexUnavailable);
    connect(m_indexing, &IndexingBar::jobFinished, this, [this](const app::IndexSummary &summary) {
        // A search that failed before (often: nothing indexed yet) may work now; its error goes.
        if (m_statusIsError && summary.status == app::IndexJobStatus::Finished) {
            m_statusIsError = false;
            m_status->setText(tr("The index was updated: search again."));
        }
    });
    refreshFolders();
    showIndexName();
    modeChanged();
}

SearchView::~SearchView() = default;

void SearchView::connectSearch()
{
    app::MediaSearch *search = m_search.get();
    connect(search, &app::MediaSearch::finished, this, [this](const app::SearchResults &results) {
        m_model->setResults(results, m_location);
        m_results->setViewMode(
            results.query.mode == app::SearchMode::MediaToText ? QListView::ListMode : QListView::IconMode);
        QString how = results.approximate ? tr("approximate search") : tr("exact search");
        if (results.autoReranked)
            how += QStringLiteral(", ")
                + tr("all %1 re-scored by the model, as they are few").arg(results.query.rerank);
        else if (!results.rerankMethod.isEmpty())
            how += QStringLiteral(", ") + tr("best %1 re-scored by the model").arg(results.query.rerank);
        m_statusIsError = false;
        const int count = int(results.hits.size());
        m_status->setText(
            (results.query.moments ? tr("%n moment(s) in %1 ms (%2 searched, %3)", nullptr, count)
                                   : tr("%n result(s) in %1 ms (%2 searched, %3)", nullptr, count))
                .arg(results.totalMs, 0, 'f', 0)
                .arg(results.searchedCount)
                .arg(how));
        m_searchButton->setEnabled(true);
        Q_EMIT resultsShown(int(results.hits.size()));
    });
    connect(search, &app::MediaSearch::failed, this, [this](const QString &why) {
        m_status->setText(why);
        m_statusIsError = true;
        m_searchButton->setEnabled(true);
        Q_EMIT resultsShown(-1);
    });
    connect(search, &app::MediaSearch::cancelled, this, [this] {
        m_status->setText(tr("Search cancelled."));
        m_searchButton->setEnabled(true);
        Q_EMIT resultsShown(-1);
    });
}

bool SearchView::setCatalogLocation(const QString &location)
{
    if (!m_indexing->setCatalogLocation(location))
        return false;
    m_location = location;
    // A search under way belongs to the catalog it started on: it ends with its MediaSearch.
    m_search = std::make_unique<app::MediaSearch>(m_engine, m_location);
    connectSearch();
    m_model->clear();
    m_previewTimer->stop();
    m_searchButton->setEnabled(true);
    m_statusIsError = false;
    m_status->setText(tr("Opened the index %1.").arg(IndexLocation::displayName(m_location)));
    showIndexName();
    return true;
}

void SearchView::showIndexName()
{
    const QString name = IndexLocation::displayName(m_location);
    // A long name is cut, not the dock widened: the whole location is in the tooltip.
    m_indexName->setText(m_indexName->fontMetrics().elidedText(
        tr("Index: %1").arg(name), Qt::ElideMiddle, m_indexName->maximumWidth()));
    m_indexName->setToolTip(
        tr("Searching and indexing %1.\nFile ▸ Open Index… opens another index.")
            .arg(app::Catalog::isServerLocation(m_location) ? m_location
                                                            : QDir::toNativeSeparators(m_location)));
}

void SearchView::buildUi()
{
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Media matching a sentence"));
    m_mode->addItem(tr("Media like a file"));
    m_mode->addItem(tr("Sentences describing a file"));
    m_mode->setAccessibleName(tr("Search mode"));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mode->setMinimumContentsLength(24);
    m_query = new QLineEdit(this);
    m_query->setClearButtonEnabled(true);
    m_query->setAccessibleName(tr("Search query"));
    m_chooseExample = new QPushButton(tr("Choose…"), this);
    m_searchButton = new QPushButton(tr("Search"), this);
    m_searchButton->setDefault(true);
    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(m_mode);
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(m_chooseExample);
    queryRow->addWidget(m_searchButton);

    m_sentences = new QPlainTextEdit(this);
    m_sentences->setPlaceholderText(tr("One sentence per line, e.g. captions to compare"));
    m_sentences->setAccessibleName(tr("Sentences to rank"));
    m_sentences->setMaximumHeight(100);

    m_folder = new QComboBox(this);
    m_folder->setAccessibleName(tr("Folder filter"));
    m_folder->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_folder->setMinimumContentsLength(18); // folder paths can be long
    m_type = new QComboBox(this);
    m_type->addItem(tr("Pictures and videos"));
    m_type->addItem(tr("Pictures"), int(app::MediaKind::Image));
    m_type->addItem(tr("Videos"), int(app::MediaKind::Video));
    m_type->setAccessibleName(tr("Media type filter"));
    m_minDuration = new QDoubleSpinBox(this);
    m_maxDuration = new QDoubleSpinBox(this);
    for (QDoubleSpinBox *box : {m_minDuration, m_maxDuration}) {
        box->setRange(0, 24 * 3600);
        box->setDecimals(0);
        box->setSuffix(tr(" s"));
        box->setSpecialValueText(tr("any"));
    }
    m_minDuration->setAccessibleName(tr("Shortest duration"));
    m_maxDuration->setAccessibleName(tr("Longest duration"));
    m_top = new QSpinBox(this);
    m_top->setRange(1, 500);
    m_top->setValue(24);
    m_top->setAccessibleName(tr("Number of results"));
    m_rerank = new QSpinBox(this);
    // -1, "auto": every candidate is re-scored when there are few of them.
    m_rerank->setRange(-1, 100);
    m_rerank->setValue(-1);
    m_rerank->setSpecialValueText(tr("auto"));
    m_rerank->setToolTip(tr("Re-score the best results with the model (slower, often better). auto: all of "
                            "them when there are at most %1; 0: never")
                             .arg(app::SearchQuery::kAutoRerankLimit));
    m_rerank->setAccessibleName(tr("Results to re-score with the model"));
    m_moments = new QCheckBox(tr("Find moments"), this);
    m_moments->setObjectName(QStringLiteral("searchMomentsCheck"));
    m_moments->setToolTip(tr("Find moments of videos (shots, and windows of long shots) instead of whole "
                             "files. Needs an index built with Moments checked beside Index a folder."));
    // The filters wrap onto more lines in a narrow dock instead of widening the window.
    auto *filterBox = new QWidget(this);
    auto *filters = new FlowLayout(filterBox);
    filters->setContentsMargins(0, 0, 0, 0);
    const auto group = [filterBox](std::initializer_list<QWidget *> widgets) {
        auto *box = new QWidget(filterBox);
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        for (QWidget *w : widgets)
            row->addWidget(w);
        return box;
    };
    filters->addWidget(group({new QLabel(tr("In"), this), m_folder}));
    filters->addWidget(group({m_type}));
    filters->addWidget(group({new QLabel(tr("Duration"), this), m_minDuration,
        new QLabel(QStringLiteral("–"), this), m_maxDuration}));
    filters->addWidget(group({new QLabel(tr("Results"), this), m_top}));
    filters->addWidget(group({new QLabel(tr("Re-score"), this), m_rerank}));
    filters->addWidget(group({m_moments}));

    m_results = new QListView(this);
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setViewMode(QListView::IconMode);
    m_results->setResizeMode(QListView::Adjust);
    m_results->setMovement(QListView::Static);
    m_results->setUniformItemSizes(true);
    m_results->setSpacing(4);
    m_results->setMouseTracking(true);
    m_results->setContextMenuPolicy(Qt::CustomContextMenu);
    m_results->setAccessibleName(tr("Search results"));
    m_results->viewport()->installEventFilter(this);

    m_open = new QPushButton(tr("Open"), this);
    m_why = new QPushButton(tr("Why this result?"), this);
    m_why->setToolTip(tr("Show where the model looks in this media when it reads the query"));
    m_like = new QPushButton(tr("More like this"), this);
    m_export = new QPushButton(tr("Export…"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_open);
    actions->addWidget(m_why);
    actions->addWidget(m_like);
    actions->addWidget(m_export);
    actions->addStretch(1);

    m_indexing = new IndexingBar(m_engine, m_location, this);
    m_indexName = new QLabel(this);
    m_indexName->setObjectName(QStringLiteral("indexName"));
    m_indexName->setMaximumWidth(m_indexName->fontMetrics().averageCharWidth() * 40);
    m_indexName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *indexRow = new QHBoxLayout;
    indexRow->addWidget(m_indexName);
    indexRow->addWidget(m_indexing, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(indexRow);
    layout->addLayout(queryRow);
    layout->addWidget(m_sentences);
    layout->addWidget(filterBox);
    layout->addWidget(m_results, 1);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setInterval(kPreviewIntervalMs);
    connect(m_previewTimer, &QTimer::timeout, m_model, &SearchResultsModel::advancePreview);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &SearchView::modeChanged);
    connect(m_query, &QLineEdit::returnPressed, this, &SearchView::search);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchView::search);
    connect(m_chooseExample, &QPushButton::clicked, this, &SearchView::chooseExample);
    connect(m_export, &QPushButton::clicked, this, &SearchView::chooseExportFile);
    connect(m_results, &QListView::customContextMenuRequested, this, &SearchView::showContextMenu);
    connect(m_results, &QListView::activated, this,
        [this](const QModelIndex &index) { openResult(index.row()); });
    const auto currentPath
        = [this] { return m_results->currentIndex().data(SearchResultsModel::PathRole).toString(); };
    connect(m_open, &QPushButton::clicked, this, [this] { openResult(m_results->currentIndex().row()); });
    connect(m_like, &QPushButton::clicked, this, [this, currentPath] {
        if (!currentPath().isEmpty())
            searchLike(currentPath());
    });
    connect(m_why, &QPushButton::clicked, this, [this] { explain(m_results->currentIndex().row()); });
}

QString SearchView::statusText() const
{
    return m_status->text();
}

void SearchView::modeChanged()
{
    const int mode = m_mode->currentIndex();
    m_query->setPlaceholderText(mode == TextMode ? tr("Describe what you are looking for, e.g. a red circle")
                                                 : tr("A picture or video file"));
    m_chooseExample->setVisible(mode != TextMode);
    m_sentences->setVisible(mode == SentencesMode);
    for (QWidget *w :
        std::initializer_list<QWidget *> {m_folder, m_type, m_minDuration, m_maxDuration, m_moments})
        w->setEnabled(mode != SentencesMode);
}

void SearchView::setMomentSearch(bool moments)
{
    m_moments->setChecked(moments);
}

bool SearchView::momentSearch() const
{
    return m_moments->isChecked();
}

void SearchView::openResult(int row)
{
    const app::SearchHit *hit = m_model->hit(row);
    if (!hit || hit->entry.path.isEmpty())
        return;
    if (!hit->moment) {
        Q_EMIT openMediaRequested(hit->entry.path);
        return;
    }
    // "Next match" in the player walks the moments this search found in the same video.
    QList<app::MediaMoment> moments;
    for (const app::SearchHit &other : m_model->results().hits)
        if (other.moment && other.entry.id == hit->entry.id)
            moments.append(*other.moment);
    std::stable_sort(moments.begin(), moments.end(),
        [](const app::MediaMoment &a, const app::MediaMoment &b) { return a.startSeconds < b.startSeconds; });
    int current = 0;
    for (int i = 0; i < int(moments.size()); ++i)
        if (moments.at(i).id == hit->moment->id)
            current = i;
    Q_EMIT openMomentRequested(hit->entry.path, moments, current);
}

void SearchView::refreshFolders()
{
    const QString current = m_folder->currentData().toString();
    m_folder->clear();
    m_folder->addItem(tr("All indexed folders"));
    for (const QString &root : m_indexing->indexedFolders())
        m_folder->addItem(QDir::toNativeSeparators(root), root);
    const int keep = m_folder->findData(current);
    m_folder->setCurrentIndex(keep >= 0 ? keep : 0);
}

void SearchView::applyOptions(app::SearchQuery &query) const
{
    query.top = m_top->value();
    query.rerank = std::max(0, m_rerank->value());
    query.rerankIfAtMost = m_rerank->value() < 0 ? app::SearchQuery::kAutoRerankLimit : 0;
    if (!m_folder->currentData().toString().isEmpty())
        query.filter.folders = {m_folder->currentData().toString()};
    if (m_type->currentData().isValid())
        query.filter.kind = app::MediaKind(m_type->currentData().toInt());
    if (m_minDuration->value() > 0)
        query.filter.minDurationSeconds = m_minDuration->value();
    if (m_maxDuration->value() > 0)
        query.filter.maxDurationSeconds = m_maxDuration->value();
    query.moments = m_moments->isChecked() && query.mode != app::SearchMode::MediaToText;
}

void SearchView::runQuery(app::SearchQuery query)
{
    applyOptions(query);
    m_searchButton->setEnabled(false);
    m_status->setText(tr("Searching…"));
    m_model->setPreviewRow(-1);
    m_search->search(query);
}

void SearchView::searchText(const QString &text)
{
    m_mode->setCurrentIndex(TextMode);
    m_query->setText(text);
    runQuery(app::SearchQuery::textToMedia(text));
}

void SearchView::searchLike(const QString &mediaPath)
{
    m_mode->setCurrentIndex(LikeMode);
    m_query->setText(mediaPath);
    runQuery(app::SearchQuery::mediaToMedia(mediaPath));
}

void SearchView::rankSentences(const QString &mediaPath, const QStringList &sentences)
{
    m_mode->setCurrentIndex(SentencesMode);
    m_query->setText(mediaPath);
    m_sentences->setPlainText(sentences.join(QLatin1Char('\n')));
    runQuery(app::SearchQuery::mediaToText(mediaPath, sentences));
}

void SearchView::search()
{
    const QString query = m_query->text().trimmed();
    switch (m_mode->currentIndex()) {
    case TextMode:
        searchText(query);
        break;
    case LikeMode:
        searchLike(query);
        break;
    default: {
        QStringList sentences;
        for (const QString &line : m_sentences->toPlainText().split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty())
                sentences.append(line.trimmed());
        rankSentences(query, sentences);
    }
    }
}

void SearchView::chooseExample()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a picture or video"));
    if (!file.isEmpty())
        m_query->setText(file);
}

bool SearchView::exportResults(const QString &path)
{
    if (m_model->rowCount() == 0) {
        m_status->setText(tr("Nothing to export yet: search first."));
        return false;
    }
    if (Expected<void> ok = app::exportSearchResults(m_model->results(), path); !ok) {
        m_status->setText(QString::fromStdString(ok.error().message));
        return false;
    }
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void SearchView::chooseExportFile()
{
    QString selected;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export results"), QStringLiteral("results.csv"),
            tr("CSV (*.csv);;JSON (*.json);;JSON Lines (*.jsonl);;HTML (*.html)"), &selected);
    if (!path.isEmpty())
        exportResults(path);
}

void SearchView::explain(int row)
{
    const app::SearchHit *hit = m_model->hit(row);
    const app::SearchResults &results = m_model->results();
    if (!hit)
        return;
    // The text read over the media: the query, or for media -> text the sentence over the query media.
    const bool sentences = results.query.mode == app::SearchMode::MediaToText;
    const QString media = sentences ? results.query.mediaPath : hit->entry.path;
    const QString text = sentences ? hit->text : results.query.text;
    if (text.isEmpty()) {
        m_status->setText(tr("\"Why this result\" needs a text query: this search was by example."));
        return;
    }
    auto *dialog = new WhyResultDialog(m_engine, media, text, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void SearchView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_results->indexAt(pos);
    if (!index.isValid())
        return;
    const QString path = index.data(SearchResultsModel::PathRole).toString();
    QMenu menu(this);
    if (!path.isEmpty()) {
        menu.addAction(tr("Open in viewer"), this, [this, row = index.row()] { openResult(row); });
        menu.addAction(tr("More like this"), this, [this, path] { searchLike(path); });
    }
    menu.addAction(tr("Why this result?"), this, [this, row = index.row()] { explain(row); });
    if (!path.isEmpty())
        menu.addAction(tr("Copy path"), this, [path] { QGuiApplication::clipboard()->setText(path); });
    menu.exec(m_results->viewport()->mapToGlobal(pos));
}

bool SearchView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_results->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const QModelIndex index
                = m_results->indexAt(static_cast<QMouseEvent *>(event)->position().toPoint());
            const bool playable
                = index.isValid() && index.data(SearchResultsModel::PreviewFramesRole).toInt() > 1;
            m_model->setPreviewRow(playable ? index.row() : -1);
            if (playable && !m_previewTimer->isActive())
                m_previewTimer->start();
            else if (!playable)
                m_previewTimer->stop();
        } else if (event->type() == QEvent::Leave) {
            m_model->setPreviewRow(-1);
            m_previewTimer->stop();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace mplug2::ui
