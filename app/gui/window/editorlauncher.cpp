// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/editorlauncher.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

namespace heapsight::gui {

namespace {

bool oneOf(const QString& name, std::initializer_list<const char*> names)
{
    for (const char* n : names) {
        if (name == QLatin1String(n))
            return true;
    }
    return false;
}

// The arguments that open `file` at line:column for an editor known by its executable's name.
QStringList positionArguments(const QString& editor, const QString& file, int line, int column)
{
    const QString l = QString::number(line);
    const QString c = QString::number(column);
    const QString colon = file + QLatin1Char(':') + l + QLatin1Char(':') + c;
    if (oneOf(editor, { "code", "code-insiders", "codium", "vscodium", "cursor" }))
        return { QStringLiteral("-g"), colon };
    if (oneOf(editor, { "subl", "sublime_text", "zed", "hx", "helix" }))
        return { colon };
    if (oneOf(editor, { "kate", "kwrite" }))
        return { QStringLiteral("--line"), l, QStringLiteral("--column"), c, file };
    if (oneOf(editor, { "idea", "idea.sh", "goland", "goland.sh" }))
        return { QStringLiteral("--line"), l, QStringLiteral("--column"), c, file };
    if (oneOf(editor, { "nano" }))
        return { QLatin1Char('+') + l + QLatin1Char(',') + c, file };
    if (oneOf(editor, { "emacs", "emacsclient", "micro", "kak" }))
        return { QLatin1Char('+') + l + QLatin1Char(':') + c, file };
    if (oneOf(editor, { "vi", "vim", "nvim", "gvim", "gedit", "gnome-text-editor", "mousepad", "ne", "joe", "mg" }))
        return { QLatin1Char('+') + l, file };
    return { file };
}

bool isTerminalEditor(const QString& editor, const QStringList& arguments)
{
    if (editor == QLatin1String("emacs"))
        return arguments.contains(QLatin1String("-nw")) || arguments.contains(QLatin1String("--no-window-system"));
    return oneOf(editor, { "vi", "vim", "nvim", "nano", "micro", "hx", "helix", "kak", "ne", "joe", "mg" });
}

} // namespace

EditorCommand EditorLauncher::command(const QString& file, int line, int column, const QProcessEnvironment& environment)
{
    QString editor = environment.value(QStringLiteral("VISUAL")).trimmed();
    if (editor.isEmpty())
        editor = environment.value(QStringLiteral("EDITOR")).trimmed();
    QStringList words = QProcess::splitCommand(editor);
    if (words.isEmpty())
        words = { QStringLiteral("code") };
    EditorCommand cmd;
    cmd.program = words.takeFirst();
    const QString name = QFileInfo(cmd.program).fileName();
    cmd.arguments = words + positionArguments(name, file, std::max(line, 1), std::max(column, 1));
    if (isTerminalEditor(name, words)) {
        cmd.inTerminal = true;
        QString terminal = environment.value(QStringLiteral("TERMINAL")).trimmed();
        if (terminal.isEmpty())
            terminal = QStringLiteral("x-terminal-emulator"); // Debian's alternative for the default terminal
        cmd.arguments.prepend(cmd.program);
        cmd.arguments.prepend(QStringLiteral("-e"));
        cmd.program = terminal;
    }
    return cmd;
}

bool EditorLauncher::launch(const QString& file, int line, int column, QString* error)
{
    const EditorCommand cmd = command(file, line, column);
    if (QProcess::startDetached(cmd.program, cmd.arguments))
        return true;
    if (error)
        *error = QCoreApplication::translate(
            "EditorLauncher", "Could not start %1. Set $VISUAL or $EDITOR to your editor.")
                     .arg(cmd.program);
    return false;
}

} // namespace heapsight::gui
