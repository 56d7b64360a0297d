// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <memory>

namespace heapsight::gui {

class AssertionChecks;
class BaselineActions;
class FindingsPanel;
class ModuleSession;
class ModuleTreePanel;
class OverviewPanel;
class ProblemsPanel;
class ProfileActions;
class ReportIndex;
class ReportStatusBar;
class SourcePane;
class WhyPanel;

// Hands the open module's report to everything that shows it or works on it: the tree, the findings
// list, "Why?", the overview, the profile and baseline, the assertion checks and the status bar. The
// window calls it in order; the notes beside the source are AnnotationRefresh's.
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
        ProfileActions* profiles;
        BaselineActions* baselines;
        AssertionChecks* assertions;
        SourcePane* source;
        ReportStatusBar* status;
    };

    ReportPanels(const Parts& parts, QObject* parent);

    // Another module is being opened: nothing of the previous one stays shown.
    void clear();
    // `report` (null: none) is now the open module's; the shown file is reread, its place kept.
    void show(const std::shared_ptr<const ReportIndex>& report);

private:
    Parts m_parts;
};

} // namespace heapsight::gui
