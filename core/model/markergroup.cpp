// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "markergroup.h"

namespace heapsight {

MarkerGroup markerGroup(FindingKind kind)
{
    switch (kind) {
    case FindingKind::MovedToHeap:
        return MarkerGroup::Moved;
    case FindingKind::EscapesToHeap:
        return MarkerGroup::Escapes;
    default:
        break;
    }
    switch (kindGroup(kind)) {
    case KindGroup::Heap: // a heap kind added to core later: closest to an escape
        return MarkerGroup::Escapes;
    case KindGroup::Leak:
        return MarkerGroup::Leaks;
    case KindGroup::Stack:
        return MarkerGroup::Stack;
    case KindGroup::Inlining:
        return MarkerGroup::Inlining;
    case KindGroup::Devirtualization:
    case KindGroup::Other:
        break;
    }
    return MarkerGroup::Other;
}

std::string_view markerGroupId(MarkerGroup group)
{
    constexpr std::array<std::string_view, MarkerGroupCount> ids { "moved", "escapes", "leaks", "stack", "inlining",
        "other" };
    return ids[static_cast<std::size_t>(group)];
}

} // namespace heapsight
