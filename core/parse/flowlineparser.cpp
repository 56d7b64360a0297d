#include "flowlineparser.h"

namespace heapsight {

namespace {

// A flow location is complete when it is `{…}` with its outer braces balanced, or a name without spaces.
// That tells the real " = " apart from one inside `{storage for k + " = " + v}`.
bool isCompleteLocation(std::string_view loc)
{
    if (loc.empty())
        return false;
    if (loc.front() != '{')
        return loc.find(' ') == std::string_view::npos;
    if (loc.back() != '}')
        return false;
    int depth = 0;
    for (std::size_t i = 0; i < loc.size(); ++i) {
        if (loc[i] == '{') {
            ++depth;
        } else if (loc[i] == '}') {
            --depth;
            if (depth == 0 && i + 1 != loc.size())
                return false;
        }
    }
    return depth == 0;
}

} // namespace

std::optional<RawFlow> parseFlowText(std::string_view text)
{
    if (text.size() < 2 || text.back() != ':')
        return std::nullopt;
    text.remove_suffix(1);
    static constexpr std::string_view kAssign = " = ";
    std::size_t split = text.find(kAssign);
    const std::size_t first = split;
    while (split != std::string_view::npos && !isCompleteLocation(text.substr(0, split)))
        split = text.find(kAssign, split + 1);
    if (split == std::string_view::npos)
        split = first; // odd braces inside a string constant: the first " = " is the best guess
    if (split == std::string_view::npos)
        return std::nullopt;
    RawFlow flow;
    flow.destination = text.substr(0, split);
    std::string_view src = text.substr(split + kAssign.size());
    if (!src.empty() && src.front() == '&') {
        flow.derefs = -1;
        src.remove_prefix(1);
    } else {
        while (!src.empty() && src.front() == '*') {
            ++flow.derefs;
            src.remove_prefix(1);
        }
    }
    if (flow.destination.empty() || src.empty())
        return std::nullopt;
    flow.source = src;
    return flow;
}

std::optional<RawFlowStep> parseFromText(std::string_view text)
{
    // The REASON vocabulary has no parentheses, and a position holds no ") at ": split from the right.
    static constexpr std::string_view kAt = ") at ";
    const std::size_t at = text.rfind(kAt);
    if (at == std::string_view::npos)
        return std::nullopt;
    const std::size_t open = text.rfind(" (", at);
    if (open == std::string_view::npos)
        return std::nullopt;
    const auto position = parseWholePosition(text.substr(at + kAt.size()));
    if (!position)
        return std::nullopt;
    RawFlowStep step;
    step.expression = text.substr(0, open);
    step.reason = text.substr(open + 2, at - open - 2);
    step.at = *position;
    if (step.reason.empty() || step.reason.find_first_of("()") != std::string_view::npos)
        return std::nullopt;
    return step;
}

} // namespace heapsight
