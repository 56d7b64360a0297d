// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/flowgraph.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QRectF>
#include <vector>

class QGraphicsSimpleTextItem;

namespace heapsight::gui {

// Draws a FlowGraph: each explanation a column of locations from the value (top) to where it escapes
// (bottom), the heap one shared node, each flow an arrow labelled with its dereferences and reason words,
// a truncated explanation ending in a dashed "…". Clicking a location or an arrow label asks to show its
// source position. An interprocedural graph (core/why/whyflowgraph.h) also draws each callee's sub-path
// in a labelled frame (function and parameter, package, whether its source is outside the module) and the
// calls entering them as dashed arrows; its positions are FlowGraph::Location, asked for by
// locationActivated.
class FlowGraphView : public QGraphicsView {
    Q_OBJECT

public:
    explicit FlowGraphView(QWidget* parent = nullptr);

    void setGraph(FlowGraph graph);
    const FlowGraph& graph() const { return m_graph; }
    // Where node `node` is drawn, in view coordinates (for tests and keyboard-less clicking).
    QPoint nodeViewCenter(std::uint32_t node) const;
    // The title drawn over callee segment `segment` (null for the finding's own block, or none drawn).
    QGraphicsSimpleTextItem* segmentTitle(std::uint32_t segment) const;

Q_SIGNALS:
    void positionActivated(const heapsight::Position& at);
    // A node, arrow or sub-path title of an interprocedural graph: `file` as the compiler printed it,
    // `diskPath` the file it names ("" when unknown), 1-based `line`, byte `column` (0: none).
    void locationActivated(const QString& file, const QString& diskPath, int line, int column);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void addNode(std::uint32_t index);
    void addEdge(std::uint32_t index);
    void addCallEdge(std::uint32_t index);
    void addSegmentFrame(std::uint32_t segment);
    void activate(const Position& at, const FlowGraph::Location& where);
    QPointF nodePlace(const FlowGraph::Node& node) const;
    void fit();

    QGraphicsScene m_scene;
    FlowGraph m_graph;
    std::vector<QGraphicsItem*> m_nodes;
    std::vector<QGraphicsSimpleTextItem*> m_segmentTitles; // per segment; null for segment 0s
    qreal m_columnWidth = 0;
    std::vector<QRectF> m_occupied; // scene rectangles of the nodes and arrow labels placed so far (rebuild)
};

} // namespace heapsight::gui
