// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// "Open in editor": $VISUAL, then $EDITOR, then VS Code, each with its own way to name a line.
#include "window/editorlauncher.h"

#include <QTest>

using namespace heapsight::gui;

class TestEditorLauncher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void command_data();
    void command();
};

void TestEditorLauncher::command_data()
{
    QTest::addColumn<QStringList>("environment"); // NAME=value
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("inTerminal");
    const QString file = QStringLiteral("/m/a b.go");
    QTest::newRow("nothing set: VS Code")
        << QStringList() << QStringLiteral("code")
        << QStringList { QStringLiteral("-g"), file + QStringLiteral(":12:9") } << false;
    QTest::newRow("VISUAL before EDITOR")
        << QStringList { QStringLiteral("VISUAL=kate"), QStringLiteral("EDITOR=vim") } << QStringLiteral("kate")
        << QStringList { QStringLiteral("--line"), QStringLiteral("12"), QStringLiteral("--column"),
               QStringLiteral("9"), file }
        << false;
    QTest::newRow("EDITOR with arguments")
        << QStringList { QStringLiteral("EDITOR=/usr/bin/code --wait") } << QStringLiteral("/usr/bin/code")
        << QStringList { QStringLiteral("--wait"), QStringLiteral("-g"), file + QStringLiteral(":12:9") } << false;
    QTest::newRow("sublime") << QStringList { QStringLiteral("VISUAL=subl") } << QStringLiteral("subl")
                             << QStringList { file + QStringLiteral(":12:9") } << false;
    QTest::newRow("gvim") << QStringList { QStringLiteral("VISUAL=gvim") } << QStringLiteral("gvim")
                          << QStringList { QStringLiteral("+12"), file } << false;
    QTest::newRow("vim in a terminal") << QStringList { QStringLiteral("EDITOR=vim") }
                                       << QStringLiteral("x-terminal-emulator")
                                       << QStringList { QStringLiteral("-e"), QStringLiteral("vim"),
                                              QStringLiteral("+12"), file }
                                       << true;
    QTest::newRow("nano in $TERMINAL") << QStringList { QStringLiteral("EDITOR=nano"),
        QStringLiteral("TERMINAL=konsole") }
                                       << QStringLiteral("konsole")
                                       << QStringList { QStringLiteral("-e"), QStringLiteral("nano"),
                                              QStringLiteral("+12,9"), file }
                                       << true;
    QTest::newRow("emacs -nw") << QStringList { QStringLiteral("EDITOR=emacs -nw") }
                               << QStringLiteral("x-terminal-emulator")
                               << QStringList { QStringLiteral("-e"), QStringLiteral("emacs"), QStringLiteral("-nw"),
                                      QStringLiteral("+12:9"), file }
                               << true;
    QTest::newRow("graphical emacs") << QStringList { QStringLiteral("VISUAL=emacs") } << QStringLiteral("emacs")
                                     << QStringList { QStringLiteral("+12:9"), file } << false;
    QTest::newRow("unknown editor: the file") << QStringList { QStringLiteral("VISUAL=my-editor") }
                                              << QStringLiteral("my-editor") << QStringList { file } << false;
    QTest::newRow("blank VISUAL falls back to EDITOR")
        << QStringList { QStringLiteral("VISUAL= "), QStringLiteral("EDITOR=codium") } << QStringLiteral("codium")
        << QStringList { QStringLiteral("-g"), file + QStringLiteral(":12:9") } << false;
}

void TestEditorLauncher::command()
{
    QFETCH(QStringList, environment);
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(bool, inTerminal);
    QProcessEnvironment env;
    for (const QString& entry : std::as_const(environment))
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    const EditorCommand cmd = EditorLauncher::command(QStringLiteral("/m/a b.go"), 12, 9, env);
    QCOMPARE(cmd.program, program);
    QCOMPARE(cmd.arguments, arguments);
    QCOMPARE(cmd.inTerminal, inTerminal);
}

QTEST_MAIN(TestEditorLauncher)
#include "tst_editorlauncher.moc"
