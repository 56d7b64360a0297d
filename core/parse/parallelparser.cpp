#include "parallelparser.h"

#include "../model/reportbuilder.h"
#include "escapeparser.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace heapsight {

namespace {

// Cut points at the start of a `# ` line, as near equal shares of the text as the package blocks allow
// (a package's output can be tens of megabytes: the nearest header before or after the share wins).
std::vector<std::size_t> cutPoints(std::string_view text, unsigned parts)
{
    std::vector<std::size_t> cuts { 0 };
    for (unsigned i = 1; i < parts; ++i) {
        const std::size_t target = text.size() / parts * i;
        const std::size_t after = text.find("\n# ", target);
        const std::size_t before = text.rfind("\n# ", target);
        std::size_t at = after;
        if (before != std::string_view::npos && before + 1 > cuts.back()
            && (after == std::string_view::npos || target - before < after - target))
            at = before;
        if (at == std::string_view::npos || at + 1 <= cuts.back())
            continue;
        cuts.push_back(at + 1);
    }
    cuts.push_back(text.size());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    return cuts;
}

} // namespace

Report parseInParallel(std::string_view text, ReportOrigin origin, unsigned threads, std::size_t minimumBytes)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    // Small inputs are not worth a thread.
    if (threads == 1 || text.size() < minimumBytes)
        return EscapeParser::parse(text, std::move(origin));
    const std::vector<std::size_t> cuts = cutPoints(text, threads);
    const std::size_t n = cuts.size() - 1;
    std::vector<Report> parts(n, EscapeParser::parse({}));
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < n; ++i)
        workers.emplace_back([&, i] { parts[i] = EscapeParser::parse(text.substr(cuts[i], cuts[i + 1] - cuts[i])); });
    parts[0] = EscapeParser::parse(text.substr(cuts[0], cuts[1] - cuts[0]));
    for (std::thread& w : workers)
        w.join();
    ReportBuilder builder;
    builder.setOrigin(std::move(origin));
    std::uint64_t lines = 0;
    for (Report& part : parts) {
        const std::uint64_t partLines = part.stats().inputLines;
        builder.absorb(std::move(part), lines);
        lines += partLines;
    }
    return builder.finish();
}

} // namespace heapsight
