// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/assert/assertionchecker.h"
#include "source/assertionmark.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>
#include <vector>

namespace heapsight::gui {

class ReportIndex;

// The assertion directives of the open module (heapsight-cli assert's, see core/assert) checked against the
// report shown: the module's Go files are read and checked off the GUI thread; a newer request replaces
// an older one still running (only the last one's answer is kept). Bounds checks come from the report's
// logopt isInBounds records (an analysis run) or `Found IsInBounds` lines (a recorded report).
class AssertionChecks : public QObject {
    Q_OBJECT

public:
    explicit AssertionChecks(QObject* parent = nullptr);

    // Checks the directives below `moduleRoot` (the _test.go files too) against `report`; null clears.
    void check(const QString& moduleRoot, std::shared_ptr<const ReportIndex> report);
    // Until the answer to the latest request has been taken in (checked() emitted).
    bool isBusy() const { return m_busy; }
    // The marks of one file, `relativePath` relative to the module root ("noescape.go", "sub/x.go").
    std::vector<AssertionMark> marksFor(const QString& relativePath) const;
    // One problem per broken assertion's violation: position relative to the module root and
    // "//heapsight:noescape broken: moved to heap: n", the reason in the tool tip.
    QList<AssertionProblem> problems() const;

Q_SIGNALS:
    void checked();

private:
    struct Result {
        std::shared_ptr<const ReportIndex> report;
        std::vector<AssertOutcome> outcomes;
    };

    QFutureWatcher<std::shared_ptr<const Result>> m_watcher;
    std::shared_ptr<const Result> m_result;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace heapsight::gui
