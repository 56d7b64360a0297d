// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "findingkind.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace heapsight {

// The groups Heapsight shows, filters and colours findings by (the desktop app's gutter, filters and tree
// badges; the HTML report's marks and tables). Finer than KindGroup where a Go developer cares (a variable
// moved to the heap is not the same news as an allocation escaping), and coarser elsewhere. The declaration
// order is the display priority: a line with several groups shows the first ones.
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

// The group of a finding kind (a heap kind added to FindingKind later counts as an escape).
MarkerGroup markerGroup(FindingKind kind);
// Stable identifier for settings, object names, CSS classes and tests: "moved", "escapes", "leaks", "stack",
// "inlining", "other".
std::string_view markerGroupId(MarkerGroup group);

} // namespace heapsight
