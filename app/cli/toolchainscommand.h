// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight::cli {

// `heapsight-cli toolchains [--json] [--add PATH]…`: every Go toolchain found on this machine.
int runToolchainsCommand(const QStringList& arguments);

} // namespace heapsight::cli
