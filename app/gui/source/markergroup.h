// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/findingkind.h"

#include <QString>
#include <array>
#include <cstdint>

namespace heapsight::gui {

// The groups the desktop app shows, filters and colours findings by. Finer than core's KindGroup where a
// Go developer cares (a variable moved to the heap is not the same news as an allocation escaping), and
// coarser elsewhere. The declaration order is the display priority: a line with several groups shows
// the first ones.
enum class MarkerGroup : std::uint8_t {
    Moved, // moved to heap: x
    Escapes, // E escapes to heap
    Leaks, // leaking param (content, to result)
    Stack, // does not escape, zero-copy conversion
    Inlining, // can / cannot inline, inlining call
    Other, // devirtualization, closure captures, bounds checks, loop variables, …
};

inline constexpr int MarkerGroupCount = static_cast<int>(MarkerGroup::Other) + 1;
inline constexpr std::array<MarkerGroup, MarkerGroupCount> AllMarkerGroups { MarkerGroup::Moved, MarkerGroup::Escapes,
    MarkerGroup::Leaks, MarkerGroup::Stack, MarkerGroup::Inlining, MarkerGroup::Other };

// A set of groups as a bit mask.
using MarkerGroups = std::uint8_t;
constexpr MarkerGroups groupBit(MarkerGroup group)
{
    return static_cast<MarkerGroups>(1u << static_cast<unsigned>(group));
}
inline constexpr MarkerGroups HeapGroups = groupBit(MarkerGroup::Moved) | groupBit(MarkerGroup::Escapes);
inline constexpr MarkerGroups DefaultGroups = HeapGroups | groupBit(MarkerGroup::Leaks);

MarkerGroup markerGroup(FindingKind kind);
// "Moved to heap", "Escapes", "Leaking params", … (translated)
QString markerGroupLabel(MarkerGroup group);
// A longer description for tool tips.
QString markerGroupDescription(MarkerGroup group);
// Stable identifier for settings, object names and tests: "moved", "escapes", "leaks", "stack", "inlining", "other".
QString markerGroupId(MarkerGroup group);

} // namespace heapsight::gui
