// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace heapsight {

// The packages an analysis built, as `go list` printed them (goListCommand's format, one line per
// package: "IMPORTPATH\tDIR\tIMPORTS\tTESTS", IMPORTS space-separated — with tests, the test files'
// imports too — and TESTS "", "test" or "test xtest"): what progress counts, and what a live run after an
// edit must build again. Plain data.
class ModulePackages {
public:
    struct Package {
        QString importPath; // "example.com/m/internal/store"
        QString dir; // absolute directory, as go list prints it
        QStringList imports; // import paths, in go list's order (sorted)
        bool tests = false; // has _test.go files of its own package
        bool xtests = false; // has external (package x_test) test files
    };

    ModulePackages() = default;
    // Lines that are not of the format (go list -e's errors go to stderr) are skipped.
    static ModulePackages fromGoList(const QByteArray& goListOutput);

    const std::vector<Package>& packages() const { return m_packages; }
    bool isEmpty() const { return m_packages.empty(); }
    // How many `# pkg` headers go prints for these packages: one per package, plus with tests its test
    // main package and its external test package. For progress only.
    int expectedHeaders() const;

    // The import paths to build again after files in `dirs` (absolute) changed: the packages in those
    // directories and every listed package that imports one of them, directly or not (their escape
    // analysis reads the changed packages' export data: inlined bodies, parameter leaks), in list order.
    // nullopt when a directory holds no listed package (a new package: only a complete run knows it).
    std::optional<QStringList> affectedBy(const QStringList& dirs) const;
    // A copy in which `importPath` imports `imports` instead (an edit changed its import clauses).
    ModulePackages withImports(const QString& importPath, const QStringList& imports) const;

private:
    std::vector<Package> m_packages;
};

} // namespace heapsight
