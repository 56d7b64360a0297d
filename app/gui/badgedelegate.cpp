#include "badgedelegate.h"

#include "annotationpalette.h"
#include "moduletreemodel.h"

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

QSize BadgeDelegate::badgeSize(const QStyleOptionViewItem& option, int count)
{
    if (count <= 0)
        return {};
    const QFontMetrics metrics(badgeFont(option.font));
    const int height = metrics.height() + 2;
    return QSize(std::max(height + 4, metrics.horizontalAdvance(QString::number(count)) + 12), height);
}

void BadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    const int count = index.data(ModuleTreeModel::BadgeCountRole).toInt();
    const QSize badge = badgeSize(opt, count);

    // The row background spans the whole width; text and icon make room for the badge.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
    QStyleOptionViewItem content = opt;
    if (badge.isValid())
        content.rect.setRight(opt.rect.right() - badge.width() - 2 * kMargin);
    style->drawControl(QStyle::CE_ItemViewItem, &content, painter, opt.widget);
    if (!badge.isValid())
        return;

    const AnnotationPalette palette(opt.palette);
    const auto group = static_cast<MarkerGroup>(index.data(ModuleTreeModel::BadgeGroupRole).toInt());
    const QRect rect(opt.rect.right() - kMargin - badge.width(), opt.rect.center().y() - badge.height() / 2 + 1,
        badge.width(), badge.height());
    const QColor fill = palette.marker(group);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, badge.height() / 2.0, badge.height() / 2.0);
    painter->setFont(badgeFont(opt.font));
    painter->setPen(fill.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white));
    painter->drawText(rect, Qt::AlignCenter, QString::number(count));
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QSize badge = badgeSize(option, index.data(ModuleTreeModel::BadgeCountRole).toInt());
    if (badge.isValid())
        size.rwidth() += badge.width() + 2 * kMargin;
    return size;
}

} // namespace heapsight::gui
