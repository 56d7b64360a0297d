// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "source/markergroup.h"

#include <QColor>
#include <QIcon>
#include <QRectF>

class QPainter;

namespace heapsight::gui {

class AnnotationPalette;

// One shape per group, so markers are told apart by shape as well as by colour (colour-blind users,
// grey-scale prints): moved ●, escapes ◆, leaks ▶, stays on stack ○, inlining ■, other •.
class MarkerPainter {
public:
    static void paint(QPainter& painter, const QRectF& rect, MarkerGroup group, const QColor& color);
    // The faint mark of a line a finding's flow path passes through.
    static void paintPath(QPainter& painter, const QRectF& rect, const QColor& color);
    // The mark of a line an assertion directive covers: a tick when it holds, a cross when it is broken.
    static void paintAssertion(QPainter& painter, const QRectF& rect, bool broken, const QColor& color);
    static QIcon icon(MarkerGroup group, const AnnotationPalette& palette, int size = 16);
};

} // namespace heapsight::gui
