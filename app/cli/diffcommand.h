#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli diff A B [--json|--sarif] [--fail-on new-heap]`, or
// `heapsight-cli diff --toolchain go1.21 --toolchain go1.22 DIR` (also --lang 1.21 --lang 1.22).
int runDiffCommand(const QStringList& arguments);

} // namespace heapsight::cli
