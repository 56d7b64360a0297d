// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/sourcegutter.h"

#include "source/markerpainter.h"
#include "source/sourceview.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace heapsight::gui {

namespace {

constexpr int kNumberPadding = 10;

} // namespace

SourceGutter::SourceGutter(SourceView* view)
    : QWidget(view)
    , m_view(view)
{
    setCursor(Qt::PointingHandCursor);
}

int SourceGutter::markerSize() const
{
    return std::max(8, static_cast<int>(m_view->fontMetrics().height() * 0.62));
}

int SourceGutter::markerLaneWidth() const
{
    // One more slot, the last, for an assertion's mark.
    return 6 + (MarkerSlots + 1) * (markerSize() + 2);
}

int SourceGutter::requiredWidth() const
{
    const int digits = std::max(3, static_cast<int>(QString::number(m_view->lineCount()).size()));
    return markerLaneWidth() + m_view->fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + 2 * kNumberPadding;
}

QSize SourceGutter::sizeHint() const
{
    return QSize(requiredWidth(), 0);
}

QRect SourceGutter::markerRect(int line) const
{
    const QRect rect = m_view->lineRect(line);
    if (rect.isEmpty())
        return {};
    return QRect(4, rect.top(), markerLaneWidth() - 4, rect.height());
}

void SourceGutter::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    const AnnotationPalette& palette = m_view->annotationPalette();
    painter.fillRect(event->rect(), palette.gutterBackground());
    painter.setPen(palette.gutterSeparator());
    painter.drawLine(width() - 1, event->rect().top(), width() - 1, event->rect().bottom());

    const int size = markerSize();
    const QFont normal = m_view->font();
    QFont bold = normal;
    bold.setBold(true);
    for (const SourceView::VisibleLine& l : m_view->visibleLines()) {
        const QRect row(0, static_cast<int>(l.rect.top()), width(), static_cast<int>(l.rect.height()));
        if (!row.intersects(event->rect()))
            continue;
        if (const LineAnnotation* a = m_view->annotations().at(l.line)) {
            int slot = 0;
            for (MarkerGroup g : AllMarkerGroups) {
                if (!(a->groups & groupBit(g)))
                    continue;
                if (slot == MarkerSlots)
                    break;
                const QRectF cell(6 + slot * (size + 2), row.center().y() - size / 2.0 + 0.5, size, size);
                MarkerPainter::paint(painter, cell, g, palette.marker(g));
                ++slot;
            }
            if (a->findings.empty() && a->pathGroups) {
                const QRectF cell(6, row.center().y() - size / 2.0 + 0.5, size, size);
                MarkerPainter::paintPath(painter, cell, palette.marker(a->primaryGroup()));
            }
        }
        if (const AssertionMark* m = m_view->assertionMark(l.line)) {
            const QRectF cell(6 + MarkerSlots * (size + 2), row.center().y() - size / 2.0 + 0.5, size, size);
            MarkerPainter::paintAssertion(
                painter, cell, m->broken, palette.marker(m->broken ? MarkerGroup::Moved : MarkerGroup::Stack));
        }
        painter.setFont(l.current ? bold : normal);
        painter.setPen(l.current ? palette.currentLineNumber() : palette.lineNumber());
        painter.drawText(
            QRect(markerLaneWidth(), row.top(), width() - markerLaneWidth() - kNumberPadding, row.height()),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(l.line));
    }
}

void SourceGutter::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    if (const int line = m_view->lineAt(static_cast<int>(event->position().y())))
        Q_EMIT lineClicked(line);
}

bool SourceGutter::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int line = m_view->lineAt(help->pos().y());
        QString tip = m_view->annotations().toolTip(line);
        if (const AssertionMark* m = m_view->assertionMark(line)) {
            const QString assertion = QStringLiteral("<pre>%1</pre>").arg(m->toolTip.toHtmlEscaped());
            tip = tip.isEmpty() ? assertion : tip + assertion;
        }
        if (!tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace heapsight::gui
