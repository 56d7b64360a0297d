// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "compare/comparison.h"

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
    if (const Finding* f = finding(change, false)) {
        QString path = a->diskPath(f->position.file);
        // A from a commit's export: the same file in the module B shows (the open one).
        if (a->moduleRoot() != b->moduleRoot() && path.startsWith(a->moduleRoot() + QLatin1Char('/')))
            path = b->moduleRoot() + path.mid(a->moduleRoot().size());
        return path;
    }
    return {};
}

std::shared_ptr<const Comparison> Comparison::make(
    std::shared_ptr<const ReportIndex> a, std::shared_ptr<const ReportIndex> b)
{
    auto result = std::make_shared<Comparison>();
    result->diff
        = diffReportTrees(a->report(), a->moduleRoot().toStdString(), b->report(), b->moduleRoot().toStdString());
    result->a = std::move(a);
    result->b = std::move(b);
    for (std::size_t i = 0; i < result->diff.changes.size(); ++i) {
        if (result->diff.changes[i].type != ChangeType::Unchanged)
            result->shown.push_back(static_cast<std::uint32_t>(i));
    }
    return result;
}

} // namespace heapsight::gui
