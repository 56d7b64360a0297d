// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "why/whyformatter.h"

#include "core/explain/heapcause.h"
#include "core/explain/reasonvocabulary.h"
#include "findings/findingfilter.h"
#include "session/reportindex.h"
#include "stdtext.h"
#include "why/whycallsformatter.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <vector>

namespace heapsight::gui {

namespace {

// A text of the core's vocabulary (its English source is the translation key).
QString vocabulary(std::string_view text)
{
    return QCoreApplication::translate("ReasonVocabulary", text.data());
}
QString escaped(std::string_view s)
{
    return fromStd(s).toHtmlEscaped();
}

const QLatin1String kScheme("heapsight-position");
const QString kArrow = QStringLiteral(" \u2192 ");

// "{heap}" → "heap", "{storage for &T{...}}" → "storage for &T{...}", "{temp}" → "a temporary".
QString locationText(std::string_view location)
{
    const QString loc = fromStd(location);
    if (loc == QLatin1String("{heap}"))
        return WhyFormatter::tr("heap");
    if (loc == QLatin1String("{temp}"))
        return WhyFormatter::tr("a temporary");
    if (loc.startsWith(QLatin1String("{storage for ")) && loc.endsWith(QLatin1Char('}')))
        return WhyFormatter::tr("storage for %1").arg(loc.mid(13, loc.size() - 14));
    return loc;
}

constexpr std::size_t kMaxThrough = 8;

} // namespace

WhyFormatter::WhyFormatter(const ReportIndex& index, const AnnotationPalette& palette)
    : m_index(index)
    , m_palette(palette)
{
}

QUrl WhyFormatter::positionUrl(const Position& position)
{
    QUrl url;
    url.setScheme(kScheme);
    url.setPath(QStringLiteral("%1/%2/%3").arg(position.file).arg(position.line).arg(position.column));
    return url;
}

std::optional<Position> WhyFormatter::positionFromUrl(const QUrl& url)
{
    if (url.scheme() != kScheme)
        return std::nullopt;
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (parts.size() != 3)
        return std::nullopt;
    bool ok[3] = {};
    Position p { parts[0].toUInt(&ok[0]), parts[1].toUInt(&ok[1]), parts[2].toUInt(&ok[2]) };
    if (!ok[0] || !ok[1] || !ok[2])
        return std::nullopt;
    return p;
}

QString WhyFormatter::stepLink(const FlowStep& step) const
{
    const QString label
        = QStringLiteral("%1, %2").arg(escaped(step.reason), m_index.positionText(step.at).toHtmlEscaped());
    if (!step.at.isValid() || m_index.diskPath(step.at.file).isEmpty())
        return label;
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(positionUrl(step.at).toString(), label);
}

QString WhyFormatter::locationHtml(std::string_view location) const
{
    if (location == "{heap}")
        return QStringLiteral("<b style=\"color:%1\">%2</b>")
            .arg(colour(m_palette.marker(MarkerGroup::Moved)), tr("heap"));
    return QStringLiteral("<code>%1</code>").arg(locationText(location).toHtmlEscaped());
}

// The edges of a block run from the value towards where it ends up, each edge's destination the next
// one's source; a break in that chain starts a new segment.
QString WhyFormatter::chainHtml(const Explanation& explanation) const
{
    QString html;
    const TextRef* previous = nullptr;
    for (const FlowEdge& edge : explanation.flows) {
        if (!previous || *previous != edge.source) {
            if (previous)
                html += QStringLiteral("<br>");
            html += locationHtml(edge.source);
        }
        html += kArrow + locationHtml(edge.destination);
        QStringList steps;
        for (const FlowStep& step : edge.steps)
            steps << stepLink(step);
        if (edge.derefs > 0) // what the source points to flows, not the source itself
            steps.prepend(
                tr("via %1").arg(QString(edge.derefs, QLatin1Char('*')) + locationText(edge.source).toHtmlEscaped()));
        if (!steps.isEmpty())
            html += QStringLiteral(" <span style=\"color:%1\">(</span>%2<span style=\"color:%1\">)</span>")
                        .arg(colour(m_palette.mutedText()), steps.join(QStringLiteral("; ")));
        previous = &edge.destination;
    }
    const bool endsOnHeap = previous && *previous == "{heap}";
    if (explanation.header == Explanation::Header::Escapes && !endsOnHeap)
        html += kArrow + locationHtml("{heap}");
    if (explanation.truncated)
        html += QStringLiteral(" <i>%1</i>").arg(tr("(the compiler cut this explanation short: assignment cycle)"));
    // Lines of a wording this build does not know (a newer Go): shown as printed rather than dropped.
    for (const std::string& line : explanation.unparsed)
        html += QStringLiteral("<br><span style=\"color:%1\">%2</span> <code>%3</code>")
                    .arg(colour(m_palette.mutedText()), tr("the compiler said:"),
                        fromStd(line).trimmed().toHtmlEscaped());
    return html;
}

QString WhyFormatter::chainText(const Explanation& explanation) const
{
    QString text;
    const TextRef* previous = nullptr;
    for (const FlowEdge& edge : explanation.flows) {
        if (!previous || *previous != edge.source)
            text += (previous ? QStringLiteral("; ") : QString()) + locationText(edge.source);
        text += kArrow + locationText(edge.destination);
        QStringList steps;
        for (const FlowStep& step : edge.steps)
            steps << QStringLiteral("%1, %2").arg(fromStd(step.reason), m_index.positionText(step.at));
        if (!steps.isEmpty())
            text += QStringLiteral(" (%1)").arg(steps.join(QStringLiteral("; ")));
        previous = &edge.destination;
    }
    if (explanation.header == Explanation::Header::Escapes && !(previous && *previous == "{heap}"))
        text += kArrow + tr("heap");
    for (const std::string& line : explanation.unparsed)
        text += QStringLiteral("; ") + tr("the compiler said: %1").arg(fromStd(line).trimmed());
    return text;
}

// One line per step, so long expressions wrap at their spaces (a table would wrap them anywhere).
QString WhyFormatter::stepsHtml(const Explanation& explanation) const
{
    QString html;
    int number = 0;
    for (const FlowEdge& edge : explanation.flows) {
        for (const FlowStep& step : edge.steps) {
            html += QStringLiteral("<p style=\"margin-left:14px; margin-top:1px; margin-bottom:1px\">"
                                   "<span style=\"color:%1\">%2.</span> <b>%3</b>&nbsp; <code>%4</code></p>")
                        .arg(colour(m_palette.mutedText()))
                        .arg(++number)
                        .arg(escaped(step.reason), escaped(step.expression));
        }
    }
    return html;
}

QString WhyFormatter::reasonsHtml(const std::vector<std::string_view>& reasons) const
{
    if (reasons.empty())
        return {};
    QString html = QStringLiteral("<h4 style=\"margin-top:16px\">%1</h4>").arg(tr("The steps in plain words"));
    for (std::string_view reason : reasons) {
        const std::optional<VocabularyEntry> entry = ReasonVocabulary::reason(reason);
        html += QStringLiteral("<p style=\"margin-top:6px\"><b>%1</b> — %2")
                    .arg(escaped(reason),
                        entry ? entry->meaning.toHtmlEscaped()
                              : tr("A step the compiler names that Heapsight does not describe yet."));
        if (entry)
            html += QStringLiteral("<br><span style=\"color:%1\"><i>%2</i> %3</span>")
                        .arg(colour(m_palette.mutedText()), tr("Tip:"), entry->remedy.toHtmlEscaped());
        html += QStringLiteral("</p>");
    }
    return html;
}

QString WhyFormatter::findingHtml(std::uint32_t finding, std::vector<std::string_view>* reasons) const
{
    const Finding& f = m_index.report().findings()[finding];
    const MarkerGroup group = markerGroup(f.kind);
    const VocabularyEntry verdict = ReasonVocabulary::verdict(f.kind);
    QString html = QStringLiteral(
        "<p style=\"margin-top:12px\"><span style=\"color:%1\">\u25CF</span> <b><code>%2</code></b><br>"
        "<span style=\"color:%3\">%4 · %5</span></p>")
                       .arg(colour(m_palette.marker(group)), escaped(f.message), colour(m_palette.mutedText()),
                           markerGroupLabel(group).toHtmlEscaped(), m_index.positionText(f.position).toHtmlEscaped());
    if (m_index.isInlinedFromOtherFile(finding))
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Reported here for code inlined from another file or package."));
    html += QStringLiteral("<p>%1</p>").arg(verdict.meaning.toHtmlEscaped());
    for (std::size_t k = 0; k < f.explanations.size(); ++k) {
        const Explanation& e = f.explanations[k];
        html += QStringLiteral("<p style=\"margin-left:10px; background-color:%1\">%2</p>")
                    .arg(colour(m_palette.noteBackground(group)), chainHtml(e));
        html += stepsHtml(e);
        if (m_paths)
            html += WhyCallsFormatter(m_index, *m_paths, m_palette).pathHtml(finding, k);
        for (const FlowEdge& edge : e.flows) {
            for (const FlowStep& step : edge.steps) {
                if (reasons && std::find(reasons->begin(), reasons->end(), step.reason) == reasons->end())
                    reasons->push_back(step.reason);
            }
        }
    }
    if (f.explanations.empty()
        && (group == MarkerGroup::Moved || group == MarkerGroup::Escapes || group == MarkerGroup::Leaks))
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(colour(m_palette.mutedText()), missingExplanationText(f).toHtmlEscaped());
    // The cause and its hint are the command line's and SARIF's too (core/explain/heapcause.h).
    const std::optional<HeapCause> cause = heapCause(f);
    const bool specificHint = cause && cause != HeapCause::Unexplained && cause != HeapCause::OtherFlow;
    if (specificHint)
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Cause:"), fromStd(causeLabel(*cause)).toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("What usually helps:"),
                    (specificHint ? vocabulary(causeHint(*cause)) : verdict.remedy).toHtmlEscaped());
    return html;
}

// What is really missing: a report built without -m=2 has no blocks at all; one built with it lacks a
// block only where the compiler printed none (measured on std, Go 1.21–1.27: leaking parameters of
// functions without a Go body, as cmd/compile/internal/escape assumes for assembly functions, and a few
// verdicts per thousand whose value another block at the same position explains).
QString WhyFormatter::missingExplanationText(const Finding& f) const
{
    if (m_index.report().stats().explanationLines == 0)
        return tr("This report has no explanations at all: it was built without -gcflags=-m=2. Analyze the "
                  "module (Heapsight passes -m=2) to see the path.");
    if (markerGroup(f.kind) == MarkerGroup::Leaks)
        return tr("The compiler printed no flow for this parameter. It prints none for a function without a Go "
                  "body (implemented in assembly): its pointer parameters are assumed to leak unless the "
                  "declaration is marked //go:noescape.");
    return tr("The compiler printed no explanation block for this verdict, though it explained others in this "
              "build; another finding at the same position may explain the same value.");
}

QString WhyFormatter::lineHtml(
    const QString& diskPath, int line, const FindingFilter& filter, const std::vector<bool>* accepted) const
{
    const Report& report = m_index.report();
    std::vector<std::uint32_t> shown;
    std::vector<std::uint32_t> through;
    QStringList hidden;
    for (FileId file : m_index.fileIds(diskPath)) {
        for (std::uint32_t i : report.findingsOnLine(file, static_cast<std::uint32_t>(line))) {
            if (filter.accepts(m_index, accepted, i))
                shown.push_back(i);
            else
                hidden << fromStd(report.findings()[i].message).toHtmlEscaped();
        }
        for (std::uint32_t i : m_index.findingsThrough(file, static_cast<std::uint32_t>(line))) {
            if (filter.accepts(m_index, accepted, i) && through.size() < kMaxThrough)
                through.push_back(i);
        }
    }
    QString html;
    std::vector<std::string_view> reasons;
    for (std::uint32_t i : shown)
        html += findingHtml(i, &reasons);
    if (!through.empty()) {
        html += QStringLiteral("<h4 style=\"margin-top:14px\">%1</h4>")
                    .arg(shown.empty() ? tr("This line is a step on the path of")
                                       : tr("This line is also a step on the path of"));
        for (std::uint32_t i : through)
            html += findingHtml(i, &reasons);
    }
    html += reasonsHtml(reasons);
    if (shown.empty() && through.empty())
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(colour(m_palette.mutedText()), tr("No findings shown on this line."));
    if (!hidden.isEmpty())
        html += QStringLiteral("<p style=\"color:%1; margin-top:12px\">%2<br><code>%3</code></p>")
                    .arg(colour(m_palette.mutedText()), tr("Hidden by the filters:"),
                        hidden.join(QStringLiteral("<br>")));
    return html;
}

} // namespace heapsight::gui
