// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "chaintext.h"

namespace heapsight {

std::string positionText(const Report& report, const Position& at)
{
    std::string text = std::string(report.fileName(at.file)) + ':' + std::to_string(at.line);
    if (at.column > 0)
        text += ':' + std::to_string(at.column);
    return text;
}

std::vector<std::string> chainText(const Report& report, const Finding& finding)
{
    std::vector<std::string> lines;
    for (const Explanation& e : finding.explanations) {
        if (e.header == Explanation::Header::Escapes)
            lines.push_back(e.subject + " escapes to heap:");
        else
            lines.push_back(
                "parameter " + e.subject + " leaks to " + e.target + " with derefs=" + std::to_string(e.derefs) + ':');
        for (const FlowEdge& edge : e.flows) {
            const std::string ops = edge.derefs < 0 ? std::string("&") : std::string(std::size_t(edge.derefs), '*');
            lines.push_back("  flow: " + std::string(edge.destination) + " = " + ops + std::string(edge.source) + ':');
            for (const FlowStep& s : edge.steps) {
                lines.push_back("    from " + std::string(s.expression) + " (" + std::string(s.reason) + ") at "
                    + positionText(report, s.at));
            }
        }
        if (e.truncated)
            lines.push_back("  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518");
        for (const std::string& u : e.unparsed)
            lines.push_back(u);
    }
    return lines;
}

} // namespace heapsight
