// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "reporthtmlparts.h"

namespace heapsight::html {

std::string_view groupShortLabel(MarkerGroup group)
{
    constexpr std::array<std::string_view, MarkerGroupCount> labels { "Moved", "Escapes", "Leaks", "Stack", "Inlining",
        "Other" };
    return labels[static_cast<std::size_t>(group)];
}

std::string_view groupLabel(MarkerGroup group)
{
    constexpr std::array<std::string_view, MarkerGroupCount> labels { "Moved to heap", "Escapes", "Leaking params",
        "Stays on stack", "Inlining", "Other" };
    return labels[static_cast<std::size_t>(group)];
}

void appendEscaped(std::string& out, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
}

std::string escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    appendEscaped(out, text);
    return out;
}

} // namespace heapsight::html
