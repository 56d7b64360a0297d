// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/profile/allocationprofile.h"
#include "session/reportindex.h"
#include "source/allocationtext.h"
#include "source/lineannotations.h"

#include <QCoreApplication>

namespace heapsight::gui {

void LineAnnotations::addAllocations(const ReportIndex& index, const AllocationProfile& allocations)
{
    const Report& report = index.report();
    for (LineAnnotation& a : m_lines) {
        for (const std::uint32_t i : a.findings) {
            // Every heap finding of a line carries the line's numbers: one is enough for the note.
            const auto stats = allocations.forFinding(report.findings()[i]);
            if (!stats)
                continue;
            a.note += QStringLiteral(" · ") + allocatedBytesText(stats->bytes);
            a.allocationTip = QCoreApplication::translate(
                "LineAnnotations", "Allocated here (heap profile): <b>%1</b> in %2 objects")
                                  .arg(allocatedBytesText(stats->bytes),
                                      QLocale().toString(static_cast<qlonglong>(stats->objects)));
            break;
        }
    }
}

} // namespace heapsight::gui
