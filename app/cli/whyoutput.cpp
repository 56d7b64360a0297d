// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "whyoutput.h"

#include <QString>
#include <QStringList>

namespace heapsight::cli {

namespace {

QString position(const WhyLocation& at)
{
    QString s = QString::fromStdString(at.file) + QLatin1Char(':') + QString::number(at.line);
    if (at.column != 0)
        s += QLatin1Char(':') + QString::number(at.column);
    return s;
}

QString flowText(const WhyFlow& flow)
{
    const QString ops = flow.derefs < 0 ? QStringLiteral("&") : QString(flow.derefs, QLatin1Char('*'));
    return QString::fromStdString(flow.destination) + QStringLiteral(" = ") + ops + QString::fromStdString(flow.source);
}

void printSegment(const WhyPath& path, std::size_t index, int indent, QTextStream& out)
{
    const WhySegment& seg = path.segments[index];
    const QString pad(indent, QLatin1Char(' '));
    out << pad << QString::fromStdString(seg.header) << " at " << position(seg.at);
    if (!seg.package.empty())
        out << " [" << QString::fromStdString(seg.package) << ']';
    if (seg.outsideModule)
        out << " (outside the module, read-only)";
    out << '\n';
    for (const WhyFlow& flow : seg.flows) {
        out << pad << "  flow: " << flowText(flow) << '\n';
        for (const WhyStep& step : flow.steps) {
            out << pad << "    from " << QString::fromStdString(step.expression) << " ("
                << QString::fromStdString(step.reason) << ") at " << position(step.at) << '\n';
            if (step.enters >= 0) {
                out << pad << "      → into " << QString::fromStdString(step.callee) << ", parameter "
                    << QString::fromStdString(step.parameter) << ":\n";
                printSegment(path, static_cast<std::size_t>(step.enters), indent + 8, out);
            } else if (!step.notFollowed.empty()) {
                out << pad << "      (not followed: " << QString::fromStdString(step.notFollowed) << ")\n";
            }
        }
    }
    if (seg.truncated)
        out << pad << "  (the compiler truncated this explanation: assignment cycle)\n";
}

nlohmann::json locationJson(const WhyLocation& at)
{
    return { { "file", at.file }, { "path", at.path }, { "line", at.line }, { "column", at.column } };
}

} // namespace

void printWhyPath(const WhyPath& path, QTextStream& out)
{
    out << position(path.at) << ": " << QString::fromStdString(path.verdict) << '\n';
    if (!path.segments.empty())
        printSegment(path, 0, 2, out);
    out << "  path ends: " << QString::fromStdString(whyEndName(path.end)) << " at " << position(path.endAt) << ": "
        << QString::fromStdString(path.endDetail) << '\n';
    if (!path.missingPackages.empty()) {
        QStringList missing;
        for (const std::string& p : path.missingPackages)
            missing << QString::fromStdString(p);
        out << "  not analysed: " << missing.join(QStringLiteral(", ")) << " (--deps analyses them)\n";
    }
}

nlohmann::json whyPathJson(const WhyPath& path)
{
    nlohmann::json segments = nlohmann::json::array();
    for (const WhySegment& seg : path.segments) {
        nlohmann::json flows = nlohmann::json::array();
        for (const WhyFlow& flow : seg.flows) {
            nlohmann::json steps = nlohmann::json::array();
            for (const WhyStep& s : flow.steps) {
                nlohmann::json step
                    = { { "expression", s.expression }, { "reason", s.reason }, { "at", locationJson(s.at) } };
                if (s.enters >= 0)
                    step["enters"] = s.enters;
                if (s.call != WhyCall::None)
                    step["call"] = whyCallName(s.call);
                if (!s.callee.empty())
                    step["callee"] = s.callee;
                if (!s.parameter.empty())
                    step["parameter"] = s.parameter;
                if (!s.notFollowed.empty())
                    step["notFollowed"] = s.notFollowed;
                steps.push_back(std::move(step));
            }
            flows.push_back({ { "destination", flow.destination }, { "source", flow.source }, { "derefs", flow.derefs },
                { "steps", std::move(steps) } });
        }
        segments.push_back({ { "header", seg.header }, { "function", seg.function }, { "package", seg.package },
            { "subject", seg.subject }, { "target", seg.target }, { "derefs", seg.derefs },
            { "truncated", seg.truncated }, { "outsideModule", seg.outsideModule }, { "at", locationJson(seg.at) },
            { "parent", seg.parent }, { "parentStep", seg.parentStep }, { "depth", seg.depth },
            { "flows", std::move(flows) } });
    }
    return { { "verdict", path.verdict }, { "at", locationJson(path.at) }, { "end", whyEndName(path.end) },
        { "endAt", locationJson(path.endAt) }, { "endDetail", path.endDetail },
        { "missingPackages", path.missingPackages }, { "segments", std::move(segments) } };
}

} // namespace heapsight::cli
