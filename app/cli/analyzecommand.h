// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli analyze DIR [--toolchain go1.22] [--lang 1.22] [--json] …`: runs the compiler's escape
// analysis on a module with an installed toolchain and reports it like `report`.
int runAnalyzeCommand(const QStringList& arguments);

} // namespace heapsight::cli
