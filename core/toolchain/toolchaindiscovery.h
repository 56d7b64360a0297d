// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "toolchain.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace heapsight {

// Finds the Go toolchains on this machine. Probing runs `go env`, so call it off the GUI thread.
class ToolchainDiscovery {
public:
    struct Places {
        QString path; // $PATH
        QString goroot; // $GOROOT
        QString home; // $HOME
        QStringList userPaths; // added by the user: a go binary, its bin/ directory or a GOROOT
        QString root = QStringLiteral("/"); // file-system root, so tests can use a fake tree

        static Places fromEnvironment(const QStringList& userPaths = {});
    };

    // Every candidate go binary, in the order the places are listed (not yet probed, may repeat).
    static std::vector<std::pair<QString, QString>> candidates(const Places& places);
    // Asks one go binary what it is. GOTOOLCHAIN=local: a probe never downloads anything.
    static std::optional<Toolchain> probe(const QString& goBinary, QString* error = nullptr);
    // All toolchains, deduplicated by the real path of their binary, sorted by version (oldest first).
    static std::vector<Toolchain> discover(const Places& places);
    // The toolchain in `list` best matching "go1.22", "1.22", "go1.22.12" or a path to a go binary.
    static std::optional<Toolchain> select(const std::vector<Toolchain>& list, const QString& wanted);
    // select(discover(places), wanted), probing fewer toolchains: for a version, first only the candidates
    // whose GOROOT's VERSION file (first line, "go1.22.12", as Go's release archives and Debian's packages
    // have it) names that minor version; each is still asked by `go env`, and when none of them is the one
    // wanted every candidate is probed as discover() does. With 7 toolchains here, `analyze --toolchain
    // go1.22` ran `go env` 7 times (0.15 s of CPU) before its cached result could be shown.
    static std::optional<Toolchain> find(const Places& places, const QString& wanted);
};

} // namespace heapsight
