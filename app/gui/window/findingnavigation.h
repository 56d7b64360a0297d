// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <cstdint>

namespace heapsight::gui {

class FindingsPanel;
class ModuleSession;
class SourcePane;

// Keeps the findings list and the source on the same finding: a finding activated in the list (or
// stepped to with F8 / Shift+F8) is asked to be shown in the source, and a line selected in the source
// is followed in the list.
class FindingNavigation : public QObject {
    Q_OBJECT

public:
    FindingNavigation(ModuleSession* session, FindingsPanel* findings, SourcePane* source, QObject* parent);

    // Asks for the finding's position to be shown (openRequested), or says why it cannot be.
    void activate(std::uint32_t finding);
    // Moves the list's current row by `delta` findings and shows that one.
    void step(int delta);
    // The source's selected line: the list's current row moves to its first finding, unless it is on
    // this line already (F8 walks several per line).
    void followLine(int line);

Q_SIGNALS:
    // Show `path` (absolute) at this line and column (1-based).
    void openRequested(const QString& path, int line, int column);
    // Something to tell the user on the status bar for `timeoutMs`.
    void statusMessage(const QString& message, int timeoutMs);

private:
    ModuleSession* m_session;
    FindingsPanel* m_findings;
    SourcePane* m_source;
};

} // namespace heapsight::gui
