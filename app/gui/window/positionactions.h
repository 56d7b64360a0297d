// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

namespace heapsight::gui {

class ModuleSession;
class SourcePane;

// What the Edit menu does with the cursor's place in the source: copy it as file:line:column, or open
// the file there in the user's editor.
class PositionActions : public QObject {
    Q_OBJECT

public:
    PositionActions(ModuleSession* session, SourcePane* source, QObject* parent);

    // Copies "relative/path.go:line:column" (column in bytes, as the compiler counts) to the clipboard.
    void copyPosition();
    // Opens the shown file at the cursor in the configured editor (EditorLauncher).
    void openInEditor();

Q_SIGNALS:
    // Something to tell the user on the status bar for `timeoutMs`.
    void statusMessage(const QString& message, int timeoutMs);

private:
    ModuleSession* m_session;
    SourcePane* m_source;
};

} // namespace heapsight::gui
