// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findings/findingfilter.h"

#include "session/reportindex.h"
#include "session/reportsnapshot.h"

#include <algorithm>

namespace heapsight::gui {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII case folding is enough: Go identifiers in compiler output are mostly ASCII, and a non-ASCII
// needle still matches itself exactly.
bool containsFolded(std::string_view haystack, const std::string& needle)
{
    const auto it = std::search(
        haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) { return lower(a) == b; });
    return it != haystack.end();
}

} // namespace

FindingFilter::FindingFilter(QObject* parent)
    : QObject(parent)
{
}

void FindingFilter::setGroupEnabled(MarkerGroup group, bool enabled)
{
    setGroups(enabled ? (m_groups | groupBit(group)) : (m_groups & ~groupBit(group)));
}

void FindingFilter::setGroups(MarkerGroups groups)
{
    if (groups == m_groups)
        return;
    m_groups = groups;
    Q_EMIT changed();
}

void FindingFilter::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_needle = m_text.toLower().toStdString();
    Q_EMIT changed();
}

void FindingFilter::setHideInlinedFromOtherFiles(bool hide)
{
    if (hide == m_hideInlined)
        return;
    m_hideInlined = hide;
    Q_EMIT changed();
}

MarkerGroups FindingFilter::badgeGroups() const
{
    const MarkerGroups heap = m_groups & HeapGroups;
    return heap ? heap : m_groups;
}

void FindingFilter::setPackage(const QString& package)
{
    if (m_package == package)
        return;
    m_package = package;
    Q_EMIT changed();
}

void FindingFilter::setCause(std::optional<HeapCause> cause)
{
    if (m_cause == cause)
        return;
    m_cause = cause;
    Q_EMIT changed();
}

void FindingFilter::setHideAccepted(bool hide)
{
    if (m_hideAccepted == hide)
        return;
    m_hideAccepted = hide;
    Q_EMIT changed();
}

bool FindingFilter::accepts(const ReportSnapshot& snapshot, std::uint32_t finding) const
{
    return accepts(*snapshot.index, snapshot.accepted.get(), finding);
}

bool FindingFilter::accepts(const ReportIndex& index, const std::vector<bool>* accepted, std::uint32_t finding) const
{
    const Finding& f = index.report().findings()[finding];
    if (m_hideAccepted && accepted && finding < accepted->size() && (*accepted)[finding])
        return false;
    if (!(m_groups & groupBit(markerGroup(f.kind))))
        return false;
    if (!m_package.isEmpty()) {
        const auto& packages = index.report().packages();
        if (f.package >= packages.size() || QString::fromStdString(packages[f.package].name) != m_package)
            return false;
    }
    // The overview's cause bars count heap allocations: a focus on one shows exactly what its bar counts.
    if (m_cause && (!isHeapAllocation(f.kind) || index.cause(finding) != m_cause))
        return false;
    if (m_hideInlined && index.isInlinedFromOtherFile(finding))
        return false;
    if (m_needle.empty())
        return true;
    return containsFolded(f.message, m_needle) || containsFolded(f.subject, m_needle)
        || containsFolded(index.report().fileName(f.position.file), m_needle);
}

} // namespace heapsight::gui
