#pragma once

#include "core/diff/diffexport.h"

#include <QTextStream>

namespace heapsight::cli {

void printDiffText(const ReportDiff& diff, const DiffSides& sides, bool showUnchanged, QTextStream& out);

} // namespace heapsight::cli
