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
    if (position.isValid() && !m_index.diskPath(position.file).isEmpty())
        return QStringLiteral("<a href=\"%1\">%2</a>")
            .arg(WhyFormatter::positionUrl(position).toString(), m_index.positionText(position).toHtmlEscaped());
    // A file of another report (a dependency's, in GOROOT or the module cache): by its path on disk.
    QString text = fromStd(at.file);
    if (at.line > 0)
        text += QStringLiteral(":%1:%2").arg(at.line).arg(at.column);
    if (at.path.empty() || at.line == 0)
        return text.toHtmlEscaped();
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(fileUrl(fromStd(at.path), static_cast<int>(at.line), static_cast<int>(at.column))
                 .toString(QUrl::FullyEncoded)
                 .toHtmlEscaped(),
            text.toHtmlEscaped());
}

QUrl WhyCallsFormatter::fileUrl(const QString& diskPath, int line, int column)
{
    QUrl url = QUrl::fromLocalFile(diskPath);
    url.setFragment(QStringLiteral("%1:%2").arg(line).arg(column));
    return url;
}

std::optional<WhyCallsFormatter::FileLocation> WhyCallsFormatter::fileFromUrl(const QUrl& url)
{
    if (!url.isLocalFile())
        return std::nullopt;
    const QStringList parts = url.fragment().split(QLatin1Char(':'));
    bool lineOk = false, columnOk = false;
    FileLocation at { url.toLocalFile(), parts.value(0).toInt(&lineOk), parts.value(1).toInt(&columnOk) };
    if (parts.size() != 2 || !lineOk || !columnOk || at.line <= 0)
        return std::nullopt;
    return at;
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
    if (!entersCallee && path.end != WhyEnd::NotAnalysed && path.end != WhyEnd::Unresolved
        && path.missingPackages.empty())
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
    if (!path.missingPackages.empty()) {
        QStringList names;
        for (const std::string& p : path.missingPackages)
            names << QStringLiteral("<code>%1</code>").arg(escaped(p));
        html += QStringLiteral("<p style=\"margin-left:10px; margin-top:4px\">%1 %2 · <a href=\"%3\">%4</a><br>"
                               "<span style=\"color:%5\">%6</span></p>")
                    .arg(tr("Not analysed:"), names.join(QStringLiteral(", ")),
                        analyzeUrl(path.missingPackages).toString(QUrl::FullyEncoded), tr("Analyze dependency"),
                        m_palette.mutedText().name(QColor::HexRgb),
                        tr("Runs the compiler's escape analysis of these packages (go's build cache makes it quick) "
                           "and follows the path into them. The module is not written."));
    }
    return html;
}

QUrl WhyCallsFormatter::analyzeUrl(const std::vector<std::string>& packages)
{
    QStringList names;
    for (const std::string& p : packages)
        names << fromStd(p);
    QUrl url;
    url.setScheme(QStringLiteral("heapsight-analyze"));
    url.setPath(names.join(QLatin1Char(',')));
    return url;
}

QStringList WhyCallsFormatter::packagesFromUrl(const QUrl& url)
{
    if (url.scheme() != QLatin1String("heapsight-analyze"))
        return {};
    return url.path().split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace heapsight::gui
