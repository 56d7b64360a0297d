// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/appicon.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

// Resources of a static library must be initialised by name, outside any namespace.
static void initHeapsightResources()
{
    Q_INIT_RESOURCE(heapsight);
}

namespace heapsight::gui {

namespace {

bool renders(const QIcon& icon)
{
    return !icon.isNull() && !icon.pixmap(32, 32).isNull();
}

// resources/icons/org.heapsight.Heapsight.svg, in the SVG's 256×256 coordinates.
void paintIcon(QPainter& p)
{
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 8, 0, 248);
    background.setColorAt(0, QColor(0x2f, 0x6f, 0x8f));
    background.setColorAt(1, QColor(0x1b, 0x3d, 0x5a));
    p.setPen(Qt::NoPen);
    p.setBrush(background);
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 52, 52);

    const QColor frame(0xdb, 0xe7, 0xef);
    const auto bar = [&](qreal y, qreal width, qreal opacity) {
        QColor c = frame;
        c.setAlphaF(static_cast<float>(opacity));
        p.setBrush(c);
        p.drawRoundedRect(QRectF(36, y, width, 22), 7, 7);
    };
    bar(200, 112, 1.0);
    bar(170, 112, 0.85);
    bar(140, 70, 0.7);
    QPen dashed(frame, 3);
    dashed.setDashPattern({ 2, 1.67 });
    p.setPen(dashed);
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(114, 140, 34, 22), 7, 7);

    QPainterPath path(QPointF(131, 136));
    path.cubicTo(128, 112, 132, 100, 146, 92);
    QPen dotted(QColor(0xff, 0xb4, 0x54), 7, Qt::CustomDashLine, Qt::RoundCap);
    dotted.setDashPattern({ 0.29, 1.86 });
    p.setPen(dotted);
    p.drawPath(path);

    const QColor glass(0xf2, 0xf5, 0xf7);
    p.setPen(QPen(glass, 17, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(201, 121), QPointF(228, 150));
    QColor lens = Qt::white;
    lens.setAlphaF(0.15f);
    p.setPen(QPen(glass, 12));
    p.setBrush(lens);
    p.drawEllipse(QPointF(168, 86), 48, 48);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xf0, 0x54, 0x5e));
    p.drawEllipse(QPointF(168, 86), 17, 17);
    QColor shine = Qt::white;
    shine.setAlphaF(0.55f);
    p.setBrush(shine);
    p.drawEllipse(QPointF(162, 80), 5, 5);
}

} // namespace

QIcon AppIcon::painted()
{
    QIcon icon;
    for (int size : { 16, 22, 32, 48, 64, 128, 256 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.scale(size / 256.0, size / 256.0);
        paintIcon(p);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon AppIcon::icon()
{
    initHeapsightResources();
    const QIcon themed = QIcon::fromTheme(QStringLiteral("org.heapsight.Heapsight"));
    if (renders(themed))
        return themed;
    const QIcon bundled(QStringLiteral(":/icons/org.heapsight.Heapsight.svg"));
    if (renders(bundled))
        return bundled;
    return painted();
}

} // namespace heapsight::gui
