// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

class QComboBox;

namespace heapsight::gui {

// Fills a combo box with the language versions an analysis can run under: first "as go.mod says" (item
// data empty), then the other `go` lines Heapsight can pass through a temporary go.mod (item data "1.22"):
// every version from Go 1.21 up to the toolchain's own (`toolchainVersion` "go1.27.4"; a toolchain cannot
// build a module that asks for a newer Go), or up to the newest Heapsight knows when no toolchain is chosen.
// The chosen item stays chosen when it is still offered.
void fillLanguageChoices(QComboBox* box, const QString& goModVersion, const QString& toolchainVersion = {});

// Minor versions of the Go releases Heapsight reads and is tested with (Go 1.21 … Go 1.27).
inline constexpr int OldestKnownGoMinor = 21;
inline constexpr int NewestKnownGoMinor = 27;

// "go1.22.12" or "go1.22.12, go 1.21 language": how a run is named in the window.
QString runDescription(const QString& toolchainVersion, const QString& languageVersion);

} // namespace heapsight::gui
