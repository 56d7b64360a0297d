// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "parallelparser.h"

#include "core/model/reportbuilder.h"
#include "escapeparser.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>
#include <vector>

namespace heapsight {

namespace {

// One stretch of the text, and whether it begins inside a package (whose header is in an earlier one).
struct Stretch {
    std::size_t begin = 0;
    bool continuesPackage = false;
};

std::string_view lineAt(std::string_view text, std::size_t at)
{
    const std::size_t end = text.find('\n', at);
    std::string_view line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (line.ends_with('\r'))
        line.remove_suffix(1);
    return line;
}

// A cut may go before any line but the lines of an explanation block after its header (flow, from and
// warning lines, and any indented line the parser keeps with the block: a newer compiler's wording), and
// blank lines (the parser lets a block go on after one).
bool mayCutBefore(std::string_view line)
{
    if (line.empty())
        return false;
    const auto prefix = splitPositionPrefix(line);
    return !prefix || !prefix->rest.starts_with("   ");
}

// Where the first `# ` line begins, or npos.
std::size_t firstPackageHeader(std::string_view text)
{
    if (text.starts_with("# "))
        return 0;
    const std::size_t header = text.find("\n# ");
    return header == std::string_view::npos ? header : header + 1;
}

// Each worker thread parses this many stretches one after the other, so the calling thread can take in
// one part while the worker parses the next (taking in a part is ~0.3 of parsing it).
constexpr unsigned kStretchesPerWorker = 4;
// The calling thread links explanations while it parses (measured on the std output, a worker parses a
// byte in 0.74 of its time) and then takes in every part: its own stretch is this share of a worker's
// whole share, so that both are done about together (on 2 cores, 0.35 to 0.5 measured best).
constexpr double kCallingThreadWeight = 0.4;

// The first stretch for the calling thread; after it, `workers` × kStretchesPerWorker equal ones. One
// package may print most of the text (go/types: 210 of std's 253 MB), so stretches are cut inside
// packages too, before a line that starts something of its own; the merge links explanations across the
// cut. Output before the first package header is cut only at headers.
std::vector<Stretch> stretches(std::string_view text, unsigned workers)
{
    std::vector<Stretch> result { Stretch {} };
    const std::size_t firstHeader = firstPackageHeader(text);
    const unsigned parts = 1 + workers * kStretchesPerWorker;
    const double first = static_cast<double>(text.size()) * kCallingThreadWeight / (kCallingThreadWeight + workers);
    const double unit = (static_cast<double>(text.size()) - first) / (parts - 1);
    for (unsigned i = 1; i < parts; ++i) {
        const auto target = static_cast<std::size_t>(first + unit * (i - 1));
        std::size_t at = text.find('\n', target);
        while (at != std::string_view::npos && !mayCutBefore(lineAt(text, at + 1)))
            at = text.find('\n', at + 1);
        if (at == std::string_view::npos || at + 1 >= text.size())
            break;
        at += 1;
        if (at <= result.back().begin)
            continue;
        Stretch s { at, false };
        if (!text.substr(at).starts_with("# ")) {
            if (firstHeader == std::string_view::npos)
                break;
            // Before the first header there is no package to go on with: the cut moves to that header.
            s.continuesPackage = firstHeader < at;
            if (!s.continuesPackage)
                s.begin = firstHeader;
        }
        if (s.begin > result.back().begin)
            result.push_back(s);
    }
    return result;
}

} // namespace

Report parseInParallel(std::string_view text, ReportOrigin origin, unsigned threads, std::size_t minimumBytes)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    // Small inputs are not worth a thread.
    if (threads == 1 || text.size() < minimumBytes)
        return EscapeParser::parse(text, std::move(origin));
    const std::vector<Stretch> cuts = stretches(text, threads - 1);
    const std::size_t n = cuts.size();
    const auto stretch = [&](std::size_t i) {
        const std::size_t end = i + 1 < n ? cuts[i + 1].begin : text.size();
        return text.substr(cuts[i].begin, end - cuts[i].begin);
    };
    // The first stretch is parsed here as usual, links made at once; the others by the workers, in
    // order, links recorded. They are taken in in input order as they are done, their links made then.
    std::vector<std::promise<EscapeParser::Part>> parts(n);
    std::atomic<std::size_t> next { 1 };
    std::vector<std::jthread> workers;
    for (unsigned w = 0; w + 1 < threads && w + 1 < n; ++w) {
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < n; i = next++) {
                EscapeParser parser;
                parser.expectInput(stretch(i).size());
                parser.beginPart(cuts[i].continuesPackage);
                parser.feed(stretch(i));
                parts[i].set_value(parser.finishPart());
            }
        });
    }
    EscapeParser first(std::move(origin));
    // Every part's findings are absorbed into this one's report: room for the whole text's.
    first.expectInput(text.size());
    first.feed(stretch(0));
    for (std::size_t i = 1; i < n; ++i)
        first.takePart(parts[i].get_future().get());
    return first.finish();
}

} // namespace heapsight
