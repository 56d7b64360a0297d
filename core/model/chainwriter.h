// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "finding.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace heapsight {

// Writes the flows of explanations, one explanation at a time, into a ChainArena: the text as it is
// added, the step and edge arrays (at their final sizes) when the explanation is done. Explanations
// written by one writer share its arena.
class ChainWriter {
public:
    ChainWriter();

    // A `flow:` line; the steps added next belong to it.
    void addEdge(std::string_view destination, std::string_view source, int derefs)
    {
        const auto [d, s] = storePair(destination, source);
        m_edges.push_back(Edge { d, s, derefs, m_steps.size() });
    }
    // A `from` line of the last edge. False (nothing added) when there is no edge yet.
    bool addStep(std::string_view expression, std::string_view reason, Position at)
    {
        if (m_edges.empty())
            return false;
        m_steps.push_back(FlowStep { store(expression), internReason(reason), at });
        return true;
    }
    bool hasEdge() const { return !m_edges.empty(); }

    // Text for an explanation this writer finishes (its subject, function): a copy in the arena, valid as
    // long as the explanation's `chains`.
    TextRef text(std::string_view text) { return store(text); }
    // The same for a word of a small vocabulary (a leak's target: "{heap}", "~r0", …), stored once per
    // writer (as a step's reason is).
    TextRef word(std::string_view word) { return internReason(word); }
    // The arena that text() and word() write to, for a Finding's `text`.
    std::shared_ptr<const ChainArena> arena() const { return m_arena; }

    // Sets `e.flows` (and `e.chains`) to the edges added since the last finish or discard.
    void finish(Explanation& e);
    void discard();
    // For a writer that is done: the arena's unused room goes back to the system (ChainArena::releaseUnusedTail).
    void releaseUnused() { m_arena->releaseUnusedTail(); }

    // A copy of `e` whose chains are written here, each step position passed through `map` (for reports
    // whose files are numbered differently).
    template <typename PositionMap> Explanation copy(const Explanation& e, PositionMap map)
    {
        discard();
        for (const FlowEdge& edge : e.flows) {
            addEdge(edge.destination, edge.source, edge.derefs);
            for (const FlowStep& s : edge.steps)
                addStep(s.expression, s.reason, map(s.at));
        }
        Explanation result;
        result.header = e.header;
        result.subject = text(e.subject);
        result.target = word(e.target);
        result.derefs = e.derefs;
        result.truncated = e.truncated;
        result.function = text(e.function);
        result.unparsed = e.unparsed;
        finish(result);
        return result;
    }

private:
    std::string_view store(std::string_view text)
    {
        if (text.empty())
            return {};
        char* at = static_cast<char*>(m_arena->allocate(text.size(), 1));
        std::memcpy(at, text.data(), text.size());
        return { at, text.size() };
    }
    // Both, with one copy when `b` follows `a` closely in the same line (as in `DST = SRC`, `DST ← SRC`):
    // a line of a std report is copied once instead of in two calls.
    std::pair<std::string_view, std::string_view> storePair(std::string_view a, std::string_view b)
    {
        const auto aEnd = reinterpret_cast<std::uintptr_t>(a.data() + a.size());
        const auto bBegin = reinterpret_cast<std::uintptr_t>(b.data());
        if (bBegin < aEnd || bBegin - aEnd > kMaxGap || a.empty() || b.empty())
            return { store(a), store(b) };
        const std::string_view whole(a.data(), a.size() + (bBegin - aEnd) + b.size());
        const std::string_view copy = store(whole);
        return { copy.substr(0, a.size()), copy.substr(whole.size() - b.size()) };
    }
    static constexpr std::uintptr_t kMaxGap = 8;
    // A `from` line's REASON, its text stored once per writer: the words are a closed vocabulary (the
    // reasons cmd/compile/internal/escape's flow explanations give: "call parameter", "assign", "spill", …),
    // so Go 1.27's std output names a few dozen distinct ones over 620k steps, whose copies were 8.6 of the
    // arena's 100 MB. A word beyond the table's room (an input no compiler printed) is stored as before.
    std::string_view internReason(std::string_view reason);
    static constexpr std::size_t kReasonSlots = 256;
    static constexpr std::size_t kMaxReasons = 192; // at most three quarters full: short probes

    struct Edge {
        std::string_view destination;
        std::string_view source;
        int derefs = 0;
        std::size_t firstStep = 0;
    };
    std::shared_ptr<ChainArena> m_arena;
    // The explanation being written; kept between explanations for their capacity.
    std::vector<Edge> m_edges;
    std::vector<FlowStep> m_steps;
    // Open addressing by hash (internReason), kReasonSlots long; views of m_arena's text, empty where free.
    std::vector<std::string_view> m_reasons;
    std::size_t m_reasonCount = 0;
};

} // namespace heapsight
