// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/markerpainter.h"

#include "source/annotationpalette.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace heapsight::gui {

void MarkerPainter::paint(QPainter& painter, const QRectF& rect, MarkerGroup group, const QColor& color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    switch (group) {
    case MarkerGroup::Moved:
        painter.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case MarkerGroup::Escapes: {
        QPainterPath diamond;
        diamond.moveTo(r.center().x(), r.top());
        diamond.lineTo(r.right(), r.center().y());
        diamond.lineTo(r.center().x(), r.bottom());
        diamond.lineTo(r.left(), r.center().y());
        diamond.closeSubpath();
        painter.drawPath(diamond);
        break;
    }
    case MarkerGroup::Leaks: {
        QPainterPath triangle;
        const QRectF t = r.adjusted(side * 0.1, 0.5, 0, -0.5);
        triangle.moveTo(t.topLeft());
        triangle.lineTo(t.right(), t.center().y());
        triangle.lineTo(t.bottomLeft());
        triangle.closeSubpath();
        painter.drawPath(triangle);
        break;
    }
    case MarkerGroup::Stack: {
        const qreal pen = std::max<qreal>(1.5, side / 6);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(color, pen));
        painter.drawEllipse(r.adjusted(pen / 2 + 0.5, pen / 2 + 0.5, -pen / 2 - 0.5, -pen / 2 - 0.5));
        break;
    }
    case MarkerGroup::Inlining:
        painter.drawRoundedRect(
            r.adjusted(side * 0.12, side * 0.12, -side * 0.12, -side * 0.12), side * 0.15, side * 0.15);
        break;
    case MarkerGroup::Other:
        painter.drawEllipse(r.adjusted(side * 0.25, side * 0.25, -side * 0.25, -side * 0.25));
        break;
    }
    painter.restore();
}

void MarkerPainter::paintPath(QPainter& painter, const QRectF& rect, const QColor& color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height()) * 0.55;
    QColor c = color;
    c.setAlphaF(0.8f);
    painter.setPen(QPen(c, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side));
    painter.restore();
}

void MarkerPainter::paintAssertion(QPainter& painter, const QRectF& rect, bool broken, const QColor& color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF r(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    painter.setPen(QPen(color, std::max<qreal>(1.8, side / 5), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    const qreal m = side * 0.15;
    if (broken) {
        painter.drawLine(r.topLeft() + QPointF(m, m), r.bottomRight() - QPointF(m, m));
        painter.drawLine(r.topRight() + QPointF(-m, m), r.bottomLeft() + QPointF(m, -m));
    } else {
        const QPointF points[] = { { r.left() + m, r.center().y() }, { r.left() + side * 0.42, r.bottom() - m },
            { r.right() - m, r.top() + m } };
        painter.drawPolyline(points, 3);
    }
    painter.restore();
}

QIcon MarkerPainter::icon(MarkerGroup group, const AnnotationPalette& palette, int size)
{
    QIcon icon;
    for (const qreal scale : { 1.0, 2.0 }) {
        QPixmap pixmap(static_cast<int>(size * scale), static_cast<int>(size * scale));
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        const qreal inset = size * 0.2;
        paint(p, QRectF(inset, inset, size - 2 * inset, size - 2 * inset), group, palette.marker(group));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace heapsight::gui
