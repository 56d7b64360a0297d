// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>
#include <memory>

class QChartView;
class QLabel;
class QPushButton;

namespace heapsight::gui {

class FindingFilter;
class ReportIndex;

// Where the heap allocations are: bar charts of moved-to-heap and escapes-to-heap findings per package
// and per reason word (the first step of the compiler's explanation). Clicking a bar focuses every view
// on that package or reason; "Show all" clears the focus.
class OverviewPanel : public QWidget {
    Q_OBJECT

public:
    OverviewPanel(FindingFilter* filter, QWidget* parent = nullptr);

    void setReport(std::shared_ptr<const ReportIndex> report);
    // (label, count) of each chart's bars, top first: what a test reads.
    QList<QPair<QString, int>> packageBars() const { return m_packages; }
    QList<QPair<QString, int>> reasonBars() const { return m_reasons; }
    // As a click on a bar does.
    void focusPackage(const QString& package);
    void focusReason(const QString& reason);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void updateFocusLabel();
    QChartView* makeChart(const QString& title, const QList<QPair<QString, int>>& bars, bool packages);

    FindingFilter* m_filter;
    std::shared_ptr<const ReportIndex> m_report;
    QList<QPair<QString, int>> m_packages, m_reasons;
    QWidget* m_charts;
    QLabel* m_focus;
    QPushButton* m_clear;
};

} // namespace heapsight::gui
