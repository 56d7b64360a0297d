// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tree/badgedelegate.h"

#include "source/annotationpalette.h"
#include "tree/moduletreemodel.h"

#include <QApplication>
#include <QPainter>

namespace heapsight::gui {

namespace {

constexpr int kMargin = 6;

QFont badgeFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    f.setBold(true);
    return f;
}

} // namespace

QSize BadgeDelegate::badgeSize(const QStyleOptionViewItem& option, const QString& text)
{
    if (text.isEmpty())
        return {};
    const QFontMetrics metrics(badgeFont(option.font));
    const int height = metrics.height() + 2;
    return QSize(std::max(height + 4, metrics.horizontalAdvance(text) + 12), height);
}

// The heap badge, and while comparing the change badge left of it ("±3": new, gone or changed there).
QList<BadgeDelegate::Badge> BadgeDelegate::badges(const QStyleOptionViewItem& option, const QModelIndex& index)
{
    QList<Badge> result;
    if (const int changes = index.data(ModuleTreeModel::ChangeCountRole).toInt(); changes > 0) {
        const QString text = QStringLiteral("±%1").arg(changes);
        result.append({ text, badgeSize(option, text), option.palette.color(QPalette::Highlight), true });
    }
    if (const int count = index.data(ModuleTreeModel::BadgeCountRole).toInt(); count > 0) {
        const QString text = QString::number(count);
        const auto group = static_cast<MarkerGroup>(index.data(ModuleTreeModel::BadgeGroupRole).toInt());
        result.append({ text, badgeSize(option, text), AnnotationPalette(option.palette).marker(group), false });
    }
    return result;
}

int BadgeDelegate::badgesWidth(const QList<Badge>& badges)
{
    int width = 0;
    for (const Badge& b : badges)
        width += b.size.width() + kMargin;
    return badges.isEmpty() ? 0 : width + kMargin;
}

void BadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    const QList<Badge> shown = badges(opt, index);

    // The row background spans the whole width; text and icon make room for the badges.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    QStyleOptionViewItem content = opt;
    content.rect.setRight(opt.rect.right() - badgesWidth(shown));
    style->drawControl(QStyle::CE_ItemViewItem, &content, painter, opt.widget);
    if (shown.isEmpty())
        return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(badgeFont(opt.font));
    int right = opt.rect.right() - kMargin;
    for (auto it = shown.crbegin(); it != shown.crend(); ++it) {
        const QSize size = it->size;
        const QRectF rect(
            right - size.width(), opt.rect.center().y() - size.height() / 2 + 1, size.width(), size.height());
        const qreal radius = size.height() / 2.0;
        if (it->outlined) {
            // Outlined: a change is not an allocation and must not read as one.
            painter->setPen(QPen(it->colour, 1.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius);
            painter->setPen(
                opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText) : it->colour);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(it->colour);
            painter->drawRoundedRect(rect, radius, radius);
            painter->setPen(it->colour.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white));
        }
        painter->drawText(rect, Qt::AlignCenter, it->text);
        right -= size.width() + kMargin;
    }
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += badgesWidth(badges(option, index));
    return size;
}

} // namespace heapsight::gui
