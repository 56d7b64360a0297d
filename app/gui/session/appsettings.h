// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSettings>

namespace heapsight::gui {

// The desktop app's settings (organization and application "Heapsight", whatever QCoreApplication's names
// are: the tests run under other ones): window layout, recent folders, per-module options, the time limit.
QSettings appSettings();

} // namespace heapsight::gui
