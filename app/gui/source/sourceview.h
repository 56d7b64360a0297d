// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "source/annotationpalette.h"
#include "source/assertionmark.h"
#include "source/lineannotations.h"

#include <QPlainTextEdit>
#include <memory>
#include <utility>
#include <vector>

namespace heapsight::gui {

class SourceGutter;
class SourceHighlighter;

// A read-only Go source view in the Qt Code Editor pattern: a gutter beside the text (line numbers and one
// marker per finding group), whole-line tints and subject underlines as extra selections, the lead
// finding painted as a note after each line's end, and the full messages as a tool tip.
class SourceView : public QPlainTextEdit {
    Q_OBJECT

public:
    struct VisibleLine {
        int line = 0; // 1-based
        QRectF rect; // viewport coordinates
        bool current = false;
    };

    explicit SourceView(QWidget* parent = nullptr);
    ~SourceView() override;

    // Replaces the text; annotations are cleared.
    void setSource(const QString& text);
    void setAnnotations(LineAnnotations annotations);
    const LineAnnotations& annotations() const { return m_annotations; }
    // The assertion directives of the file, sorted by line (see AssertionChecks); marked in the gutter.
    void setAssertionMarks(std::vector<AssertionMark> marks);
    const AssertionMark* assertionMark(int line) const;
    const AnnotationPalette& annotationPalette() const { return m_palette; }
    QString highlighterName() const;

    // 1-based; a column is a byte column as the compiler prints it (0: none).
    void goToLine(int line, int column = 0);
    int currentLine() const { return textCursor().blockNumber() + 1; }
    int lineCount() const { return blockCount(); }
    std::vector<VisibleLine> visibleLines() const;
    // The line at a viewport y coordinate; 0 when there is none.
    int lineAt(int y) const;
    // Where a line is in viewport coordinates; empty when it is not visible.
    QRect lineRect(int line) const;
    // Where a line's note is painted in viewport coordinates; empty when it has none or is not visible.
    QRect noteRect(int line) const;
    SourceGutter* gutter() const { return m_gutter; }

Q_SIGNALS:
    void lineSelected(int line);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void onUpdateRequest(const QRect& rect, int dy);
    void onCursorPositionChanged();
    void updateGutterGeometry();
    void updateExtraSelections();
    // The lines that get extra selections: the visible ones and a page either side (see updateExtraSelections).
    std::pair<int, int> selectionWindow() const;
    void onScrolled();
    void applyPalette();
    void applyFont();
    QFont noteFont() const;
    int charColumn(const QTextBlock& block, int byteColumn) const;

    SourceGutter* m_gutter = nullptr;
    std::unique_ptr<SourceHighlighter> m_highlighter;
    LineAnnotations m_annotations;
    std::vector<AssertionMark> m_assertionMarks;
    AnnotationPalette m_palette;
    int m_lastLine = 0;
    std::pair<int, int> m_selectionWindow { 0, 0 };
    bool m_replacingText = false;
};

} // namespace heapsight::gui
