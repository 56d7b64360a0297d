// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/gohighlighter.h"

#include "source/annotationpalette.h"

#include <QGuiApplication>
#include <QSet>

namespace heapsight::gui {

namespace {

const QSet<QString>& keywords()
{
    static const QSet<QString> set {
        QStringLiteral("break"),
        QStringLiteral("case"),
        QStringLiteral("chan"),
        QStringLiteral("const"),
        QStringLiteral("continue"),
        QStringLiteral("default"),
        QStringLiteral("defer"),
        QStringLiteral("else"),
        QStringLiteral("fallthrough"),
        QStringLiteral("for"),
        QStringLiteral("func"),
        QStringLiteral("go"),
        QStringLiteral("goto"),
        QStringLiteral("if"),
        QStringLiteral("import"),
        QStringLiteral("interface"),
        QStringLiteral("map"),
        QStringLiteral("package"),
        QStringLiteral("range"),
        QStringLiteral("return"),
        QStringLiteral("select"),
        QStringLiteral("struct"),
        QStringLiteral("switch"),
        QStringLiteral("type"),
        QStringLiteral("var"),
    };
    return set;
}

const QSet<QString>& types()
{
    static const QSet<QString> set {
        QStringLiteral("any"),
        QStringLiteral("bool"),
        QStringLiteral("byte"),
        QStringLiteral("comparable"),
        QStringLiteral("complex64"),
        QStringLiteral("complex128"),
        QStringLiteral("error"),
        QStringLiteral("float32"),
        QStringLiteral("float64"),
        QStringLiteral("int"),
        QStringLiteral("int8"),
        QStringLiteral("int16"),
        QStringLiteral("int32"),
        QStringLiteral("int64"),
        QStringLiteral("rune"),
        QStringLiteral("string"),
        QStringLiteral("uint"),
        QStringLiteral("uint8"),
        QStringLiteral("uint16"),
        QStringLiteral("uint32"),
        QStringLiteral("uint64"),
        QStringLiteral("uintptr"),
    };
    return set;
}

const QSet<QString>& builtins()
{
    static const QSet<QString> set {
        QStringLiteral("true"),
        QStringLiteral("false"),
        QStringLiteral("iota"),
        QStringLiteral("nil"),
        QStringLiteral("append"),
        QStringLiteral("cap"),
        QStringLiteral("clear"),
        QStringLiteral("close"),
        QStringLiteral("complex"),
        QStringLiteral("copy"),
        QStringLiteral("delete"),
        QStringLiteral("imag"),
        QStringLiteral("len"),
        QStringLiteral("make"),
        QStringLiteral("max"),
        QStringLiteral("min"),
        QStringLiteral("new"),
        QStringLiteral("panic"),
        QStringLiteral("print"),
        QStringLiteral("println"),
        QStringLiteral("real"),
        QStringLiteral("recover"),
    };
    return set;
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}
bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

GoHighlighter::GoHighlighter(QObject* parent)
    : QSyntaxHighlighter(parent)
{
    const QPalette palette = QGuiApplication::palette();
    applyPalette(palette);
}

void GoHighlighter::attachTo(QTextDocument* document)
{
    setDocument(document);
}

QString GoHighlighter::engineName() const
{
    return QStringLiteral("built-in Go highlighter");
}

QString GoHighlighter::tokenName(Token token)
{
    switch (token) {
    case Token::Keyword:
        return QStringLiteral("keyword");
    case Token::Type:
        return QStringLiteral("type");
    case Token::Builtin:
        return QStringLiteral("builtin");
    case Token::Function:
        return QStringLiteral("function");
    case Token::String:
        return QStringLiteral("string");
    case Token::Rune:
        return QStringLiteral("rune");
    case Token::Number:
        return QStringLiteral("number");
    case Token::Comment:
        return QStringLiteral("comment");
    case Token::COUNT:
        break;
    }
    return {};
}

void GoHighlighter::applyPalette(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5;
    // Accents at a lightness that keeps contrast with the base colour; the hues are the familiar ones.
    const auto accent = [&](int hue, int saturation) { return QColor::fromHsl(hue, saturation, dark ? 170 : 95); };
    const auto set = [this](Token t, const QColor& color, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(color);
        if (bold)
            f.setFontWeight(QFont::DemiBold);
        f.setFontItalic(italic);
        m_formats[static_cast<std::size_t>(t)] = f;
    };
    set(Token::Keyword, AnnotationPalette::mix(accent(225, 150), text, 0.15), true);
    set(Token::Type, accent(185, 140));
    set(Token::Builtin, accent(265, 110));
    set(Token::Function, text, true);
    set(Token::String, accent(105, 130));
    set(Token::Rune, accent(160, 120));
    set(Token::Number, accent(30, 170));
    set(Token::Comment, AnnotationPalette::mix(text, base, 0.45), false, true);
    if (document())
        rehighlight();
}

void GoHighlighter::apply(int start, int length, Token token)
{
    if (length > 0)
        setFormat(start, length, m_formats[static_cast<std::size_t>(token)]);
}

// Index just past the closing quote (or the end of the line for an unterminated literal).
int GoHighlighter::skipQuoted(const QString& text, int from, QChar quote)
{
    int i = from + 1;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        ++i;
        if (c == quote)
            break;
    }
    return std::min<int>(i, static_cast<int>(text.size()));
}

// Decimal, hex (0x, with p exponents), octal (0o, 0), binary (0b), floats, digit separators, imaginary i.
int GoHighlighter::skipNumber(const QString& text, int from)
{
    const bool hex = from + 1 < text.size() && text.at(from) == QLatin1Char('0')
        && (text.at(from + 1) == QLatin1Char('x') || text.at(from + 1) == QLatin1Char('X'));
    int i = from;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.')) {
            ++i;
            continue;
        }
        const QChar previous = text.at(i - 1).toLower();
        if ((c == QLatin1Char('+') || c == QLatin1Char('-'))
            && (hex ? previous == QLatin1Char('p') : previous == QLatin1Char('e'))) {
            ++i;
            continue;
        }
        break;
    }
    return i;
}

void GoHighlighter::highlightBlock(const QString& text)
{
    const int length = static_cast<int>(text.size());
    int i = 0;
    int state = std::max(previousBlockState(), 0);

    if (state == BlockComment || state == RawString) {
        const QString close = state == BlockComment ? QStringLiteral("*/") : QStringLiteral("`");
        const int end = static_cast<int>(text.indexOf(close));
        const Token token = state == BlockComment ? Token::Comment : Token::String;
        if (end < 0) {
            apply(0, length, token);
            setCurrentBlockState(state);
            return;
        }
        i = end + static_cast<int>(close.size());
        apply(0, i, token);
        state = Code;
    }

    // After a declaration's `func`: 1 = a name or a receiver follows, 2 = inside the receiver, 3 = the
    // name follows the receiver.
    int funcState = 0;
    int parenDepth = 0;
    while (i < length) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < length && text.at(i + 1) == QLatin1Char('/')) {
            apply(i, length - i, Token::Comment);
            break;
        }
        if (c == QLatin1Char('/') && i + 1 < length && text.at(i + 1) == QLatin1Char('*')) {
            const int end = static_cast<int>(text.indexOf(QStringLiteral("*/"), i + 2));
            if (end < 0) {
                apply(i, length - i, Token::Comment);
                state = BlockComment;
                break;
            }
            apply(i, end + 2 - i, Token::Comment);
            i = end + 2;
            continue;
        }
        if (c == QLatin1Char('`')) {
            const int end = static_cast<int>(text.indexOf(QLatin1Char('`'), i + 1));
            if (end < 0) {
                apply(i, length - i, Token::String);
                state = RawString;
                break;
            }
            apply(i, end + 1 - i, Token::String);
            i = end + 1;
            funcState = 0;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const int end = skipQuoted(text, i, c);
            apply(i, end - i, c == QLatin1Char('"') ? Token::String : Token::Rune);
            i = end;
            funcState = 0;
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < length && text.at(i + 1).isDigit())) {
            const int end = skipNumber(text, i);
            apply(i, end - i, Token::Number);
            i = end;
            continue;
        }
        if (isIdentifierStart(c)) {
            int end = i + 1;
            while (end < length && isIdentifierPart(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i);
            if (funcState == 1 || funcState == 3) {
                apply(i, end - i, Token::Function);
                funcState = 0;
            } else if (keywords().contains(word)) {
                apply(i, end - i, Token::Keyword);
                // Declarations start in column 0 (gofmt); an indented `func` is a literal with no name.
                if (word == QLatin1String("func") && i == 0)
                    funcState = 1;
            } else if (types().contains(word)) {
                apply(i, end - i, Token::Type);
            } else if (builtins().contains(word)) {
                // A builtin's name may be shadowed (`len := 3`); a call or a constant position is the usual case.
                apply(i, end - i, Token::Builtin);
            }
            i = end;
            continue;
        }
        if (c == QLatin1Char('(')) {
            if (funcState == 1)
                funcState = 2;
            if (funcState == 2)
                ++parenDepth;
        } else if (c == QLatin1Char(')')) {
            if (funcState == 2 && --parenDepth == 0)
                funcState = 3;
        } else if (funcState != 2) {
            funcState = 0;
        }
        ++i;
    }
    setCurrentBlockState(state);
}

} // namespace heapsight::gui
