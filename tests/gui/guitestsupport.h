// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Helpers shared by the GUI tests: the bundled sample module, its recorded compiler output, and an
// independent grep of that output (the tests never take expected values from the parser under test).

#include "testsupport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

class QAbstractItemModel;
class QModelIndex;

class QAbstractItemModelTester;

namespace heapsight::gui {
class MainWindow;
class ReportIndex;
struct ReportSnapshot;
} // namespace heapsight::gui

namespace heapsight::test {

QString sampleModule(); // samples/escapes
QString sampleReport(const QString& name = QStringLiteral("escapes-go1.22.m2.txt")); // samples/reports/…

// Lines of `file` (as the compiler prints it, e.g. "./returnaddr.go") whose verdict message matches the whole
// of `messagePattern`, sorted, each once. Explanation lines (flow:, from, "…:" headers) never match a verdict
// pattern anchored at the end.
QList<int> grepLines(const QByteArray& report, const QString& file, const QString& messagePattern);
// Distinct (position, message) verdict lines of `file` matching `messagePattern`.
int grepCount(const QByteArray& report, const QString& file, const QString& messagePattern);

// The verdicts the default filter shows: moved to heap, escapes to heap, leaking param (content, to result).
QString defaultVerdictPattern();

// Parses a recorded report and indexes it against the sample module, synchronously.
std::shared_ptr<const gui::ReportIndex> loadSampleIndex(
    const QString& reportName = QStringLiteral("escapes-go1.22.m2.txt"));

// A snapshot of `index` alone (no profile, no baseline), as ReportState publishes for a new report.
std::shared_ptr<const gui::ReportSnapshot> snapshotOf(std::shared_ptr<const gui::ReportIndex> index);

// A shown main window with the sample module and its recorded report open, its four models each under a
// QAbstractItemModelTester (kept in `testers`, to be destroyed before the window); null on failure.
std::unique_ptr<gui::MainWindow> openSampleWindow(std::vector<std::unique_ptr<QAbstractItemModelTester>>* testers);

// A shown main window with `module` open and the toolchains discovered (for analysis runs); null on failure.
std::unique_ptr<gui::MainWindow> openModuleForAnalysis(const QString& module);

// A tree as indented lines ("name [n]") so that a failing QCOMPARE reads like a diff.
QStringList dumpTree(const QAbstractItemModel& model, int badgeRole, const QModelIndex& parent, int depth = 0);

} // namespace heapsight::test
