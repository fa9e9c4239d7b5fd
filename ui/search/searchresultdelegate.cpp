#include "ui/search/searchresultdelegate.h"

#include "ui/search/searchresultsmodel.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

namespace mplug2::ui {

namespace {

constexpr int kPadding = 6;

} // namespace

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.data(Qt::DecorationRole).isNull()
        && index.data(SearchResultsModel::PathRole).toString().isEmpty())
        return QStyledItemDelegate::sizeHint(option, index); // a sentence: one text line
    const int lines = 2 * option.fontMetrics.height();
    return {kThumbnailWidth + 2 * kPadding, kThumbnailHeight + lines + 3 * kPadding};
}

void SearchResultDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.data(SearchResultsModel::PathRole).toString().isEmpty()) {
        QStyleOptionViewItem sentence = option;
        initStyleOption(&sentence, index);
        sentence.text = QStringLiteral("%1   %2")
                            .arg(index.data(SearchResultsModel::ScoreRole).toDouble(), 8, 'f', 4)
                            .arg(sentence.text);
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &sentence, painter, sentence.widget);
        return;
    }
    painter->save();
    QStyleOptionViewItem card = option;
    initStyleOption(&card, index);
    card.text.clear();
    card.icon = QIcon();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &card, painter, card.widget);
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
        // Styles highlight only an item's text and icon, which a card has none of: without this the
        // name below would be the highlight's text colour on the view's base (white on white).
        const QPalette::ColorGroup group
            = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
        painter->fillRect(option.rect, option.palette.color(group, QPalette::Highlight));
    }

    const QRect area(
        option.rect.left() + kPadding, option.rect.top() + kPadding, kThumbnailWidth, kThumbnailHeight);
    painter->fillRect(area, option.palette.color(QPalette::Dark));
    const QImage thumbnail = index.data(Qt::DecorationRole).value<QImage>();
    if (!thumbnail.isNull()) {
        const QImage fitted = thumbnail.scaled(area.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        painter->drawImage(QPoint(area.left() + (area.width() - fitted.width()) / 2,
                               area.top() + (area.height() - fitted.height()) / 2),
            fitted);
    }
    const QString range = index.data(SearchResultsModel::TimeRangeRole).toString();
    if (!range.isEmpty()) {
        // A moment: where it is in the video, over the bottom of its picture.
        QRect badge = option.fontMetrics.boundingRect(range).adjusted(-4, -2, 4, 2);
        badge.moveBottomLeft(area.bottomLeft() + QPoint(4, -4));
        painter->fillRect(badge, QColor(0, 0, 0, 170));
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, range);
    } else if (index.data(SearchResultsModel::KindRole).toInt() == int(app::MediaKind::Video)) {
        // A small play mark says "hover to preview".
        const QRect mark(area.right() - 22, area.bottom() - 22, 16, 16);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 140));
        painter->drawEllipse(mark);
        painter->setBrush(Qt::white);
        painter->drawPolygon(QPolygon(
            {mark.topLeft() + QPoint(6, 4), mark.topLeft() + QPoint(6, 12), mark.topLeft() + QPoint(12, 8)}));
    }

    const QColor text
        = selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Text);
    painter->setPen(text);
    const int lineHeight = option.fontMetrics.height();
    const QRect nameRect(area.left(), area.bottom() + kPadding, area.width(), lineHeight);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(
            index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, nameRect.width()));
    const bool reranked = index.data(SearchResultsModel::RerankedRole).toBool();
    const QString score = reranked
        ? tr("%1 (model)").arg(index.data(SearchResultsModel::ScoreRole).toDouble(), 0, 'f', 3)
        : QString::number(index.data(SearchResultsModel::ScoreRole).toDouble(), 'f', 3);
    painter->setPen(selected ? text : option.palette.color(QPalette::PlaceholderText));
    // The caption stored while indexing, when there is one, after the score.
    const QString caption = index.data(SearchResultsModel::CaptionRole).toString();
    const QString second = caption.isEmpty() ? score : score + QStringLiteral(" \u00b7 ") + caption;
    painter->drawText(nameRect.translated(0, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(second, Qt::ElideRight, nameRect.width()));
    painter->restore();
}

} // namespace mplug2::ui
