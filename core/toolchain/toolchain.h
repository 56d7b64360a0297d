// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QVersionNumber>

namespace heapsight {

// One Go toolchain found on the machine.
struct Toolchain {
    QString goBinary; // path as found: /usr/lib/go-1.22/bin/go, ~/sdk/go1.23.5/bin/go, …
    QString realPath; // canonical path of the binary: two finds of one toolchain share it
    QString version; // GOVERSION: "go1.22.12"
    QString goroot;
    QString goos;
    QString goarch;
    QString foundVia; // "PATH", "GOROOT", "Debian", "user setting", …

    // 1.22.12 for "go1.22.12"; 1.23 for "go1.23rc1". Null when the version is not a release name.
    QVersionNumber versionNumber() const;
    // "1.22" — the language version this toolchain speaks by default.
    QString languageVersion() const;
    // Whether this toolchain can run with -gcflags=-d=loopvar=2 (Go 1.22 and later).
    bool hasLoopvarReport() const;
};

QVersionNumber parseGoVersion(const QString& goVersion);

} // namespace heapsight
