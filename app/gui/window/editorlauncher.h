// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace heapsight::gui {

struct EditorCommand {
    QString program;
    QStringList arguments;
    bool inTerminal = false; // a terminal editor, wrapped in $TERMINAL / x-terminal-emulator
};

// Opens a file at a line in the user's editor: $VISUAL, else $EDITOR, else Visual Studio Code
// (`code -g file:line:column`). Known editors get their "go to line" arguments; terminal editors run in a
// terminal window.
class EditorLauncher {
public:
    static EditorCommand command(const QString& file, int line, int column,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    // Starts the editor detached; on failure says why in `error`.
    static bool launch(const QString& file, int line, int column, QString* error);
};

} // namespace heapsight::gui
