// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The pieces reportToHtml (reporthtml.h) assembles its page from; internal to core/io.

#include "core/model/markergroup.h"
#include "core/model/report.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight::html {

// The page marks, filters and colours findings by the desktop app's groups (core/model/markergroup.h), with
// its labels; the ids are the CSS classes.
std::string_view groupLabel(MarkerGroup group); // "Moved to heap", "Escapes", "Leaking params", …
std::string_view groupShortLabel(MarkerGroup group); // "Moved", "Escapes", "Leaks", … (table headings)

using GroupCounts = std::array<std::uint64_t, MarkerGroupCount>;

// `text` with &, <, >, " and ' replaced by entities: safe in element content and quoted attributes.
std::string escaped(std::string_view text);
void appendEscaped(std::string& out, std::string_view text);

// Go source split into lines of HTML (escaped, keywords, literals and comments in <span class="…">);
// a trailing '\r' is dropped, as is the empty line after a final newline.
std::vector<std::string> highlightedGoLines(std::string_view source);

// A file's source as the page shows it (reporthtmlsource.cpp): per line its number, a gutter mark per group
// of its findings (or a ring where only another finding's path passes), the code and a note per group
// (its first finding, +N for the others), each marked line with id "L<section>-<line>" and the indices of
// its findings (data-f) and of those whose path steps on it (data-t). `findings` (of file `fileId`, in line
// order) that lie on no line of `sourceLines` are added to `unplaced`.
std::string sourceHtml(const Report& report, FileId fileId, const std::vector<std::string>& sourceLines,
    const std::vector<std::uint32_t>& findings, int section, std::vector<std::uint32_t>& unplaced);

// A horizontal bar chart as inline SVG: one row per bar, each bar the segments of its groups (coloured by
// the page's CSS classes g-ID), the total at its end. `labels` and `segments` have one entry per row.
struct BarRow {
    std::string label;
    bool keepEnd = false; // a long label is cut at its start ("…/internal/store"), else at its end
    GroupCounts counts {};
    std::string tone; // a CSS class for a bar of one colour regardless of groups ("cause"); empty: groups
};
std::string barChartSvg(std::string_view title, const std::vector<BarRow>& rows, std::string_view emptyText);

// The findings at `indices` (into report.findings()) as the page's JSON data: their messages, positions,
// causes, explanations and compiler chains, plus the vocabulary (kinds, reason words, causes) they use,
// written once. `fileSection[file]` is the page's section number of a report FileId (-1: none). Safe inside
// <script type="application/json">: every '<' is written as \u003c.
std::string findingDataJson(
    const Report& report, const std::vector<std::uint32_t>& indices, const std::vector<int>& fileSection);

// The page's style sheet and script (reporthtmlassets.cpp).
extern const std::string_view kPageCss;
extern const std::string_view kPageScript;

} // namespace heapsight::html
