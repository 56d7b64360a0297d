// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QColor>
#include <QList>
#include <QStyledItemDelegate>

namespace heapsight::gui {

// Paints a module tree item with its finding count as a rounded badge at the right edge, coloured like the
// group it counts; items without findings get no badge. While two reports are compared, an outlined badge
// left of it counts the changes.
class BadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    struct Badge {
        QString text;
        QSize size;
        QColor colour;
        bool outlined;
    };

    static QSize badgeSize(const QStyleOptionViewItem& option, const QString& text);
    static QList<Badge> badges(const QStyleOptionViewItem& option, const QModelIndex& index);
    static int badgesWidth(const QList<Badge>& badges);
};

} // namespace heapsight::gui
