// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sarif.h"

#include <QCryptographicHash>
#include <QString>
#include <QUrl>

namespace heapsight {

using nlohmann::json;

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// A file name as the compiler printed it, made relative to the module root for SARIF.
std::string relativeUri(const std::string& file, const std::string& moduleRoot, bool& relative)
{
    std::string f = file;
    if (f.starts_with("./"))
        f = f.substr(2);
    relative = true;
    if (!f.starts_with('/') && !f.starts_with('$') && !f.starts_with('<') && !f.starts_with("../"))
        return QString::fromUtf8(QUrl::toPercentEncoding(q(f), "/")).toStdString();
    if (!moduleRoot.empty() && f.starts_with(moduleRoot + "/"))
        return QString::fromUtf8(QUrl::toPercentEncoding(q(f.substr(moduleRoot.size() + 1)), "/")).toStdString();
    relative = false;
    return QUrl::fromLocalFile(q(f)).toString(QUrl::FullyEncoded).toStdString();
}

} // namespace

json sarifLocation(const std::string& file, std::uint32_t line, std::uint32_t column, const std::string& moduleRoot)
{
    bool relative = false;
    json artifact { { "uri", relativeUri(file, moduleRoot, relative) } };
    if (relative)
        artifact["uriBaseId"] = "SRCROOT";
    json region { { "startLine", std::max<std::uint32_t>(line, 1) } };
    if (column > 0)
        region["startColumn"] = column;
    return { { "physicalLocation", { { "artifactLocation", artifact }, { "region", region } } } };
}

json sarifCodeFlows(const Report& report, const Finding& finding, const std::string& moduleRoot)
{
    json steps = json::array();
    for (const Explanation& e : finding.explanations) {
        for (const FlowEdge& edge : e.flows) {
            for (const FlowStep& s : edge.steps) {
                json loc = sarifLocation(std::string(report.fileName(s.at.file)), s.at.line, s.at.column, moduleRoot);
                // The flow line's operators on the source: & for its address (derefs -1), one * per dereference.
                const std::string ops = edge.derefs < 0 ? "&" : std::string(static_cast<std::size_t>(edge.derefs), '*');
                loc["message"] = { { "text",
                    std::string(s.expression) + " (" + std::string(s.reason) + "): " + std::string(edge.destination)
                        + " = " + ops + std::string(edge.source) } };
                steps.push_back({ { "location", loc } });
            }
        }
    }
    if (steps.empty())
        return json::array();
    return json::array({ { { "threadFlows", json::array({ { { "locations", steps } } }) } } });
}

std::string sarifFingerprint(std::string_view identity)
{
    const QByteArray bytes(identity.data(), static_cast<qsizetype>(identity.size()));
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(32).toStdString();
}

std::string sarifFindingFingerprint(std::string_view file, FindingKind kind, std::string_view subject)
{
    std::string identity;
    identity.reserve(file.size() + subject.size() + 24);
    identity.append(file).append(1, '|').append(kindId(kind)).append(1, '|').append(subject);
    return sarifFingerprint(identity);
}

json sarifLog(const SarifRun& r)
{
    json notifications = json::array();
    for (const std::string& w : r.warnings)
        notifications.push_back({ { "level", "warning" }, { "message", { { "text", w } } } });
    const json invocation { { "executionSuccessful", r.executionSuccessful },
        { "toolExecutionNotifications", notifications } };
    json run { { "tool",
                   { { "driver", { { "name", "Heapsight" }, { "version", r.toolVersion }, { "rules", r.rules } } } } },
        { "invocations", json::array({ invocation }) }, { "results", r.results } };
    if (!r.moduleRoot.empty()) {
        run["originalUriBaseIds"] = { { "SRCROOT",
            { { "uri",
                QUrl::fromLocalFile(q(r.moduleRoot) + QLatin1Char('/'))
                    .toString(QUrl::FullyEncoded)
                    .toStdString() } } } };
    }
    return { { "$schema", "https://json.schemastore.org/sarif-2.1.0.json" }, { "version", "2.1.0" },
        { "runs", json::array({ run }) } };
}

} // namespace heapsight
