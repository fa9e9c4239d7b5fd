#include "ui/media/mediapanel.h"

#include "ui/media/thumbnailloader.h"
#include "ui/theme/paletteicon.h"

#include <QBoxLayout>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace mplug2::ui {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kFactsRole = Qt::UserRole + 2;
const QSize kThumbnailSize(96, 54);

QString formatDuration(double seconds)
{
    const int total = int(std::lround(seconds));
    return total >= 3600 ? QStringLiteral("%1:%2:%3")
                               .arg(total / 3600)
                               .arg((total / 60) % 60, 2, 10, QLatin1Char('0'))
                               .arg(total % 60, 2, 10, QLatin1Char('0'))
                         : QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

/// The thumbnail centred on a fixed-size transparent canvas, so rows line up.
QIcon framedIcon(const QImage &image)
{
    QPixmap canvas(kThumbnailSize);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    const QImage scaled = image.scaled(kThumbnailSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawImage(QPoint((kThumbnailSize.width() - scaled.width()) / 2,
                          (kThumbnailSize.height() - scaled.height()) / 2),
        scaled);
    return QIcon(canvas);
}

QToolButton *toolButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(paletteIcon(icon));
    button->setToolTip(text);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    return button;
}
/// Asks for no more width than the thumbnail: the list then lays each row
/// out as wide as itself, and the text is elided inside it instead of
/// running past the edge.
class FitWidthDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize hint = QStyledItemDelegate::sizeHint(option, index);
        hint.setWidth(std::min(hint.width(), option.decorationSize.width() + 16));
        return hint;
    }
};

} // namespace

MediaPanel::MediaPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_hint(new QLabel(this))
    , m_thumbnails(new ThumbnailLoader(kThumbnailSize, this))
{
    setObjectName(QStringLiteral("mediaPanel"));
    setAccessibleName(tr("Media"));
    setAcceptDrops(true);
    m_list->setObjectName(QStringLiteral("mediaList"));
    m_list->setAccessibleName(tr("Media files"));
    m_list->setIconSize(kThumbnailSize);
    m_list->setUniformItemSizes(true);
    // Lays out a long list a batch of items at a time, in the background of the event loop: a folder of
    // 10^5 files does not stall the window each time rows are added.
    m_list->setLayoutMode(QListView::Batched);
    m_list->setBatchSize(200);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setTextElideMode(Qt::ElideMiddle);
    // Rows are as wide as the list: a long name or its details are elided in
    // the middle (the whole path is in the tooltip), never scrolled sideways.
    m_list->setItemDelegate(new FitWidthDelegate(m_list));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_hint->setObjectName(QStringLiteral("mediaHint"));
    m_hint->setText(tr("Drop pictures or videos here, or open them with the buttons above."));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    QToolButton *openFiles = toolButton(QStringLiteral("open-file"), tr("Open files"), this);
    QToolButton *openFolder = toolButton(QStringLiteral("open-folder"), tr("Open folder"), this);
    m_remove = toolButton(QStringLiteral("remove"), tr("Remove from the list"), this);
    m_remove->setObjectName(QStringLiteral("removeMediaButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(openFiles);
    buttons->addWidget(openFolder);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint, 1);

    connect(openFiles, &QToolButton::clicked, this, &MediaPanel::openFilesRequested);
    connect(openFolder, &QToolButton::clicked, this, &MediaPanel::openFolderRequested);
    connect(m_remove, &QToolButton::clicked, this, &MediaPanel::removeSelected);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        Q_EMIT currentChanged(item ? item->data(kPathRole).toString() : QString());
    });
    connect(m_thumbnails, &ThumbnailLoader::thumbnailReady, this, &MediaPanel::onThumbnail);
    connect(m_thumbnails, &ThumbnailLoader::thumbnailFailed, this, &MediaPanel::onThumbnailFailed);
    updateHint();
}

QListWidgetItem *MediaPanel::itemFor(const QString &path) const
{
    return m_items.value(path);
}

QStringList MediaPanel::addFiles(const QStringList &paths)
{
    QStringList missing;
    const QIcon videoIcon = paletteIcon(QStringLiteral("video"));
    const QIcon imageIcon = paletteIcon(QStringLiteral("image"));
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile()) {
            missing.append(path);
            continue;
        }
        const QString absolute = info.absoluteFilePath();
        if (itemFor(absolute))
            continue;
        auto *item
            = new QListWidgetItem(app::isVideoFileName(absolute) ? videoIcon : imageIcon, info.fileName());
        item->setData(kPathRole, absolute);
        item->setToolTip(absolute);
        m_list->addItem(item);
        m_items.insert(absolute, item);
        m_thumbnails->request(absolute);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateHint();
    return missing;
}

QStringList MediaPanel::files() const
{
    QStringList paths;
    for (int i = 0; i < m_list->count(); ++i)
        paths.append(m_list->item(i)->data(kPathRole).toString());
    return paths;
}

QString MediaPanel::currentFile() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kPathRole).toString() : QString();
}

void MediaPanel::setCurrentFile(const QString &path)
{
    if (QListWidgetItem *item = itemFor(QFileInfo(path).absoluteFilePath()))
        m_list->setCurrentItem(item);
}

void MediaPanel::selectNext()
{
    if (m_list->count() > 0)
        m_list->setCurrentRow(std::min(m_list->count() - 1, m_list->currentRow() + 1));
}

void MediaPanel::selectPrevious()
{
    if (m_list->count() > 0)
        m_list->setCurrentRow(std::max(0, m_list->currentRow() - 1));
}

app::MediaFacts MediaPanel::facts(const QString &path) const
{
    const QListWidgetItem *item = itemFor(path);
    return item ? item->data(kFactsRole).value<app::MediaFacts>() : app::MediaFacts();
}

void MediaPanel::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    for (const QListWidgetItem *item : selected)
        m_items.remove(item->data(kPathRole).toString());
    qDeleteAll(selected);
    updateHint();
    if (m_list->count() == 0)
        Q_EMIT currentChanged({});
}

void MediaPanel::onThumbnail(const QString &path, const QImage &image, const app::MediaFacts &facts)
{
    QListWidgetItem *item = itemFor(path);
    if (!item)
        return;
    item->setIcon(framedIcon(image));
    item->setData(kFactsRole, QVariant::fromValue(facts));
    const QString size = QStringLiteral("%1×%2").arg(facts.width).arg(facts.height);
    const QString details = facts.isVideo
        ? tr("%1 · %2 · %3 fps")
              .arg(formatDuration(facts.durationSeconds), size, QLocale().toString(facts.fps, 'f', 0))
        : tr("picture · %1").arg(size);
    item->setText(QFileInfo(path).fileName() + QLatin1Char('\n') + details);
}

void MediaPanel::onThumbnailFailed(const QString &path, const QString &message)
{
    if (QListWidgetItem *item = itemFor(path)) {
        item->setIcon(paletteIcon(QStringLiteral("warning")));
        item->setText(QFileInfo(path).fileName() + QLatin1Char('\n') + tr("cannot be read"));
        item->setToolTip(path + QLatin1Char('\n') + message);
    }
}

void MediaPanel::updateHint()
{
    const bool empty = m_list->count() == 0;
    m_hint->setVisible(empty);
    m_list->setVisible(!empty);
    m_remove->setEnabled(!empty);
}

void MediaPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MediaPanel::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

} // namespace mplug2::ui
