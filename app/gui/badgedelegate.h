#pragma once

#include <QStyledItemDelegate>

namespace heapsight::gui {

// Paints a module tree item with its finding count as a rounded badge at the right edge, coloured like the
// group it counts; items without findings get no badge.
class BadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static QSize badgeSize(const QStyleOptionViewItem& option, int count);
};

} // namespace heapsight::gui
