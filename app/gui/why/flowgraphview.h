// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/flowgraph.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <vector>

namespace heapsight::gui {

// Draws a FlowGraph: each explanation a column of locations from the value (top) to where it escapes
// (bottom), the heap one shared node, each flow an arrow labelled with its dereferences and reason words,
// a truncated explanation ending in a dashed "…". Clicking a location or an arrow label asks to show its
// source position.
class FlowGraphView : public QGraphicsView {
    Q_OBJECT

public:
    explicit FlowGraphView(QWidget* parent = nullptr);

    void setGraph(FlowGraph graph);
    const FlowGraph& graph() const { return m_graph; }
    // Where node `node` is drawn, in view coordinates (for tests and keyboard-less clicking).
    QPoint nodeViewCenter(std::uint32_t node) const;

Q_SIGNALS:
    void positionActivated(const heapsight::Position& at);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void addNode(std::uint32_t index);
    void addEdge(std::uint32_t index);
    QPointF nodePlace(const FlowGraph::Node& node) const;
    void fit();

    QGraphicsScene m_scene;
    FlowGraph m_graph;
    std::vector<QGraphicsItem*> m_nodes;
    qreal m_columnWidth = 0;
};

} // namespace heapsight::gui
