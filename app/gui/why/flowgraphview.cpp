// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "why/flowgraphview.h"

#include "source/annotationpalette.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainterPath>
#include <QtMath>

namespace heapsight::gui {

namespace {

constexpr qreal kMinColumnWidth = 120;
constexpr qreal kRowHeight = 74;
constexpr qreal kNodeHeight = 26;
constexpr qreal kTopMargin = 30; // room for the truncation note
constexpr int kMaxNameLength = 30;
// Item data keys: what a click on an item means.
constexpr int kNodeKey = 0; // node index + 1
constexpr int kEdgeKey = 1; // edge index + 1

QString elided(const std::string& name)
{
    const QString text = QString::fromStdString(name);
    return text.size() > kMaxNameLength ? text.left(kMaxNameLength - 1) + QChar(0x2026) : text;
}

QColor nodeAccent(FlowGraph::NodeKind kind, const AnnotationPalette& palette)
{
    switch (kind) {
    case FlowGraph::NodeKind::Heap:
        return palette.marker(MarkerGroup::Moved);
    case FlowGraph::NodeKind::Result:
        return palette.marker(MarkerGroup::Leaks);
    case FlowGraph::NodeKind::Storage:
        return palette.marker(MarkerGroup::Escapes);
    case FlowGraph::NodeKind::Temporary:
    case FlowGraph::NodeKind::Truncated:
        return palette.mutedText();
    case FlowGraph::NodeKind::Location:
        break;
    }
    return palette.marker(MarkerGroup::Inlining);
}

} // namespace

FlowGraphView::FlowGraphView(QWidget* parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("flowGraph"));
    setScene(&m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setFrameShape(QFrame::NoFrame);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    rebuild();
}

void FlowGraphView::setGraph(FlowGraph graph)
{
    m_graph = std::move(graph);
    rebuild();
}

QPointF FlowGraphView::nodePlace(const FlowGraph::Node& node) const
{
    return { node.column * m_columnWidth + m_columnWidth / 2, kTopMargin + node.row * kRowHeight + kNodeHeight / 2 };
}

QPoint FlowGraphView::nodeViewCenter(std::uint32_t node) const
{
    return node < m_nodes.size() ? mapFromScene(m_nodes[node]->sceneBoundingRect().center()) : QPoint();
}

void FlowGraphView::rebuild()
{
    m_scene.clear();
    m_nodes.clear();
    const AnnotationPalette palette(this->palette());
    setBackgroundBrush(palette.base());
    if (m_graph.nodes.empty()) {
        auto* text = m_scene.addText(tr("No flow to draw. The compiler explains flows with -m=2, for values that "
                                        "escape or leak; pick such a line."));
        text->setDefaultTextColor(palette.mutedText());
        text->setTextWidth(260);
        fit();
        return;
    }
    // Columns as wide as the widest location name, so neighbouring nodes never overlap.
    const QFontMetricsF metrics(font());
    m_columnWidth = kMinColumnWidth;
    for (const FlowGraph::Node& n : m_graph.nodes)
        m_columnWidth = std::max(m_columnWidth, metrics.horizontalAdvance(elided(n.name)) + 44);
    if (m_graph.truncated) {
        auto* note = m_scene.addSimpleText(tr("The compiler truncated an explanation (assignment cycle)"));
        note->setBrush(palette.marker(MarkerGroup::Moved));
        note->setPos(4, 4);
    }
    for (std::uint32_t i = 0; i < m_graph.nodes.size(); ++i)
        addNode(i);
    for (std::uint32_t i = 0; i < m_graph.edges.size(); ++i)
        addEdge(i);
    m_scene.setSceneRect(m_scene.itemsBoundingRect().adjusted(-8, -8, 8, 8));
    fit();
}

void FlowGraphView::addNode(std::uint32_t index)
{
    const FlowGraph::Node& node = m_graph.nodes[index];
    const AnnotationPalette palette(this->palette());
    const QColor accent = nodeAccent(node.kind, palette);
    auto* label = new QGraphicsSimpleTextItem(elided(node.name));
    label->setBrush(palette.text());
    const QRectF textRect = label->boundingRect();
    const qreal width = std::max<qreal>(textRect.width() + 20, 48);
    const QPointF center = nodePlace(node);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(-width / 2, -kNodeHeight / 2, width, kNodeHeight), 8, 8);
    auto* box = new QGraphicsPathItem(shape);
    box->setPen(QPen(accent, node.kind == FlowGraph::NodeKind::Heap ? 2.0 : 1.4,
        node.kind == FlowGraph::NodeKind::Truncated ? Qt::DashLine : Qt::SolidLine));
    box->setBrush(AnnotationPalette::mix(palette.base(), accent, 0.14));
    box->setPos(center);
    box->setData(kNodeKey, index + 1);
    box->setToolTip(QString::fromStdString(node.name)
        + (node.at.isValid() ? tr("\nClick to show line %1").arg(node.at.line) : QString()));
    if (node.at.isValid())
        box->setCursor(Qt::PointingHandCursor);
    label->setParentItem(box);
    label->setPos(-textRect.width() / 2, -textRect.height() / 2);
    m_scene.addItem(box);
    m_nodes.push_back(box);
}

void FlowGraphView::addEdge(std::uint32_t index)
{
    const FlowGraph::Edge& edge = m_graph.edges[index];
    const AnnotationPalette palette(this->palette());
    const QPointF from = m_nodes[edge.from]->sceneBoundingRect().center() + QPointF(0, kNodeHeight / 2);
    const QPointF to = m_nodes[edge.to]->sceneBoundingRect().center() - QPointF(0, kNodeHeight / 2);
    QPainterPath path(from);
    path.lineTo(to);
    // The arrow head, pointing along the edge.
    const qreal angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    for (const qreal side : { -0.45, 0.45 })
        path.moveTo(to), path.lineTo(to - QPointF(std::cos(angle + side), std::sin(angle + side)) * 9);
    auto* line = m_scene.addPath(path,
        QPen(
            edge.truncated ? palette.mutedText() : palette.text(), 1.2, edge.truncated ? Qt::DashLine : Qt::SolidLine));
    line->setData(kEdgeKey, index + 1);
    auto* label = m_scene.addSimpleText(QString::fromStdString(edge.label));
    label->setBrush(palette.mutedText());
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    label->setFont(small);
    label->setPos((from + to) / 2 + QPointF(6, -label->boundingRect().height() / 2));
    label->setData(kEdgeKey, index + 1);
    if (edge.at.isValid()) {
        label->setCursor(Qt::PointingHandCursor);
        label->setToolTip(tr("Click to show line %1").arg(edge.at.line));
    }
}

void FlowGraphView::fit()
{
    // Small graphs at their natural size; large ones shrink to the width, not below a readable scale.
    resetTransform();
    const QRectF rect = m_scene.sceneRect();
    if (rect.width() <= 0 || viewport()->width() <= 0)
        return;
    const qreal scale = std::clamp(viewport()->width() / rect.width(), 0.55, 1.0);
    setTransform(QTransform::fromScale(scale, scale));
}

void FlowGraphView::mousePressEvent(QMouseEvent* event)
{
    for (QGraphicsItem* item = itemAt(event->position().toPoint()); item; item = item->parentItem()) {
        if (const int node = item->data(kNodeKey).toInt(); node > 0) {
            const Position at = m_graph.nodes[static_cast<std::size_t>(node - 1)].at;
            if (at.isValid())
                Q_EMIT positionActivated(at);
            return;
        }
        if (const int edge = item->data(kEdgeKey).toInt(); edge > 0) {
            const Position at = m_graph.edges[static_cast<std::size_t>(edge - 1)].at;
            if (at.isValid())
                Q_EMIT positionActivated(at);
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void FlowGraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    fit();
}

void FlowGraphView::changeEvent(QEvent* event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

} // namespace heapsight::gui
