// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "source/markergroup.h"

#include <QColor>
#include <QPalette>
#include <array>

namespace heapsight::gui {

// Every colour the source view, the gutter, the badges and the why panel use, derived from one QPalette so
// that light and dark themes both read well. Rebuild it on QEvent::PaletteChange.
class AnnotationPalette {
public:
    explicit AnnotationPalette(const QPalette& palette = QPalette());

    bool isDark() const { return m_dark; }
    QColor marker(MarkerGroup group) const { return m_accent[index(group)]; }
    QColor lineTint(MarkerGroup group) const;
    QColor noteBackground(MarkerGroup group) const;
    QColor noteText(MarkerGroup group) const;

    QColor gutterBackground() const { return m_gutter; }
    QColor gutterSeparator() const { return m_separator; }
    QColor lineNumber() const { return m_lineNumber; }
    QColor currentLineNumber() const { return m_text; }
    QColor currentLine() const { return m_currentLine; }
    QColor mutedText() const { return m_lineNumber; }
    QColor text() const { return m_text; }
    QColor base() const { return m_base; }

    // `amount` of b over a, in RGB.
    static QColor mix(const QColor& a, const QColor& b, qreal amount);

private:
    static std::size_t index(MarkerGroup g) { return static_cast<std::size_t>(g); }

    bool m_dark = false;
    QColor m_base;
    QColor m_text;
    QColor m_gutter;
    QColor m_separator;
    QColor m_lineNumber;
    QColor m_currentLine;
    std::array<QColor, MarkerGroupCount> m_accent;
};

} // namespace heapsight::gui
