// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace heapsight {

// Toolchain paths the user added by hand (a go binary, its bin/ directory or a GOROOT), kept in the
// application's settings so the GUI and the CLI see the same list.
QStringList userToolchainPaths();
void setUserToolchainPaths(const QStringList& paths);

} // namespace heapsight
