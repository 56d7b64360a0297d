// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QtGlobal>
#include <memory>

namespace heapsight::gui {

class AssertionChecks;
class FindingsPanel;
class ModuleSession;
class ModuleTreePanel;
class OverviewPanel;
class ProblemsPanel;
class ReportStatusBar;
class SourcePane;
class WhyPanel;
struct ReportSnapshot;

// Hands each snapshot of the open module's report (ReportState's) to everything that shows it: the tree,
// the findings list and "Why?" take every snapshot whole; the overview, the source, the assertion checks
// and the status bar only need the report, so they follow a new one. The notes beside the source are
// AnnotationRefresh's.
class ReportPanels : public QObject {
    Q_OBJECT

public:
    // Who follows the report; all outlive this (they share its parent, the window).
    struct Parts {
        ModuleSession* session;
        ModuleTreePanel* tree;
        FindingsPanel* findings;
        WhyPanel* why;
        OverviewPanel* overview;
        ProblemsPanel* problems;
        AssertionChecks* assertions;
        SourcePane* source;
        ReportStatusBar* status;
    };

    ReportPanels(const Parts& parts, QObject* parent);

    // Another module is being opened: nothing of the previous one stays shown.
    void clear();
    // `snapshot` is now the open module's; on a new report the shown file is reread, its place kept.
    void show(const std::shared_ptr<const ReportSnapshot>& snapshot);

private:
    Parts m_parts;
    quint64 m_generation = 0; // of the last snapshot shown
};

} // namespace heapsight::gui
