// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/sourcehighlighter.h"

#include "heapsightguiconfig.h"
#include "source/gohighlighter.h"

#if HEAPSIGHT_HAVE_KSYNTAXHIGHLIGHTING
#include "source/ksyntaxsourcehighlighter.h"
#endif

namespace heapsight::gui {

std::unique_ptr<SourceHighlighter> SourceHighlighter::createForGo()
{
#if HEAPSIGHT_HAVE_KSYNTAXHIGHLIGHTING
    if (auto highlighter = KSyntaxSourceHighlighter::create(QStringLiteral("Go")))
        return highlighter;
#endif
    return std::make_unique<GoHighlighter>();
}

} // namespace heapsight::gui
