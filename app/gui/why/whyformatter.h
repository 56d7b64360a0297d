// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/finding.h"
#include "source/annotationpalette.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>
#include <optional>
#include <string_view>
#include <vector>

namespace heapsight {
class WhyPathBuilder;
}

namespace heapsight::gui {

class FindingFilter;
class ReportIndex;

// Writes what the why panel shows as rich text: each finding of a line with its flow path as a readable
// chain (`x` → `~r0` (address-of, returnaddr.go:8:9) → heap), every step a link to its position, the
// plain-words meaning of each reason, and what usually avoids the escape.
class WhyFormatter {
    Q_DECLARE_TR_FUNCTIONS(WhyFormatter)

public:
    WhyFormatter(const ReportIndex& index, const AnnotationPalette& palette);
    // With `paths`, each explanation continues into the functions its value is passed to (WhyCallsFormatter).
    void setPaths(WhyPathBuilder* paths) { m_paths = paths; }

    // The findings of a line the filter shows; `accepted`: the baseline's flags for this report (null: none).
    QString lineHtml(
        const QString& diskPath, int line, const FindingFilter& filter, const std::vector<bool>* accepted) const;
    // One finding; the reason words it uses are added to `reasons` (for one "in plain words" section).
    QString findingHtml(std::uint32_t finding, std::vector<std::string_view>* reasons = nullptr) const;
    // The chain of one explanation in plain text, links left out: "x → ~r0 (address-of, returnaddr.go:8:9; return,
    // returnaddr.go:8:2) → heap".
    QString chainText(const Explanation& explanation) const;

    // Links in the panel: heapsight-position:FILE/LINE/COLUMN with FILE a report FileId.
    static QUrl positionUrl(const Position& position);
    static std::optional<Position> positionFromUrl(const QUrl& url);

private:
    QString chainHtml(const Explanation& explanation) const;
    QString stepLink(const FlowStep& step) const;
    QString locationHtml(std::string_view location) const;
    QString stepsHtml(const Explanation& explanation) const;
    QString missingExplanationText(const Finding& f) const;
    QString reasonsHtml(const std::vector<std::string_view>& reasons) const;
    QString colour(const QColor& c) const { return c.name(QColor::HexRgb); }

    const ReportIndex& m_index;
    AnnotationPalette m_palette;
    WhyPathBuilder* m_paths = nullptr;
};

} // namespace heapsight::gui
