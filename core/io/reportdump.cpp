// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reportdump.h"

#include "core/model/report.h"

namespace heapsight {

namespace {

void writePosition(const Report& report, const Position& p, std::ostream& out)
{
    if (!p.isValid()) {
        out << "-";
        return;
    }
    out << report.fileName(p.file) << ':' << p.line << ':' << p.column;
}

void writeExplanation(const Report& report, const Explanation& e, std::ostream& out)
{
    out << "    " << (e.header == Explanation::Header::Escapes ? "block: escapes " : "block: leaks ")
        << e.subject.view();
    if (e.header == Explanation::Header::Leaks)
        out << " to " << e.target.view() << " derefs=" << e.derefs;
    if (!e.function.empty())
        out << " in " << e.function.view();
    if (e.truncated)
        out << " (truncated)";
    out << '\n';
    for (const FlowEdge& edge : e.flows) {
        out << "      flow: " << edge.destination.view() << " <- " << edge.source.view() << " (derefs=" << edge.derefs
            << ")\n";
        for (const FlowStep& step : edge.steps) {
            out << "        from " << step.expression.view() << " (" << step.reason.view() << ") at ";
            writePosition(report, step.at, out);
            out << '\n';
        }
    }
    for (const std::string& line : e.unparsed)
        out << "      not understood: " << line << '\n';
}

} // namespace

void writeReportDump(const Report& report, std::ostream& out)
{
    const ReportStats& s = report.stats();
    out << "lines " << s.inputLines << ", packages " << s.packageHeaders << ", explanation lines " << s.explanationLines
        << ", blank " << s.blankLines << ", not understood " << s.unknownLines << ", partly understood "
        << s.partlyUnderstoodLines << ", errors " << s.errorLines << ", findings " << report.findings().size() << '\n';
    for (const Finding& f : report.findings()) {
        writePosition(report, f.position, out);
        out << ' ' << kindId(f.kind);
        if (!f.subject.empty())
            out << " [" << f.subject << ']';
        out << ' ' << f.message << '\n';
        if (!f.detail.empty() || f.number >= 0 || f.occurrences != 1 || f.sources != FromText) {
            out << "    detail=" << f.detail << " number=" << f.number << " occurrences=" << f.occurrences
                << " sources=" << static_cast<int>(f.sources) << '\n';
        }
        if (!f.inlineChain.empty()) {
            out << "    inlined:";
            for (const Position& p : f.inlineChain) {
                out << ' ';
                writePosition(report, p, out);
            }
            out << '\n';
        }
        for (const Explanation& e : f.explanations)
            writeExplanation(report, e, out);
    }
    for (const auto& [at, e] : report.unlinkedExplanations()) {
        out << "unclaimed block at ";
        writePosition(report, at, out);
        out << '\n';
        writeExplanation(report, e, out);
    }
    for (const UnknownLine& u : report.goErrors())
        out << "go error, line " << u.lineNumber << " (" << u.why << "): " << u.text << '\n';
    for (const UnknownLine& u : report.unknownLines())
        out << "not understood, line " << u.lineNumber << " (" << u.why << "): " << u.text << '\n';
}

} // namespace heapsight
