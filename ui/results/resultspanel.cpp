#include "ui/results/resultspanel.h"

#include "app/export/exporter.h"
#include "ui/theme/paletteicon.h"

#include <QApplication>
#include <QBoxLayout>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

namespace mplug2::ui {

namespace {
constexpr int kResultIdRole = Qt::UserRole + 1;
constexpr int kProbabilityRole = Qt::UserRole + 2;
constexpr int kSegmentStartRole = Qt::UserRole + 3;
constexpr int kSegmentIndexRole = Qt::UserRole + 4;
/// A line about the entry (a partial dense caption's "12 of 35 windows"), not a text of the model.
constexpr int kNoteRole = Qt::UserRole + 5;
const QStringList kTextExporters = {QStringLiteral("txt"), QStringLiteral("json"), QStringLiteral("jsonl"),
    QStringLiteral("csv"), QStringLiteral("srt"), QStringLiteral("vtt"), QStringLiteral("html")};

QString timeRange(double start, double end)
{
    const auto mmss = [](double s) {
        const int t = int(std::floor(s));
        return QStringLiteral("%1:%2").arg(t / 60).arg(t % 60, 2, 10, QLatin1Char('0'));
    };
    return mmss(start) + QStringLiteral("–") + mmss(end);
}

/// Wraps item text at its column's width. QTreeView asks its delegate for row heights with no width
/// (QTreeView::indexRowSizeHint), so word wrap alone never makes a row taller: a long answer was cut
/// short with "…", its full text only in a tooltip.
class WrappingDelegate : public QStyledItemDelegate {
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
        // A narrower column needs taller rows: lay the rows out again (the view queues it).
        connect(view->header(), &QHeaderView::sectionResized, this, [this] { Q_EMIT sizeHintChanged({}); });
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem wrapped = option;
        int width = m_view->header()->sectionSize(index.column());
        if (m_view->header()->visualIndex(index.column()) == 0) {
            // The first column also holds the tree's indentation and branch decoration.
            int depth = m_view->rootIsDecorated() ? 1 : 0;
            for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
                ++depth;
            width -= depth * m_view->indentation();
        }
        wrapped.rect = QRect(0, 0, std::max(1, width), 1);
        return QStyledItemDelegate::sizeHint(wrapped, index);
    }

private:
    QTreeView *m_view;
};

QToolButton *toolButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(paletteIcon(icon));
    button->setText(text);
    button->setToolTip(text);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}
} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("resultsPanel"));
    setAccessibleName(tr("Results"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("resultsTree"));
    m_tree->setAccessibleName(tr("Answers"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Answer"), tr("Score")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(true);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->setUniformRowHeights(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_copy = toolButton(QStringLiteral("copy"), tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_export = toolButton(QStringLiteral("export"), tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportResultButton"));
    m_clear = toolButton(QStringLiteral("remove"), tr("Clear"), this);
    m_clear->setObjectName(QStringLiteral("clearResultsButton"));
    connect(m_copy, &QToolButton::clicked, this, &ResultsPanel::copySelection);
    connect(m_export, &QToolButton::clicked, this, &ResultsPanel::exportSelection);
    connect(m_clear, &QToolButton::clicked, this, &ResultsPanel::clearAll);

    auto *copyAction = new QAction(paletteIcon(QStringLiteral("copy")), tr("Copy"), m_tree);
    connect(copyAction, &QAction::triggered, this, &ResultsPanel::copySelection);
    auto *exportAction = new QAction(paletteIcon(QStringLiteral("export")), tr("Export…"), m_tree);
    connect(exportAction, &QAction::triggered, this, &ResultsPanel::exportSelection);
    m_tree->addActions({copyAction, exportAction});

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        updateActions();
        const auto current = currentResult();
        const int window = selectedWindow();
        if (current && window >= 0)
            Q_EMIT windowSelected(*current, window);
        else if (current)
            Q_EMIT resultSelected(*current);
        if (item && item->data(0, kSegmentStartRole).isValid())
            Q_EMIT seekRequested(item->data(0, kSegmentStartRole).toDouble());
    });
    updateActions();
}

QTreeWidgetItem *ResultsPanel::requestItem(app::RequestId id) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, kResultIdRole).toULongLong() == id)
            return item;
    }
    return nullptr;
}

void ResultsPanel::addPending(app::RequestId id, const app::EngineRequest &request)
{
    const QString media = QFileInfo(request.media.path).fileName();
    QString title;
    QString icon;
    switch (request.task) {
    case app::TaskKind::Answer:
        title = tr("Q: %1 · %2").arg(request.question, media);
        icon = QStringLiteral("ask");
        break;
    case app::TaskKind::Classify:
        // The template and the scoring change the ranking: the row says which ones gave it.
        title = tr("Classify · %1 · “%2”, %3")
                    .arg(media, request.labelTemplate,
                        request.classifyMethod == app::ClassifyMethod::ClipSimilarity
                            ? tr("CLIP similarity")
                            : tr("decoder likelihood"));
        icon = QStringLiteral("classify");
        break;
    case app::TaskKind::DenseCaption:
        title = tr("Dense captions · %1").arg(media);
        icon = QStringLiteral("dense-caption");
        break;
    default:
        title = tr("Caption · %1").arg(media);
        icon = QStringLiteral("caption");
        break;
    }
    auto *top = new QTreeWidgetItem({title, tr("running…")});
    top->setIcon(0, paletteIcon(icon));
    top->setToolTip(0, request.media.path);
    top->setData(0, kResultIdRole, QVariant::fromValue<quint64>(id));
    const bool probabilities = request.task == app::TaskKind::Classify
        || (request.task == app::TaskKind::Answer && !request.texts.isEmpty());
    top->setData(0, kProbabilityRole, probabilities);
    QFont bold = top->font(0);
    bold.setBold(true);
    top->setFont(0, bold);
    m_tree->insertTopLevelItem(0, top);
    top->setExpanded(true);
    updateActions();
}

void ResultsPanel::showProgress(const app::EngineProgress &progress)
{
    QTreeWidgetItem *top = requestItem(progress.id);
    if (!top || m_results.contains(progress.id))
        return;
    // A dense caption counts windows: "Window 3/35 · Generating text…", "Window 3/35: a man …".
    QString text;
    if (progress.windows > 0 && !progress.partialText.isEmpty())
        text = tr("Window %1/%2: %3 …")
                   .arg(qBound(1, progress.window, progress.windows))
                   .arg(progress.windows)
                   .arg(progress.partialText);
    else if (progress.windows > 0 || progress.partialText.isEmpty())
        text = (progress.windows > 0 ? app::progressText(progress) : app::stageDescription(progress.stage))
            + QStringLiteral("…");
    else
        text = progress.partialText + QStringLiteral(" …");
    if (top->childCount() == 0)
        top->addChild(new QTreeWidgetItem({text}));
    else
        top->child(0)->setText(0, text);
    top->child(0)->setForeground(0, m_tree->palette().brush(QPalette::PlaceholderText));
}

void ResultsPanel::setResult(const app::EngineResult &result)
{
    QTreeWidgetItem *top = requestItem(result.id);
    if (!top)
        return;
    m_results.insert(result.id, result);
    fillItems(top, result);
    m_tree->setCurrentItem(top->childCount() > 0 ? top->child(0) : top);
    updateActions();
}

void ResultsPanel::fillItems(QTreeWidgetItem *top, const app::EngineResult &result)
{
    qDeleteAll(top->takeChildren());
    const bool probabilities = top->data(0, kProbabilityRole).toBool();
    const QLocale locale;
    top->setText(1, tr("%1 s").arg(locale.toString(result.timings.totalMs / 1000.0, 'f', 1)));
    top->setToolTip(1,
        tr("Decoding %1 ms, vision %2 ms, text %3 ms, generation %4 ms on %5 (%6)")
            .arg(qRound(result.timings.decodeMs))
            .arg(qRound(result.timings.visualMs))
            .arg(qRound(result.timings.textMs))
            .arg(qRound(result.timings.generateMs))
            .arg(result.device, result.precision));
    if (result.partial) {
        auto *note = new QTreeWidgetItem(
            {tr("%1 of %2 windows; cancelled").arg(result.segments.size()).arg(result.windowCount)});
        note->setData(0, kNoteRole, true);
        QFont italic = note->font(0);
        italic.setItalic(true);
        note->setFont(0, italic);
        note->setForeground(0, m_tree->palette().brush(QPalette::PlaceholderText));
        top->addChild(note);
    }
    for (int k = 0; k < int(result.segments.size()); ++k) {
        const app::CaptionSegment &segment = result.segments.at(k);
        auto *item = new QTreeWidgetItem({timeRange(segment.startSeconds, segment.endSeconds)
                + QStringLiteral("  ") + segment.caption.text,
            locale.toString(segment.caption.score, 'f', 3)});
        item->setToolTip(0, segment.caption.text);
        item->setData(0, kSegmentStartRole, segment.startSeconds);
        item->setData(0, kSegmentIndexRole, k);
        top->addChild(item);
    }
    for (int i = 0; i < int(result.items.size()); ++i) {
        const app::ResultItem &r = result.items.at(i);
        const QString score = probabilities ? locale.toString(100.0 * r.score, 'f', 1) + QLatin1Char('%')
                                            : locale.toString(r.score, 'f', 3);
        auto *item = new QTreeWidgetItem({r.text, score});
        item->setToolTip(0, r.tokens.join(QLatin1Char(' ')));
        item->setToolTip(
            1, probabilities ? tr("Probability") : tr("Length-penalised log-probability (higher is better)"));
        if (i == 0) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        } else {
            item->setForeground(0, m_tree->palette().brush(QPalette::Disabled, QPalette::Text));
        }
        top->addChild(item);
    }
    if (result.items.isEmpty() && result.segments.isEmpty())
        top->addChild(new QTreeWidgetItem({tr("(no text)")}));
    top->setExpanded(true);
}

void ResultsPanel::setFailed(const app::EngineError &error)
{
    QTreeWidgetItem *top = requestItem(error.id);
    if (!top)
        return;
    qDeleteAll(top->takeChildren());
    top->setText(1, tr("failed"));
    auto *item = new QTreeWidgetItem({error.message});
    item->setForeground(0, QColor(198, 40, 40));
    item->setToolTip(0, error.details.isEmpty() ? error.message : error.details);
    top->addChild(item);
    updateActions();
}

void ResultsPanel::setCancelled(app::RequestId id)
{
    QTreeWidgetItem *top = requestItem(id);
    if (!top)
        return;
    qDeleteAll(top->takeChildren());
    top->setText(1, tr("cancelled"));
    top->addChild(new QTreeWidgetItem({tr("Cancelled")}));
    updateActions();
}

void ResultsPanel::setPartial(const app::EngineResult &partial)
{
    QTreeWidgetItem *top = requestItem(partial.id);
    if (!top)
        return;
    m_results.insert(partial.id, partial);
    fillItems(top, partial);
    top->setText(1, tr("cancelled"));
    m_tree->setCurrentItem(top->childCount() > 1 ? top->child(1) : top);
    updateActions();
}

bool ResultsPanel::selectWindow(app::RequestId id, int index)
{
    QTreeWidgetItem *top = requestItem(id);
    if (!top)
        return false;
    for (int i = 0; i < top->childCount(); ++i) {
        QTreeWidgetItem *item = top->child(i);
        if (item->data(0, kSegmentIndexRole).isValid() && item->data(0, kSegmentIndexRole).toInt() == index) {
            m_tree->setCurrentItem(item);
            m_tree->scrollToItem(item);
            return true;
        }
    }
    return false;
}

int ResultsPanel::selectedWindow() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item && item->data(0, kSegmentIndexRole).isValid() ? item->data(0, kSegmentIndexRole).toInt() : -1;
}

std::optional<app::EngineResult> ResultsPanel::result(app::RequestId id) const
{
    const auto it = m_results.constFind(id);
    return it == m_results.constEnd() ? std::nullopt : std::optional<app::EngineResult>(*it);
}

app::RequestId ResultsPanel::selectedRequest() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        item = m_tree->topLevelItem(0);
    while (item && item->parent())
        item = item->parent();
    return item ? item->data(0, kResultIdRole).toULongLong() : 0;
}

std::optional<app::EngineResult> ResultsPanel::currentResult() const
{
    return result(selectedRequest());
}

QStringList ResultsPanel::texts(app::RequestId id) const
{
    QStringList texts;
    if (QTreeWidgetItem *top = requestItem(id)) {
        for (int i = 0; i < top->childCount(); ++i)
            texts.append(top->child(i)->text(0));
    }
    return texts;
}

Expected<QStringList> ResultsPanel::exportResult(
    app::RequestId id, const QString &exporterId, const QString &path) const
{
    const app::Exporter *exporter = app::findExporter(exporterId);
    if (!exporter)
        return makeError(
            ErrorCode::Unsupported, tr("no exporter “%1” in this build").arg(exporterId).toStdString());
    const auto found = result(id);
    if (!found)
        return makeError(ErrorCode::NotFound, tr("that request has no result to export").toStdString());
    app::ExportInput input;
    input.results = {*found};
    input.title = QFileInfo(found->media).fileName();
    return exporter->write(input, path);
}

void ResultsPanel::copySelection()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (item && !item->parent() && item->childCount() > 0)
        item = item->child(item->child(0)->data(0, kNoteRole).toBool() && item->childCount() > 1 ? 1 : 0);
    if (!item)
        return;
    QApplication::clipboard()->setText(item->text(0));
    Q_EMIT message(tr("Copied “%1”").arg(item->text(0)));
}

void ResultsPanel::exportSelection()
{
    const app::RequestId id = selectedRequest();
    const auto found = result(id);
    if (!found)
        return;
    QStringList filters;
    QList<const app::Exporter *> candidates;
    for (const QString &exporterId : kTextExporters) {
        const app::Exporter *exporter = app::findExporter(exporterId);
        const bool subtitles = exporterId == QLatin1String("srt") || exporterId == QLatin1String("vtt");
        if (!exporter || (subtitles && found->segments.isEmpty()))
            continue;
        candidates.append(exporter);
        filters.append(QStringLiteral("%1 (*.%2)").arg(exporter->description(), exporter->suffix()));
    }
    if (candidates.isEmpty())
        return;
    QString chosenFilter = filters.first();
    const QString base = QFileInfo(found->media).completeBaseName();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Result"),
        base + QLatin1Char('.') + candidates.first()->suffix(), filters.join(QStringLiteral(";;")),
        &chosenFilter);
    if (path.isEmpty())
        return;
    const app::Exporter *exporter = app::exporterForPath(path);
    if (!exporter)
        exporter = candidates.value(int(filters.indexOf(chosenFilter)), candidates.first());
    const Expected<QStringList> written = exportResult(id, exporter->id(), path);
    Q_EMIT message(written ? tr("Exported to %1").arg(path)
                           : tr("Export failed: %1").arg(QString::fromStdString(written.error().message)));
}

void ResultsPanel::clearAll()
{
    m_tree->clear();
    m_results.clear();
    updateActions();
}

void ResultsPanel::updateActions()
{
    const bool hasResult = currentResult().has_value();
    m_copy->setEnabled(m_tree->topLevelItemCount() > 0);
    m_export->setEnabled(hasResult);
    m_clear->setEnabled(m_tree->topLevelItemCount() > 0);
}

} // namespace mplug2::ui
