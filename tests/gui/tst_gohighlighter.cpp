// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The built-in Go highlighter, token by token: every row is Go source and the tokens it must produce, as
// "line:start+length token" (0-based start in the line).
#include "source/gohighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace heapsight::gui;

class TestGoHighlighter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void rehighlightsAfterEdit();
    void paletteChangesColours();
};

namespace {

QStringList dumpTokens(const QTextDocument& document, const GoHighlighter& highlighter)
{
    QStringList tokens;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
            QString name = QStringLiteral("?");
            for (int t = 0; t < static_cast<int>(GoHighlighter::Token::COUNT); ++t) {
                const auto token = static_cast<GoHighlighter::Token>(t);
                if (range.format == highlighter.format(token)) {
                    name = GoHighlighter::tokenName(token);
                    break;
                }
            }
            tokens << QStringLiteral("%1:%2+%3 %4")
                          .arg(block.blockNumber() + 1)
                          .arg(range.start)
                          .arg(range.length)
                          .arg(name);
        }
    }
    return tokens;
}

} // namespace

void TestGoHighlighter::tokens_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("function declaration") << QStringLiteral("func main() {\n\treturn\n}")
                                          << QStringList { QStringLiteral("1:0+4 keyword"),
                                                 QStringLiteral("1:5+4 function"), QStringLiteral("2:1+6 keyword") };
    QTest::newRow("method with receiver")
        << QStringLiteral("func (s *stack[T]) push(v T) {}")
        << QStringList { QStringLiteral("1:0+4 keyword"), QStringLiteral("1:19+4 function") };
    QTest::newRow("generic function") << QStringLiteral("func ptr[T any](v T) *T {")
                                      << QStringList { QStringLiteral("1:0+4 keyword"),
                                             QStringLiteral("1:5+3 function"), QStringLiteral("1:11+3 type") };
    QTest::newRow("indented func literal has no name")
        << QStringLiteral("\tf := func(a int) int { return a }")
        << QStringList { QStringLiteral("1:6+4 keyword"), QStringLiteral("1:13+3 type"), QStringLiteral("1:18+3 type"),
               QStringLiteral("1:24+6 keyword") };
    QTest::newRow("types and builtins") << QStringLiteral("var x int = len(s) + cap(nil)")
                                        << QStringList { QStringLiteral("1:0+3 keyword"), QStringLiteral("1:6+3 type"),
                                               QStringLiteral("1:12+3 builtin"), QStringLiteral("1:21+3 builtin"),
                                               QStringLiteral("1:25+3 builtin") };
    QTest::newRow("string with escapes and slashes")
        << QStringLiteral("s := \"a // b \\\" c\" + t") << QStringList { QStringLiteral("1:5+13 string") };
    QTest::newRow("unterminated string") << QStringLiteral("s := \"abc")
                                         << QStringList { QStringLiteral("1:5+4 string") };
    QTest::newRow("runes") << QStringLiteral("r := '\\'' + 'x'")
                           << QStringList { QStringLiteral("1:5+4 rune"), QStringLiteral("1:12+3 rune") };
    QTest::newRow("numbers") << QStringLiteral("a := 0x1F + 1_000 + 3.14e-2 + 0b101 + 0o17 + 1i + .5 + 0x1p-2")
                             << QStringList { QStringLiteral("1:5+4 number"), QStringLiteral("1:12+5 number"),
                                    QStringLiteral("1:20+7 number"), QStringLiteral("1:30+5 number"),
                                    QStringLiteral("1:38+4 number"), QStringLiteral("1:45+2 number"),
                                    QStringLiteral("1:50+2 number"), QStringLiteral("1:55+6 number") };
    QTest::newRow("line comment") << QStringLiteral("x := 1 // go \"quoted\"")
                                  << QStringList { QStringLiteral("1:5+1 number"), QStringLiteral("1:7+14 comment") };
    QTest::newRow("multi-line block comment")
        << QStringLiteral("/* start `\nmiddle \"\nend */ func f()")
        << QStringList { QStringLiteral("1:0+10 comment"), QStringLiteral("2:0+8 comment"),
               QStringLiteral("3:0+6 comment"), QStringLiteral("3:7+4 keyword") };
    QTest::newRow("multi-line raw string")
        << QStringLiteral("x := `line1\nline2 // not a comment\nend` + y // comment")
        << QStringList { QStringLiteral("1:5+6 string"), QStringLiteral("2:0+22 string"),
               QStringLiteral("3:0+4 string"), QStringLiteral("3:9+10 comment") };
    QTest::newRow("keywords") << QStringLiteral("for i := range ch { go f(); defer g(); select {} }")
                              << QStringList { QStringLiteral("1:0+3 keyword"), QStringLiteral("1:9+5 keyword"),
                                     QStringLiteral("1:20+2 keyword"), QStringLiteral("1:28+5 keyword"),
                                     QStringLiteral("1:39+6 keyword") };
}

void TestGoHighlighter::tokens()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    QTextDocument document;
    document.documentLayout(); // as in a view: without a layout the document reports no changes
    GoHighlighter highlighter;
    highlighter.attachTo(&document);
    // Attaching schedules a full rehighlight for the event loop and ignores edits until it ran, as in the app.
    QCoreApplication::processEvents();
    document.setPlainText(source);
    QCOMPARE(dumpTokens(document, highlighter), expected);
}

// A raw string opened by an edit re-colours the following lines (block state propagates).
void TestGoHighlighter::rehighlightsAfterEdit()
{
    QTextDocument document;
    document.documentLayout(); // as in a view: without a layout the document reports no changes
    GoHighlighter highlighter;
    highlighter.attachTo(&document);
    QCoreApplication::processEvents();
    document.setPlainText(QStringLiteral("x := 1\ny := 2"));
    QCOMPARE(dumpTokens(document, highlighter),
        (QStringList { QStringLiteral("1:5+1 number"), QStringLiteral("2:5+1 number") }));
    QTextCursor cursor(document.firstBlock());
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.insertText(QStringLiteral(" + `"));
    QCOMPARE(dumpTokens(document, highlighter),
        (QStringList {
            QStringLiteral("1:5+1 number"), QStringLiteral("1:9+1 string"), QStringLiteral("2:0+6 string") }));
}

void TestGoHighlighter::paletteChangesColours()
{
    GoHighlighter highlighter;
    QPalette light;
    light.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    light.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));

    highlighter.applyPalette(light);
    const QColor onLight = highlighter.format(GoHighlighter::Token::String).foreground().color();
    highlighter.applyPalette(dark);
    const QColor onDark = highlighter.format(GoHighlighter::Token::String).foreground().color();
    QVERIFY(onLight != onDark);
    // Each keeps its distance to its background.
    QVERIFY(qAbs(onLight.lightnessF() - 1.0) > 0.4);
    QVERIFY(qAbs(onDark.lightnessF() - QColor(0x1e, 0x1e, 0x1e).lightnessF()) > 0.4);
}

QTEST_MAIN(TestGoHighlighter)
#include "tst_gohighlighter.moc"
