// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/identity/gotokenizer.h"
#include "reporthtmlparts.h"

#include <algorithm>
#include <map>

namespace heapsight::html {

namespace {

constexpr std::array<std::string_view, 25> kKeywords { "break", "case", "chan", "const", "continue", "default", "defer",
    "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
    "return", "select", "struct", "switch", "type", "var" };
// Predeclared identifiers (types, constants, built-in functions): shown like the GUI's highlighter shows them.
constexpr std::array<std::string_view, 43> kPredeclared { "any", "bool", "byte", "comparable", "complex64",
    "complex128", "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
    "uint8", "uint16", "uint32", "uint64", "uintptr", "true", "false", "iota", "nil", "append", "cap", "clear", "close",
    "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "recover" };

enum Style : char { Plain, Keyword, Predeclared, String, Number, Comment };
constexpr std::array<std::string_view, 6> kStyleClass { "", "kw", "pd", "st", "nu", "cm" };

Style styleOf(const GoToken& t)
{
    switch (t.kind) {
    case GoToken::Kind::Comment:
        return Comment;
    case GoToken::Kind::Literal:
        return (t.text.front() == '"' || t.text.front() == '\'' || t.text.front() == '`') ? String : Number;
    case GoToken::Kind::Identifier:
        if (std::ranges::find(kKeywords, t.text) != kKeywords.end())
            return Keyword;
        if (std::ranges::find(kPredeclared, t.text) != kPredeclared.end())
            return Predeclared;
        return Plain;
    default:
        return Plain;
    }
}

} // namespace

// A style per byte, then each line as runs of one style: a block comment or raw string spanning lines is
// closed at each line's end and opened again on the next, so every line is well-formed HTML of its own.
std::vector<std::string> highlightedGoLines(std::string_view source)
{
    std::string styles(source.size(), Plain);
    GoTokenizer tokens(source, true);
    for (GoToken t = tokens.next(); t.kind != GoToken::Kind::End; t = tokens.next()) {
        const Style s = styleOf(t);
        if (s == Plain || t.text.empty())
            continue;
        const auto begin = static_cast<std::size_t>(t.text.data() - source.data());
        std::fill_n(styles.begin() + static_cast<std::ptrdiff_t>(begin), t.text.size(), s);
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < source.size()) {
        std::size_t end = source.find('\n', start);
        if (end == std::string_view::npos)
            end = source.size();
        std::size_t stop = end;
        if (stop > start && source[stop - 1] == '\r')
            --stop;
        std::string html;
        for (std::size_t i = start; i < stop;) {
            std::size_t j = i;
            while (j < stop && styles[j] == styles[i])
                ++j;
            const auto s = static_cast<std::size_t>(styles[i]);
            if (s != Plain) {
                html += "<span class=\"";
                html += kStyleClass[s];
                html += "\">";
            }
            appendEscaped(html, source.substr(i, j - i));
            if (s != Plain)
                html += "</span>";
            i = j;
        }
        lines.push_back(std::move(html));
        start = end + 1;
    }
    return lines;
}

std::string sourceHtml(const Report& report, FileId fileId, const std::vector<std::string>& sourceLines,
    const std::vector<std::uint32_t>& findings, int section, std::vector<std::uint32_t>& unplaced)
{
    std::map<std::uint32_t, std::vector<std::uint32_t>> onLine;
    std::map<std::uint32_t, std::vector<std::uint32_t>> through; // line → findings whose path steps on it
    for (const std::uint32_t i : findings) {
        const Finding& f = report.findings()[i];
        if (f.position.line == 0 || f.position.line > sourceLines.size()) {
            unplaced.push_back(i);
            continue;
        }
        onLine[f.position.line].push_back(i);
        for (const Explanation& e : f.explanations) {
            for (const FlowEdge& edge : e.flows) {
                for (const FlowStep& s : edge.steps) {
                    if (s.at.file != fileId || s.at.line == f.position.line || s.at.line > sourceLines.size())
                        continue;
                    std::vector<std::uint32_t>& t = through[s.at.line];
                    if (std::ranges::find(t, i) == t.end())
                        t.push_back(i);
                }
            }
        }
    }
    std::string out = "<div class=\"src\">";
    for (std::uint32_t line = 1; line <= sourceLines.size(); ++line) {
        const auto own = onLine.find(line);
        const auto path = through.find(line);
        if (own == onLine.end() && path == through.end()) {
            out += "<div class=\"l\"><span class=\"n\">" + std::to_string(line) + "</span><span class=\"gm\"></span>"
                + "<code>" + sourceLines[line - 1] + "</code></div>";
            continue;
        }
        std::array<std::vector<std::uint32_t>, MarkerGroupCount> byGroup;
        if (own != onLine.end()) {
            for (const std::uint32_t i : own->second)
                byGroup[static_cast<std::size_t>(markerGroup(report.findings()[i].kind))].push_back(i);
        }
        std::string classes = "l marked";
        std::string marks;
        std::string notes;
        for (const MarkerGroup g : AllMarkerGroups) {
            const auto& list = byGroup[static_cast<std::size_t>(g)];
            if (list.empty())
                continue;
            const std::string id(markerGroupId(g));
            classes += " t-" + id;
            marks += "<i class=\"mk g-" + id + "\" title=\"" + std::string(groupLabel(g)) + "\"></i>";
            notes += "<span class=\"note g-" + id + "\" data-fid=\"" + std::to_string(list.front()) + "\">"
                + escaped(report.findings()[list.front()].message)
                + (list.size() > 1 ? "<b>+" + std::to_string(list.size() - 1) + "</b>" : std::string()) + "</span>";
        }
        std::string data;
        if (own != onLine.end()) {
            data += " data-f=\"";
            for (std::size_t k = 0; k < own->second.size(); ++k)
                data += (k ? " " : "") + std::to_string(own->second[k]);
            data += '"';
        }
        if (path != through.end()) {
            data += " data-t=\"";
            for (std::size_t k = 0; k < path->second.size(); ++k)
                data += (k ? " " : "") + std::to_string(path->second[k]);
            data += '"';
            if (marks.empty()) {
                const MarkerGroup g = markerGroup(report.findings()[path->second.front()].kind);
                marks = "<i class=\"mk path g-" + std::string(markerGroupId(g))
                    + "\" title=\"on the path of a finding\"></i>";
                classes += " through";
            }
        }
        out += "<div class=\"" + classes + "\" id=\"L" + std::to_string(section) + '-' + std::to_string(line) + '"'
            + data + "><span class=\"n\">" + std::to_string(line) + "</span><span class=\"gm\">" + marks
            + "</span><code>" + sourceLines[line - 1] + "</code>" + notes + "</div>";
    }
    return out + "</div>";
}

} // namespace heapsight::html
