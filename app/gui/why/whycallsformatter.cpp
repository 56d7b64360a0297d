// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "why/whycallsformatter.h"

#include "core/why/whypathbuilder.h"
#include "session/reportindex.h"
#include "stdtext.h"
#include "why/whyformatter.h"

#include <QCoreApplication>

namespace heapsight::gui {

namespace {

QString escaped(const std::string& s)
{
    return fromStd(s).toHtmlEscaped();
}

} // namespace

WhyCallsFormatter::WhyCallsFormatter(const ReportIndex& index, WhyPathBuilder& paths, const AnnotationPalette& palette)
    : m_index(index)
    , m_paths(paths)
    , m_palette(palette)
{
}

QString WhyCallsFormatter::link(const WhyLocation& at) const
{
    const Position position { m_index.report().fileId(at.file), at.line, at.column };
    const QString text = position.isValid() ? m_index.positionText(position) : fromStd(at.file);
    if (!position.isValid() || m_index.diskPath(position.file).isEmpty())
        return text.toHtmlEscaped();
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(WhyFormatter::positionUrl(position).toString(), text.toHtmlEscaped());
}

QString WhyCallsFormatter::segmentHtml(const WhyPath& path, std::size_t index) const
{
    const WhySegment& seg = path.segments[index];
    const QString muted = m_palette.mutedText().name(QColor::HexRgb);
    const int margin = 14 + 16 * static_cast<int>(seg.depth);
    const WhyStep* entry = nullptr;
    if (seg.parent >= 0) {
        std::int32_t flat = 0;
        for (const WhyFlow& flow : path.segments[static_cast<std::size_t>(seg.parent)].flows) {
            for (const WhyStep& step : flow.steps) {
                if (flat++ == seg.parentStep)
                    entry = &step;
            }
        }
    }
    QString html = QStringLiteral("<p style=\"margin-left:%1px; margin-top:6px; margin-bottom:1px\">\u21b3 %2 "
                                  "<b><code>%3</code></b>, %4 <code>%5</code> · %6%7<br>"
                                  "<span style=\"color:%8\"><code>%9</code> · %10</span></p>")
                       .arg(margin)
                       .arg(tr("into"), escaped(entry ? entry->callee : seg.function), tr("parameter"),
                           escaped(entry ? entry->parameter : seg.subject), link(seg.at),
                           seg.outsideModule ? QStringLiteral(" <i>(%1)</i>").arg(tr("read-only: outside the module"))
                                             : QString(),
                           muted, escaped(seg.header), escaped(seg.package));
    int number = 0;
    for (const WhyFlow& flow : seg.flows) {
        for (const WhyStep& step : flow.steps) {
            html += QStringLiteral("<p style=\"margin-left:%1px; margin-top:1px; margin-bottom:1px\">"
                                   "<span style=\"color:%2\">%3.</span> <b>%4</b>&nbsp; <code>%5</code> · %6</p>")
                        .arg(margin + 10)
                        .arg(muted)
                        .arg(++number)
                        .arg(escaped(step.reason), escaped(step.expression), link(step.at));
            if (step.enters >= 0)
                html += segmentHtml(path, static_cast<std::size_t>(step.enters));
            else if (step.call != WhyCall::None && step.call != WhyCall::Builtin)
                html += QStringLiteral("<p style=\"margin-left:%1px; margin-top:1px; color:%2\"><i>%3</i></p>")
                            .arg(margin + 26)
                            .arg(muted, escaped(step.notFollowed));
        }
    }
    return html;
}

QString WhyCallsFormatter::pathHtml(std::uint32_t finding, std::size_t explanation) const
{
    const WhyPath path = m_paths.pathOf(0, finding, explanation);
    const bool entersCallee = path.segments.size() > 1;
    if (!entersCallee && path.end != WhyEnd::NotAnalysed && path.end != WhyEnd::Unresolved)
        return {};
    QString html = QStringLiteral("<p style=\"margin-left:10px; margin-top:8px; margin-bottom:2px\"><b>%1</b></p>")
                       .arg(tr("Into the functions it is passed to"));
    const WhySegment& own = path.segments.front();
    for (const WhyFlow& flow : own.flows) {
        for (const WhyStep& step : flow.steps) {
            if (step.enters >= 0)
                html += segmentHtml(path, static_cast<std::size_t>(step.enters));
            else if (step.call != WhyCall::None && step.call != WhyCall::Builtin)
                html += QStringLiteral("<p style=\"margin-left:14px; margin-top:1px\"><code>%1</code>: <i>%2</i></p>")
                            .arg(escaped(step.expression), escaped(step.notFollowed));
        }
    }
    html += QStringLiteral("<p style=\"margin-left:10px; margin-top:6px\">%1 <b>%2</b> · %3<br><code>%4</code></p>")
                .arg(tr("The path ends:"), fromStd(whyEndName(path.end)).toHtmlEscaped(), link(path.endAt),
                    escaped(path.endDetail));
    return html;
}

} // namespace heapsight::gui
