// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/finding.h"
#include "source/annotationpalette.h"

#include <QPointer>
#include <QWidget>
#include <memory>
#include <vector>

class QCheckBox;
class QLabel;
class QTabWidget;
class QTextBrowser;

namespace heapsight {
class WhyPathBuilder;
struct WhyInput;
} // namespace heapsight

namespace heapsight::gui {

class FindingFilter;
class FlowGraphView;
class ReportIndex;
struct ReportSnapshot;

// "Why?": for the selected line, every finding the filter shows with its flow path, each step a link to
// where it happens, the meaning of each reason word and what usually avoids the escape; and the same
// flow drawn as a graph, for the line or for its whole function.
class WhyPanel : public QWidget {
    Q_OBJECT

public:
    explicit WhyPanel(QWidget* parent = nullptr);
    ~WhyPanel() override;

    // The report to explain (null or no index: none); another snapshot of the same report (a baseline's
    // flags) only redraws the line in place, keeping the paths read so far.
    void setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot);
    // Reports of dependency packages the paths read after the report's own (DependencyAnalysis); the
    // shown line's paths are built again with them, keeping the reader's place.
    void setDependencyInputs(std::vector<heapsight::WhyInput> inputs);
    void setFilter(const FindingFilter* filter);
    void showLine(const QString& diskPath, const QString& displayName, int line);
    void clear();

    QString plainText() const;
    QTextBrowser* browser() const { return m_browser; }
    FlowGraphView* graphView() const { return m_graph; }
    QCheckBox* wholeFunction() const { return m_wholeFunction; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    void positionActivated(const QString& diskPath, int line, int column);
    // "Analyze dependency" was clicked under a path that calls into these packages (import paths).
    void dependencyAnalysisRequested(const QStringList& packages);

protected:
    void changeEvent(QEvent* event) override;

private:
    // keepScroll: the same line is shown again (filter or palette change), so the reader keeps the place.
    void refresh(bool keepScroll = false);
    void onAnchorClicked(const QUrl& url);
    void refreshGraph();
    void showPosition(const Position& at);
    void showLocation(const QString& file, const QString& diskPath, int line, int column);
    WhyPathBuilder& pathBuilder();

    QLabel* m_title;
    QTextBrowser* m_browser;
    QTabWidget* m_tabs;
    FlowGraphView* m_graph;
    QCheckBox* m_wholeFunction;
    std::shared_ptr<const ReportSnapshot> m_snapshot; // never null
    const ReportIndex* m_report = nullptr; // m_snapshot's index
    // The report's interprocedural paths; made on first use (it reads the module's sources), kept while
    // the report is, since it remembers what it read.
    std::unique_ptr<WhyPathBuilder> m_paths;
    std::vector<heapsight::WhyInput> m_dependencies;
    QPointer<const FindingFilter> m_filter;
    QString m_path;
    QString m_displayName;
    int m_line = 0;
};

} // namespace heapsight::gui
