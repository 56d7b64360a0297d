// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

class QDockWidget;

namespace heapsight::gui {

class AssertionChecks;
class ComparePanel;
class FindingFilter;
class ModuleSession;
class ModuleTreePanel;
class ReportState;
class SourcePane;

// Builds what the source view shows beside each line of the open file, and what the module tree marks:
// the current snapshot's findings through the filter with its allocations and the assertion marks, or,
// while the compare view is up with a result, what changed between its two reports.
class AnnotationRefresh : public QObject {
    Q_OBJECT

public:
    // Where the notes come from and go to; all outlive this (they share its parent, the window).
    struct Parts {
        ModuleSession* session;
        FindingFilter* filter;
        SourcePane* source;
        ModuleTreePanel* tree;
        ComparePanel* compare;
        QDockWidget* compareDock;
        AssertionChecks* assertions;
        ReportState* state;
    };

    AnnotationRefresh(const Parts& parts, QObject* parent);

    // The compare view is up with a result: the source shows changes instead of findings.
    bool isComparing() const;
    // Rebuilds the notes of the open file (and the tree's comparison) from the current state.
    void refresh();

private:
    Parts m_parts;
};

} // namespace heapsight::gui
