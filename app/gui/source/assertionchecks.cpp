// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/assertionchecks.h"

#include "core/assert/assertexport.h"
#include "core/assert/assertsources.h"
#include "session/reportindex.h"

#include <QtConcurrent>
#include <map>

namespace heapsight::gui {

namespace {

QString joined(const std::vector<std::string>& lines)
{
    QStringList out;
    for (const std::string& l : lines)
        out << QString::fromStdString(l);
    return out.join(QLatin1Char('\n'));
}

} // namespace

AssertionChecks::AssertionChecks(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<const Result>>::finished, this, [this] {
        // Only the answer to the latest request counts (an older run may finish after a newer one started).
        if (m_watcher.property("generation").toULongLong() != m_generation)
            return;
        m_result = m_watcher.result();
        m_busy = false;
        Q_EMIT checked();
    });
}

void AssertionChecks::check(const QString& moduleRoot, std::shared_ptr<const ReportIndex> report)
{
    ++m_generation;
    if (!report || moduleRoot.isEmpty()) {
        m_result.reset();
        m_busy = false;
        Q_EMIT checked();
        return;
    }
    m_busy = true;
    m_watcher.setProperty("generation", m_generation);
    m_watcher.setFuture(QtConcurrent::run([moduleRoot, report]() -> std::shared_ptr<const Result> {
        const AssertSources read = readAssertSources(moduleRoot, true);
        auto result = std::make_shared<Result>();
        result->report = report;
        if (read.directiveCount() > 0)
            result->outcomes = checkAssertions(report->report(), read.sources, moduleRoot.toStdString());
        return result;
    }));
}

std::vector<AssertionMark> AssertionChecks::marksFor(const QString& relativePath) const
{
    if (!m_result)
        return {};
    const std::string file = relativePath.toStdString();
    std::map<int, AssertionMark> marks;
    for (const AssertOutcome& o : m_result->outcomes) {
        const AssertDirective& d = o.directive;
        // A file the report never names was not compiled for it (a _test.go file, a build-tag variant):
        // no verdict to mark.
        if (d.file != file || !o.compiled)
            continue;
        AssertionMark& m = marks[static_cast<int>(d.targetLine)];
        m.line = static_cast<int>(d.targetLine);
        m.broken = m.broken || !o.holds();
        QString tip = QString::fromStdString(directiveName(d.style, d.check))
            + (o.holds() ? QStringLiteral(" holds") : QStringLiteral(" broken:"));
        for (const AssertViolation& v : o.violations)
            tip += QStringLiteral("\n  %1:%2: %3")
                       .arg(QString::fromStdString(v.file))
                       .arg(v.line)
                       .arg(QString::fromStdString(v.message));
        m.toolTip += (m.toolTip.isEmpty() ? QString() : QStringLiteral("\n")) + tip;
    }
    std::vector<AssertionMark> out;
    for (auto& [line, mark] : marks)
        out.push_back(std::move(mark));
    return out;
}

QList<AssertionProblem> AssertionChecks::problems() const
{
    QList<AssertionProblem> out;
    if (!m_result)
        return out;
    const Report& report = m_result->report->report();
    for (const AssertOutcome& o : m_result->outcomes) {
        for (const AssertViolation& v : o.violations) {
            std::vector<std::string> text = violationText(report, o, v);
            // The first line without its "file:line: " prefix: the panel shows the position itself.
            const std::string& first = text.front();
            const std::size_t message = first.find(": ");
            const Diagnostic at { QString::fromStdString(v.file), static_cast<int>(v.line), static_cast<int>(v.column),
                QString::fromStdString(message == std::string::npos ? first : first.substr(message + 2)) };
            out << AssertionProblem { at, joined(text) };
        }
    }
    return out;
}

} // namespace heapsight::gui
