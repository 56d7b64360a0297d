// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/explain/heapcause.h"

#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

class QChartView;
class QLabel;
class QPushButton;

namespace heapsight::gui {

class FindingFilter;
class ReportIndex;

// Where the heap allocations are: bar charts of moved-to-heap and escapes-to-heap findings per package
// and per cause (core/explain/heapcause.h: the why panel's "Cause", the command line's "by cause" and
// SARIF's rule ids count the same). Clicking a bar focuses every view on that package or cause; "Show all"
// clears the focus.
class OverviewPanel : public QWidget {
    Q_OBJECT

public:
    OverviewPanel(FindingFilter* filter, QWidget* parent = nullptr);

    void setReport(std::shared_ptr<const ReportIndex> report);
    // (label, count) of each chart's bars, top first: what a test reads.
    QList<QPair<QString, int>> packageBars() const { return m_packages; }
    QList<QPair<QString, int>> causeBars() const { return m_causes; }
    // As a click on a bar does.
    void focusPackage(const QString& package);
    void focusCause(HeapCause cause);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void updateFocusLabel();
    // `onClick` gets the index of the bar clicked in `bars`.
    QChartView* makeChart(
        const QString& title, const QList<QPair<QString, int>>& bars, std::function<void(int)> onClick);

    FindingFilter* m_filter;
    std::shared_ptr<const ReportIndex> m_report;
    QList<QPair<QString, int>> m_packages, m_causes;
    std::vector<HeapCause> m_causeOfBar; // parallel to m_causes
    QWidget* m_charts;
    QLabel* m_focus;
    QPushButton* m_clear;
};

} // namespace heapsight::gui
