// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/annotationpalette.h"

namespace heapsight::gui {

namespace {

// Hue and saturation say what a group is (red: on the heap, orange: escaping, purple: leaking, green: on the
// stack, blue: inlining); lightness follows the palette so the accent keeps its contrast to the background.
struct Hue {
    int hue;
    int saturation;
};
constexpr std::array<Hue, MarkerGroupCount> kHues { {
    { 354, 185 }, // Moved
    { 28, 215 }, // Escapes
    { 278, 150 }, // Leaks
    { 140, 140 }, // Stack
    { 208, 170 }, // Inlining
    { 0, 0 }, // Other: from the text colour
} };

} // namespace

QColor AnnotationPalette::mix(const QColor& a, const QColor& b, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(static_cast<float>(a.redF() * keep + b.redF() * amount),
        static_cast<float>(a.greenF() * keep + b.greenF() * amount),
        static_cast<float>(a.blueF() * keep + b.blueF() * amount));
}

AnnotationPalette::AnnotationPalette(const QPalette& palette)
    : m_base(palette.color(QPalette::Base))
    , m_text(palette.color(QPalette::Text))
{
    m_dark = m_base.lightnessF() < 0.5;
    m_gutter = mix(m_base, palette.color(QPalette::Window), 0.55);
    m_separator = mix(m_base, m_text, 0.12);
    m_lineNumber = mix(m_text, m_base, 0.5);
    m_currentLine = mix(m_base, palette.color(QPalette::Highlight), m_dark ? 0.22 : 0.13);
    const int lightness = m_dark ? 160 : 112;
    for (MarkerGroup g : AllMarkerGroups) {
        const Hue h = kHues[index(g)];
        m_accent[index(g)]
            = h.saturation == 0 ? mix(m_text, m_base, 0.4) : QColor::fromHsl(h.hue, h.saturation, lightness);
    }
}

QColor AnnotationPalette::lineTint(MarkerGroup group) const
{
    return mix(m_base, marker(group), m_dark ? 0.16 : 0.085);
}

QColor AnnotationPalette::noteBackground(MarkerGroup group) const
{
    return mix(m_base, marker(group), m_dark ? 0.24 : 0.13);
}

QColor AnnotationPalette::noteText(MarkerGroup group) const
{
    // Towards the text colour: readable on the note background in both themes, still clearly tinted.
    return mix(marker(group), m_text, m_dark ? 0.25 : 0.3);
}

} // namespace heapsight::gui
