// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/sourceview.h"

#include "source/markerpainter.h"
#include "source/sourcegutter.h"
#include "source/sourcehighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <algorithm>
#include <span>

namespace heapsight::gui {

namespace {

constexpr int kNoteGap = 24; // between the end of the code and the note
constexpr int kNotePadding = 6;

} // namespace

SourceView::SourceView(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_gutter(new SourceGutter(this))
    , m_highlighter(SourceHighlighter::createForGo())
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setCenterOnScroll(false);
    setFrameShape(QFrame::NoFrame);
    m_highlighter->attachTo(document());
    applyFont();
    applyPalette();

    connect(this, &QPlainTextEdit::blockCountChanged, this, &SourceView::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceView::onUpdateRequest);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &SourceView::onCursorPositionChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &SourceView::onScrolled);
    connect(m_gutter, &SourceGutter::lineClicked, this, [this](int line) { goToLine(line); });
    updateGutterGeometry();
}

// The highlighter must go before the document it is attached to.
SourceView::~SourceView()
{
    m_highlighter.reset();
}

QString SourceView::highlighterName() const
{
    return m_highlighter->engineName();
}

void SourceView::setSource(const QString& text)
{
    m_annotations = LineAnnotations();
    m_lastLine = 0;
    // setPlainText scrolls to the top while the document is half replaced: no selections then.
    m_replacingText = true;
    setPlainText(text);
    m_replacingText = false;
    updateExtraSelections();
    m_gutter->update();
}

void SourceView::setAnnotations(LineAnnotations annotations)
{
    m_annotations = std::move(annotations);
    updateExtraSelections();
    viewport()->update();
    m_gutter->update();
}

void SourceView::setAssertionMarks(std::vector<AssertionMark> marks)
{
    m_assertionMarks = std::move(marks);
    m_gutter->update();
}

const AssertionMark* SourceView::assertionMark(int line) const
{
    const auto it = std::ranges::lower_bound(m_assertionMarks, line, {}, &AssertionMark::line);
    return it != m_assertionMarks.end() && it->line == line ? &*it : nullptr;
}

void SourceView::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::clamp(line, 1, blockCount()) - 1);
    QTextCursor cursor(block);
    if (column > 0)
        cursor.setPosition(block.position() + charColumn(block, column));
    m_lastLine = 0; // the caller wants the line shown, also when the cursor is already on it
    setTextCursor(cursor);
    centerCursor();
    if (m_lastLine == 0)
        onCursorPositionChanged();
}

std::vector<SourceView::VisibleLine> SourceView::visibleLines() const
{
    std::vector<VisibleLine> lines;
    const int current = textCursor().blockNumber();
    const int bottom = viewport()->height();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF rect = blockBoundingGeometry(block).translated(contentOffset());
        if (rect.top() > bottom)
            break;
        if (block.isVisible())
            lines.push_back({ block.blockNumber() + 1, rect, block.blockNumber() == current });
    }
    return lines;
}

int SourceView::lineAt(int y) const
{
    for (const VisibleLine& l : visibleLines()) {
        if (y >= l.rect.top() && y < l.rect.bottom())
            return l.line;
    }
    return 0;
}

QRect SourceView::lineRect(int line) const
{
    for (const VisibleLine& l : visibleLines()) {
        if (l.line == line)
            return l.rect.toAlignedRect();
    }
    return {};
}

QFont SourceView::noteFont() const
{
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.92);
    return f;
}

QRect SourceView::noteRect(int line) const
{
    const LineAnnotation* a = m_annotations.at(line);
    const QRect rect = lineRect(line);
    if (!a || a->note.isEmpty() || rect.isEmpty())
        return {};
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    const QTextLayout* layout = block.layout();
    qreal end = 0;
    if (layout && layout->lineCount() > 0) {
        const QTextLine last = layout->lineAt(layout->lineCount() - 1);
        end = last.x() + last.naturalTextWidth();
    }
    const QFontMetrics metrics(noteFont());
    const int markerWidth = metrics.height();
    const int width = markerWidth + metrics.horizontalAdvance(a->note) + 2 * kNotePadding;
    const int x = static_cast<int>(rect.left() + document()->documentMargin() + end) + kNoteGap;
    return QRect(x, rect.top() + 1, width, rect.height() - 2);
}

void SourceView::paintEvent(QPaintEvent* event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_annotations.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(noteFont());
    const QFontMetrics metrics(painter.font());
    for (const VisibleLine& l : visibleLines()) {
        const LineAnnotation* a = m_annotations.at(l.line);
        if (!a || a->note.isEmpty())
            continue;
        const QRect note = noteRect(l.line);
        if (!note.intersects(event->rect()))
            continue;
        const MarkerGroup group = a->primaryGroup();
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_palette.noteBackground(group));
        painter.drawRoundedRect(note, 4, 4);
        const int marker = metrics.height();
        const QRectF markerRect(
            note.left() + kNotePadding, note.center().y() - marker * 0.3 + 0.5, marker * 0.6, marker * 0.6);
        MarkerPainter::paint(painter, markerRect, group, m_palette.marker(group));
        painter.setPen(m_palette.noteText(group));
        painter.drawText(
            note.adjusted(kNotePadding + marker, 0, -kNotePadding, 0), Qt::AlignLeft | Qt::AlignVCenter, a->note);
    }
}

bool SourceView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = m_annotations.toolTip(lineAt(help->pos().y()));
        if (!tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void SourceView::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
    onScrolled();
}

std::pair<int, int> SourceView::selectionWindow() const
{
    const int first = firstVisibleBlock().blockNumber() + 1;
    const int page = std::max(1, viewport()->height() / std::max(1, fontMetrics().height()));
    return { std::max(1, first - page), first + 2 * page };
}

void SourceView::onScrolled()
{
    if (m_replacingText)
        return;
    // Only when the visible lines leave the window that has selections; small scrolls cost nothing.
    const int first = firstVisibleBlock().blockNumber() + 1;
    const int page = std::max(1, viewport()->height() / std::max(1, fontMetrics().height()));
    if (first < m_selectionWindow.first + page / 2 || first + page > m_selectionWindow.second - page / 2)
        updateExtraSelections();
}

void SourceView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::FontChange)
        updateGutterGeometry();
}

void SourceView::applyFont()
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(fixed);
    // Go is indented with tabs; gofmt's tab width is 8, most Go editors show 4.
    setTabStopDistance(4 * QFontMetricsF(fixed).horizontalAdvance(QLatin1Char(' ')));
}

void SourceView::applyPalette()
{
    m_palette = AnnotationPalette(palette());
    m_highlighter->applyPalette(palette());
    updateExtraSelections();
    m_gutter->update();
    viewport()->update();
}

void SourceView::updateGutterGeometry()
{
    setViewportMargins(m_gutter->requiredWidth(), 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), m_gutter->requiredWidth(), cr.height()));
}

void SourceView::onUpdateRequest(const QRect& rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void SourceView::onCursorPositionChanged()
{
    updateExtraSelections();
    m_gutter->update();
    const int line = currentLine();
    if (line != m_lastLine) {
        m_lastLine = line;
        Q_EMIT lineSelected(line);
    }
}

// Compiler columns count bytes of UTF-8; the document counts UTF-16 code units.
int SourceView::charColumn(const QTextBlock& block, int byteColumn) const
{
    const QString text = block.text();
    int bytes = 0;
    for (int i = 0; i < text.size(); ++i) {
        if (bytes >= byteColumn - 1)
            return i;
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c)) {
            bytes += 4;
            ++i;
        } else {
            bytes += c < 0x80 ? 1 : (c < 0x800 ? 2 : 3);
        }
    }
    return static_cast<int>(text.size());
}

// Every extra selection holds a QTextCursor, and the document adjusts all of its cursors on each change,
// the highlighter's formatting included: with selections for thousands of findings, showing a big file
// was quadratic (seconds for 20,000 lines). So only the lines around the visible ones get selections,
// and scrolling out of that window renews them.
void SourceView::updateExtraSelections()
{
    m_selectionWindow = selectionWindow();
    const auto& all = m_annotations.lines();
    const auto from = std::lower_bound(all.begin(), all.end(), m_selectionWindow.first,
        [](const LineAnnotation& a, int line) { return a.line < line; });
    const auto to = std::lower_bound(
        from, all.end(), m_selectionWindow.second + 1, [](const LineAnnotation& a, int line) { return a.line < line; });
    const std::span<const LineAnnotation> window(from, to);

    QList<QTextEdit::ExtraSelection> selections;
    const int current = currentLine();
    bool currentTinted = false;
    for (const LineAnnotation& a : window) {
        if (a.findings.empty() || a.line > blockCount())
            continue;
        const QTextBlock block = document()->findBlockByNumber(a.line - 1);
        const MarkerGroup group = a.primaryGroup();
        QTextEdit::ExtraSelection tint;
        tint.cursor = QTextCursor(block);
        tint.format.setProperty(QTextFormat::FullWidthSelection, true);
        tint.format.setBackground(a.line == current
                ? AnnotationPalette::mix(m_palette.lineTint(group), m_palette.currentLine(), 0.6)
                : m_palette.lineTint(group));
        selections.append(tint);
        currentTinted = currentTinted || a.line == current;
    }
    if (!currentTinted) {
        QTextEdit::ExtraSelection line;
        line.cursor = textCursor();
        line.cursor.clearSelection();
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.format.setBackground(m_palette.currentLine());
        selections.append(line);
    }
    // Underline what each finding is about: the token at its column.
    for (const LineAnnotation& a : window) {
        if (a.line > blockCount())
            continue;
        const QTextBlock block = document()->findBlockByNumber(a.line - 1);
        const QString text = block.text();
        for (std::size_t k = 0; k < a.findings.size(); ++k) {
            if (a.columns[k] <= 0)
                continue;
            const int start = charColumn(block, a.columns[k]);
            int end = start;
            while (end < text.size() && !text.at(end).isLetterOrNumber() && text.at(end) != QLatin1Char('_')
                && !text.at(end).isSpace())
                ++end; // a leading &, * or quote
            while (end < text.size() && (text.at(end).isLetterOrNumber() || text.at(end) == QLatin1Char('_')))
                ++end;
            if (end == start)
                continue;
            QTextEdit::ExtraSelection underline;
            underline.cursor = QTextCursor(block);
            underline.cursor.setPosition(block.position() + start);
            underline.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
            const MarkerGroup group = a.findingGroups[k];
            underline.format.setUnderlineStyle(
                group <= MarkerGroup::Leaks ? QTextCharFormat::WaveUnderline : QTextCharFormat::DotLine);
            underline.format.setUnderlineColor(m_palette.marker(group));
            selections.append(underline);
        }
    }
    setExtraSelections(selections);
}

} // namespace heapsight::gui
