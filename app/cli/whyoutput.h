// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/why/whypath.h"

#include <QTextStream>
#include <nlohmann/json.hpp>
#include <vector>

namespace heapsight::cli {

// A why path as indented text: the verdict, each block's header, its flows and steps with positions, a
// callee's block indented under the call step that enters it, and where the path ends.
void printWhyPath(const WhyPath& path, QTextStream& out);

// A why path as JSON: its segments flat (segment 0 the finding's own block), steps naming the segment they
// enter by index, positions as {file, path, line, column} (1-based; column 0: none printed).
nlohmann::json whyPathJson(const WhyPath& path);

} // namespace heapsight::cli
