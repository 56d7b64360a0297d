// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <memory>

class QPalette;
class QTextDocument;

namespace heapsight::gui {

// What the source view needs from a syntax highlighter, so that the engine can be chosen at build time:
// KDE's KSyntaxHighlighting when it was found (HEAPSIGHT_HAVE_KSYNTAXHIGHLIGHTING), else the built-in Go
// highlighter.
class SourceHighlighter {
public:
    virtual ~SourceHighlighter() = default;

    virtual void attachTo(QTextDocument* document) = 0;
    // Recolours for a new palette (light/dark switch) and re-highlights the document.
    virtual void applyPalette(const QPalette& palette) = 0;
    virtual QString engineName() const = 0;

    // The best highlighter this build has for Go.
    static std::unique_ptr<SourceHighlighter> createForGo();

protected:
    SourceHighlighter() = default;
    SourceHighlighter(const SourceHighlighter&) = delete;
    SourceHighlighter& operator=(const SourceHighlighter&) = delete;
};

} // namespace heapsight::gui
