// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "source/sourcehighlighter.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <array>

namespace heapsight::gui {

// The built-in Go highlighter: keywords, predeclared types, built-in functions and constants, function
// names in declarations, interpreted and raw strings (raw strings and block comments may span lines),
// runes, numbers (all Go literal forms) and comments. A small hand-written lexer rather than regular
// expressions, so that "//" inside a string or "`" inside a comment is never mistaken.
class GoHighlighter : public QSyntaxHighlighter, public SourceHighlighter {
    Q_OBJECT

public:
    enum class Token { Keyword, Type, Builtin, Function, String, Rune, Number, Comment, COUNT };

    explicit GoHighlighter(QObject* parent = nullptr);

    void attachTo(QTextDocument* document) override;
    void applyPalette(const QPalette& palette) override;
    QString engineName() const override;

    const QTextCharFormat& format(Token token) const { return m_formats[static_cast<std::size_t>(token)]; }
    static QString tokenName(Token token);

protected:
    void highlightBlock(const QString& text) override;

private:
    enum State { Code = 0, BlockComment = 1, RawString = 2 };

    void apply(int start, int length, Token token);
    static int skipQuoted(const QString& text, int from, QChar quote);
    static int skipNumber(const QString& text, int from);

    std::array<QTextCharFormat, static_cast<std::size_t>(Token::COUNT)> m_formats;
};

} // namespace heapsight::gui
