// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/markergroup.h"

#include <QString>
#include <cstdint>

namespace heapsight::gui {

// The groups (MarkerGroup, markerGroup(), in core/model/markergroup.h, shared with the HTML report) as the
// desktop app filters and names them.
using heapsight::AllMarkerGroups;
using heapsight::MarkerGroup;
using heapsight::MarkerGroupCount;

// A set of groups as a bit mask.
using MarkerGroups = std::uint8_t;
constexpr MarkerGroups groupBit(MarkerGroup group)
{
    return static_cast<MarkerGroups>(1u << static_cast<unsigned>(group));
}
inline constexpr MarkerGroups HeapGroups = groupBit(MarkerGroup::Moved) | groupBit(MarkerGroup::Escapes);
inline constexpr MarkerGroups DefaultGroups = HeapGroups | groupBit(MarkerGroup::Leaks);

using heapsight::markerGroup;
// "Moved to heap", "Escapes", "Leaking params", … (translated)
QString markerGroupLabel(MarkerGroup group);
// A longer description for tool tips.
QString markerGroupDescription(MarkerGroup group);
// heapsight::markerGroupId() as a QString: "moved", "escapes", "leaks", "stack", "inlining", "other" (settings,
// object names, tests).
QString markerGroupIdString(MarkerGroup group);

} // namespace heapsight::gui
