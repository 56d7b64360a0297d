// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reporthtmlparts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace heapsight::html {

namespace {

// Geometry in SVG user units; the chart scales to its column's width (CSS), text keeps its proportions.
constexpr int kWidth = 420;
constexpr int kValueWidth = 40;
constexpr int kRowHeight = 22;
constexpr int kBarHeight = 14;
constexpr std::size_t kLabelChars = 34;
constexpr double kCharWidth = 6.9; // of the 12-unit sans-serif labels, on average

bool continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80; // inside a UTF-8 sequence
}

// A package path keeps its end ("…/internal/store": the end tells packages apart), other labels their start.
std::string shortened(const std::string& label, bool keepEnd)
{
    if (label.size() <= kLabelChars)
        return label;
    if (keepEnd) {
        std::size_t from = label.size() - (kLabelChars - 1);
        while (from < label.size() && continuation(label[from]))
            ++from;
        return "\u2026" + label.substr(from);
    }
    std::size_t to = kLabelChars - 1;
    while (to > 0 && continuation(label[to]))
        --to;
    return label.substr(0, to) + "\u2026";
}

std::string number(double value)
{
    std::string s = std::to_string(std::lround(value * 10) / 10.0);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

std::string barChartSvg(std::string_view title, const std::vector<BarRow>& rows, std::string_view emptyText)
{
    std::string out = "<figure class=\"chart\"><figcaption>" + escaped(title) + "</figcaption>";
    if (rows.empty())
        return out + "<p class=\"muted\">" + escaped(emptyText) + "</p></figure>";
    std::uint64_t most = 1;
    for (const BarRow& r : rows)
        most = std::max(most, std::accumulate(r.counts.begin(), r.counts.end(), std::uint64_t { 0 }));
    std::size_t longest = 0;
    for (const BarRow& r : rows)
        longest = std::max(longest, shortened(r.label, r.keepEnd).size());
    const int labelWidth = std::clamp(static_cast<int>(double(longest) * kCharWidth) + 14, 80, 240);
    const int height = static_cast<int>(rows.size()) * kRowHeight + 4;
    const double scale = double(kWidth - labelWidth - kValueWidth) / double(most);
    out += "<svg role=\"img\" viewBox=\"0 0 " + std::to_string(kWidth) + ' ' + std::to_string(height)
        + "\" aria-label=\"" + escaped(title) + "\">";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const BarRow& r = rows[i];
        const int top = static_cast<int>(i) * kRowHeight + 2;
        const int middle = top + kRowHeight / 2;
        out += "<g class=\"bar\"><title>" + escaped(r.label) + "</title>";
        out += "<text class=\"label\" x=\"" + std::to_string(labelWidth - 8) + "\" y=\"" + std::to_string(middle)
            + "\">" + escaped(shortened(r.label, r.keepEnd)) + "</text>";
        double x = labelWidth;
        std::uint64_t total = 0;
        for (const MarkerGroup g : AllMarkerGroups) {
            const std::uint64_t n = r.counts[static_cast<std::size_t>(g)];
            if (n == 0)
                continue;
            total += n;
            const double w = std::max(1.5, double(n) * scale);
            out += "<rect class=\"" + (r.tone.empty() ? "g-" + std::string(markerGroupId(g)) : r.tone) + "\" x=\""
                + number(x) + "\" y=\"" + std::to_string(middle - kBarHeight / 2) + "\" width=\"" + number(w)
                + "\" height=\"" + std::to_string(kBarHeight) + "\" rx=\"2\"><title>" + escaped(groupLabel(g)) + ": "
                + std::to_string(n) + "</title></rect>";
            x += w;
        }
        out += "<text class=\"value\" x=\"" + number(x + 6) + "\" y=\"" + std::to_string(middle) + "\">"
            + std::to_string(total) + "</text></g>";
    }
    return out + "</svg></figure>";
}

} // namespace heapsight::html
