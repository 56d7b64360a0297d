// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/markergroup.h"

#include <QCoreApplication>

namespace heapsight::gui {

QString markerGroupLabel(MarkerGroup group)
{
    switch (group) {
    case MarkerGroup::Moved:
        return QCoreApplication::translate("MarkerGroup", "Moved to heap");
    case MarkerGroup::Escapes:
        return QCoreApplication::translate("MarkerGroup", "Escapes");
    case MarkerGroup::Leaks:
        return QCoreApplication::translate("MarkerGroup", "Leaking params");
    case MarkerGroup::Stack:
        return QCoreApplication::translate("MarkerGroup", "Stays on stack");
    case MarkerGroup::Inlining:
        return QCoreApplication::translate("MarkerGroup", "Inlining");
    case MarkerGroup::Other:
        break;
    }
    return QCoreApplication::translate("MarkerGroup", "Other");
}

QString markerGroupDescription(MarkerGroup group)
{
    switch (group) {
    case MarkerGroup::Moved:
        return QCoreApplication::translate(
            "MarkerGroup", "Variables the compiler moved from the stack to the heap (\"moved to heap: x\")");
    case MarkerGroup::Escapes:
        return QCoreApplication::translate(
            "MarkerGroup", "Values and allocations that escape to the heap (\"&T{...} escapes to heap\")");
    case MarkerGroup::Leaks:
        return QCoreApplication::translate("MarkerGroup",
            "Parameters whose value outlives the call, to the heap or to a result (\"leaking param: p\")");
    case MarkerGroup::Stack:
        return QCoreApplication::translate("MarkerGroup", "Values the compiler proved can stay on the stack");
    case MarkerGroup::Inlining:
        return QCoreApplication::translate(
            "MarkerGroup", "Inlining decisions: can inline, cannot inline, inlining call");
    case MarkerGroup::Other:
        break;
    }
    return QCoreApplication::translate(
        "MarkerGroup", "Devirtualization, closure captures, bounds checks, loop variables and other compiler notes");
}

QString markerGroupIdString(MarkerGroup group)
{
    return QString::fromLatin1(heapsight::markerGroupId(group));
}

} // namespace heapsight::gui
