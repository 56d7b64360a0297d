// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <optional>

namespace heapsight {

// Where a Go module lives and what its go.mod says.
struct ModuleInfo {
    QString root; // directory holding go.mod
    QString goModPath;
    QString goWorkPath; // enclosing go.work, if any (the go command honours it)
    QString modulePath; // "example.com/escapes"
    QString goVersion; // the `go` line: "1.21", "1.22.0"
    QString toolchainLine; // the `toolchain` line, if any: "go1.22.3"
};

// Walks up from `dir` to the nearest go.mod. Reads files only; never writes.
std::optional<ModuleInfo> locateModule(const QString& dir, QString* error = nullptr);

// go.mod text with its `go` line set to `version` (added when missing) and its `toolchain` line removed,
// so a toolchain can analyse the module under another language version from a temporary copy.
QByteArray goModWithLanguageVersion(const QByteArray& goMod, const QString& version);

} // namespace heapsight
