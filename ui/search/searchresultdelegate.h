#pragma once
/// Paints one search result as a card: the thumbnail (or hover preview
/// frame), the file name, and the score, marked when the model re-scored it.
/// A moment's card carries its time range over the picture.
///
///     view->setItemDelegate(new SearchResultDelegate(view));

#include <QStyledItemDelegate>

namespace mplug2::ui {

class SearchResultDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int kThumbnailWidth = 176;
    static constexpr int kThumbnailHeight = 132;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace mplug2::ui
