// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/why/whypath.h"
#include "source/annotationpalette.h"

#include <QCoreApplication>
#include <QString>
#include <cstdint>

namespace heapsight {
class WhyPathBuilder;
}

namespace heapsight::gui {

class ReportIndex;

// The why panel's continuation of a finding's explanation into the functions its value is passed to
// (core/explain): each callee's `parameter P leaks` block indented under the call that enters it, its
// steps linked to their positions (heapsight-position links, as WhyFormatter's), sources outside the
// module marked read-only, and where the whole path ends.
class WhyCallsFormatter {
    Q_DECLARE_TR_FUNCTIONS(WhyCallsFormatter)

public:
    WhyCallsFormatter(const ReportIndex& index, WhyPathBuilder& paths, const AnnotationPalette& palette);

    // "" when the explanation enters no callee and stops at no call worth saying.
    QString pathHtml(std::uint32_t finding, std::size_t explanation) const;

private:
    QString link(const WhyLocation& at) const;
    QString segmentHtml(const WhyPath& path, std::size_t segment) const;

    const ReportIndex& m_index;
    WhyPathBuilder& m_paths;
    AnnotationPalette m_palette;
};

} // namespace heapsight::gui
