// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/why/whypath.h"
#include "source/annotationpalette.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
    // Where a path calls into packages no report covers, it ends with an "Analyze dependency" link:
    // heapsight-analyze:IMPORTPATH,IMPORTPATH….
    QString pathHtml(std::uint32_t finding, std::size_t explanation) const;

    static QUrl analyzeUrl(const std::vector<std::string>& packages);
    // The import paths of an "Analyze dependency" link; empty for any other link.
    static QStringList packagesFromUrl(const QUrl& url);

    // A step in a file no report of the module holds (GOROOT, the module cache): file:///PATH#LINE:COLUMN
    // (1-based line; column in bytes, as the compiler counts).
    struct FileLocation {
        QString diskPath;
        int line = 0;
        int column = 0;
    };
    static QUrl fileUrl(const QString& diskPath, int line, int column);
    // nullopt for any other link.
    static std::optional<FileLocation> fileFromUrl(const QUrl& url);

private:
    QString link(const WhyLocation& at) const;
    QString segmentHtml(const WhyPath& path, std::size_t segment) const;

    const ReportIndex& m_index;
    WhyPathBuilder& m_paths;
    AnnotationPalette m_palette;
};

} // namespace heapsight::gui
