#include "comparison.h"

namespace heapsight::gui {

const Finding* Comparison::finding(const Change& change, bool sideB) const
{
    const std::int64_t index = sideB ? change.indexB : change.indexA;
    const std::shared_ptr<const ReportIndex>& side = sideB ? b : a;
    if (index < 0 || !side)
        return nullptr;
    return &side->report().findings()[static_cast<std::size_t>(index)];
}

QString Comparison::diskPath(const Change& change) const
{
    if (const Finding* f = finding(change, true))
        return b->diskPath(f->position.file);
    if (const Finding* f = finding(change, false))
        return a->diskPath(f->position.file);
    return {};
}

std::shared_ptr<const Comparison> Comparison::make(
    std::shared_ptr<const ReportIndex> a, std::shared_ptr<const ReportIndex> b)
{
    auto result = std::make_shared<Comparison>();
    result->diff = diffReports(a->report(), b->report());
    result->a = std::move(a);
    result->b = std::move(b);
    for (std::size_t i = 0; i < result->diff.changes.size(); ++i) {
        if (result->diff.changes[i].type != ChangeType::Unchanged)
            result->shown.push_back(static_cast<std::uint32_t>(i));
    }
    return result;
}

} // namespace heapsight::gui
