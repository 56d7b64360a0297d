// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "why/flowgraphview.h"

#include "source/annotationpalette.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>

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
constexpr int kSegmentKey = 2; // segment index + 1 (a callee's title)
constexpr int kMaxPackageLength = 44;

QString elided(const std::string& name, int length = kMaxNameLength)
{
    const QString text = QString::fromStdString(name);
    return text.size() > length ? text.left(length - 1) + QChar(0x2026) : text;
}

QString locationTip(const FlowGraph::Location& at)
{
    return QString::fromStdString(at.file) + QStringLiteral(":%1").arg(at.line);
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

QGraphicsSimpleTextItem* FlowGraphView::segmentTitle(std::uint32_t segment) const
{
    return segment < m_segmentTitles.size() ? m_segmentTitles[segment] : nullptr;
}

void FlowGraphView::rebuild()
{
    m_scene.clear();
    m_nodes.clear();
    m_occupied.clear();
    m_segmentTitles.assign(m_graph.segments.size(), nullptr);
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
    // An arrow's label is drawn right of its middle, towards the next column (and the sub-paths beside it):
    // room for the labels too.
    {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        const QFontMetricsF labels(small);
        for (const FlowGraph::Edge& e : m_graph.edges) {
            if (!e.call)
                m_columnWidth = std::max(m_columnWidth, labels.horizontalAdvance(QString::fromStdString(e.label)) + 50);
        }
    }
    if (m_graph.truncated) {
        auto* note = m_scene.addSimpleText(tr("The compiler truncated an explanation (assignment cycle)"));
        note->setBrush(palette.marker(MarkerGroup::Moved));
        note->setPos(4, 4);
    }
    for (std::uint32_t i = 0; i < m_graph.nodes.size(); ++i)
        addNode(i);
    for (std::uint32_t i = 0; i < m_graph.edges.size(); ++i) {
        if (m_graph.edges[i].call)
            addCallEdge(i);
        else
            addEdge(i);
    }
    for (std::uint32_t i = 0; i < m_graph.segments.size(); ++i)
        addSegmentFrame(i);
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
    if (!m_graph.segments.empty())
        box->setZValue(1); // above the arrows' labels, whose backdrops would hide it (addEdge)
    box->setToolTip(QString::fromStdString(node.name)
        + (node.at.isValid()           ? tr("\nClick to show line %1").arg(node.at.line)
                : node.where.isValid() ? tr("\nClick to show %1").arg(locationTip(node.where))
                                       : QString()));
    if (node.at.isValid() || node.where.isValid())
        box->setCursor(Qt::PointingHandCursor);
    label->setParentItem(box);
    label->setPos(-textRect.width() / 2, -textRect.height() / 2);
    m_scene.addItem(box);
    m_nodes.push_back(box);
    m_occupied.push_back(box->sceneBoundingRect());
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
    // Arrows between the same two rows have their middles at one height (a slanted one's lies left of the
    // next column's arrow): a label moves down until it covers no location and no label drawn before it.
    QRectF placed = label->sceneBoundingRect();
    const auto covers = [&placed](const QRectF& r) { return r.intersects(placed); };
    for (int tries = 0; tries < 8 && std::any_of(m_occupied.begin(), m_occupied.end(), covers); ++tries) {
        label->moveBy(0, placed.height() + 2);
        placed = label->sceneBoundingRect();
    }
    m_occupied.push_back(placed);
    label->setData(kEdgeKey, index + 1);
    // A sub-path's arrows to the shared heap cross other columns' labels: those stay readable above them.
    if (!m_graph.segments.empty()) {
        auto* back = new QGraphicsRectItem(label->boundingRect().adjusted(-2, 0, 2, 0), label);
        back->setPen(Qt::NoPen);
        back->setBrush(palette.base());
        back->setFlag(QGraphicsItem::ItemStacksBehindParent);
        label->setZValue(0.5);
    }
    if (edge.at.isValid()) {
        label->setCursor(Qt::PointingHandCursor);
        label->setToolTip(tr("Click to show line %1").arg(edge.at.line));
    } else if (edge.where.isValid()) {
        label->setCursor(Qt::PointingHandCursor);
        label->setToolTip(tr("Click to show %1").arg(locationTip(edge.where)));
    }
}

// A call into a callee's sub-path: dashed, from the passed value's right side to the callee's first
// location (one row down, further right). Its words ("call parameter → store.Keep (it)") head the
// callee's frame (addSegmentFrame), where they cannot cover another column's locations.
void FlowGraphView::addCallEdge(std::uint32_t index)
{
    const FlowGraph::Edge& edge = m_graph.edges[index];
    const AnnotationPalette palette(this->palette());
    const QRectF fromBox = m_nodes[edge.from]->sceneBoundingRect();
    const QRectF toBox = m_nodes[edge.to]->sceneBoundingRect();
    const QPointF from(fromBox.right(), fromBox.center().y());
    const QPointF to(toBox.left(), toBox.center().y());
    QPainterPath path(from);
    path.cubicTo(from + QPointF((to.x() - from.x()) / 2, 0), to - QPointF((to.x() - from.x()) / 2, 0), to);
    for (const qreal dy : { -4.5, 4.5 })
        path.moveTo(to), path.lineTo(to + QPointF(-8, dy));
    auto* line = m_scene.addPath(path, QPen(palette.marker(MarkerGroup::Leaks), 1.4, Qt::DashLine));
    line->setData(kEdgeKey, index + 1);
    line->setToolTip(QString::fromStdString(edge.label)
        + (edge.where.isValid() ? tr("\nClick to show the call, %1").arg(locationTip(edge.where)) : QString()));
}

// A callee's sub-path: its locations in a light frame, titled with the function and parameter the value
// enters and the package the block was printed for; sources outside the module are marked read-only.
void FlowGraphView::addSegmentFrame(std::uint32_t index)
{
    const FlowGraph::Segment& segment = m_graph.segments[index];
    if (segment.parent < 0)
        return;
    QRectF nodes;
    for (std::uint32_t i = 0; i < m_graph.nodes.size(); ++i) {
        if (m_graph.nodes[i].segment == index && m_graph.nodes[i].kind != FlowGraph::NodeKind::Heap)
            nodes = nodes.united(m_nodes[i]->sceneBoundingRect());
    }
    if (nodes.isNull())
        return;
    const AnnotationPalette palette(this->palette());
    QString title = QString::fromStdString(segment.function) + QStringLiteral(" (")
        + QString::fromStdString(segment.parameter) + u')';
    for (const FlowGraph::Edge& e : m_graph.edges) {
        if (e.call && m_graph.nodes[e.to].segment == index)
            title = QString::fromStdString(e.label); // "call parameter → store.Keep (it)"
    }
    QString package = elided(segment.package, kMaxPackageLength);
    if (segment.outsideModule)
        package += QStringLiteral(" · ") + tr("read-only, outside the module");
    auto* text = new QGraphicsSimpleTextItem(title + u'\n' + package);
    text->setBrush(segment.outsideModule ? palette.mutedText() : palette.marker(MarkerGroup::Leaks));
    QFont small = text->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    text->setFont(small);
    text->setPos(nodes.left(), nodes.top() - text->boundingRect().height() - 3);
    text->setData(kSegmentKey, index + 1);
    text->setZValue(1);
    text->setToolTip(tr("%1 in %2: click to show its parameter, %3")
                         .arg(title, QString::fromStdString(segment.package), locationTip(segment.where)));
    if (segment.where.isValid())
        text->setCursor(Qt::PointingHandCursor);
    m_scene.addItem(text);
    m_segmentTitles[index] = text;
    QPainterPath frame;
    frame.addRoundedRect(nodes.united(text->sceneBoundingRect()).adjusted(-6, -4, 6, 6), 6, 6);
    const QColor tint = segment.outsideModule ? palette.mutedText() : palette.marker(MarkerGroup::Leaks);
    auto* box = m_scene.addPath(frame, QPen(AnnotationPalette::mix(palette.base(), tint, 0.5), 1.0, Qt::DotLine),
        AnnotationPalette::mix(palette.base(), tint, segment.outsideModule ? 0.10 : 0.05));
    box->setZValue(-1);
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
            const FlowGraph::Node& n = m_graph.nodes[static_cast<std::size_t>(node - 1)];
            activate(n.at, n.where);
            return;
        }
        if (const int edge = item->data(kEdgeKey).toInt(); edge > 0) {
            const FlowGraph::Edge& e = m_graph.edges[static_cast<std::size_t>(edge - 1)];
            activate(e.at, e.where);
            return;
        }
        if (const int segment = item->data(kSegmentKey).toInt(); segment > 0) {
            activate({}, m_graph.segments[static_cast<std::size_t>(segment - 1)].where);
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

// A position of this report, else (interprocedural graphs) a location in any file; nothing when neither.
void FlowGraphView::activate(const Position& at, const FlowGraph::Location& where)
{
    if (at.isValid())
        Q_EMIT positionActivated(at);
    else if (where.isValid())
        Q_EMIT locationActivated(QString::fromStdString(where.file), QString::fromStdString(where.path),
            static_cast<int>(where.line), static_cast<int>(where.column));
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
