// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/explain/heapcause.h"
#include "source/markergroup.h"

#include <QObject>
#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace heapsight::gui {

class ReportIndex;
struct ReportSnapshot;

// The one filter every view follows: gutter markers, inline notes, tree badges and the findings list.
// Views re-read it when `changed` is emitted.
class FindingFilter : public QObject {
    Q_OBJECT

public:
    explicit FindingFilter(QObject* parent = nullptr);

    MarkerGroups groups() const { return m_groups; }
    bool isGroupEnabled(MarkerGroup group) const { return (m_groups & groupBit(group)) != 0; }
    void setGroupEnabled(MarkerGroup group, bool enabled);
    void setGroups(MarkerGroups groups);

    // Case-insensitive substring of the message, the subject or the file name; empty matches everything.
    const QString& text() const { return m_text; }
    void setText(const QString& text);

    bool hidesInlinedFromOtherFiles() const { return m_hideInlined; }
    void setHideInlinedFromOtherFiles(bool hide);

    // A focus chosen in the overview: only findings of this package (empty: any) / only the heap
    // allocations (moved to heap, escapes to heap) of this cause (ReportIndex::cause; nullopt: any finding).
    const QString& package() const { return m_package; }
    void setPackage(const QString& package);
    std::optional<HeapCause> cause() const { return m_cause; }
    void setCause(std::optional<HeapCause> cause);

    // Whether to hide the findings a baseline accepted; the flags themselves belong to the report
    // (ReportSnapshot), not to the user's choices kept here.
    bool hidesAccepted() const { return m_hideAccepted; }
    void setHideAccepted(bool hide);

    // Whether finding `finding` of `index` is shown; `accepted` holds the baseline's flags for `index`'s
    // findings (null: no baseline, nothing accepted).
    bool accepts(const ReportIndex& index, const std::vector<bool>* accepted, std::uint32_t finding) const;
    // The same for a snapshot with an index.
    bool accepts(const ReportSnapshot& snapshot, std::uint32_t finding) const;
    // The groups a file badge counts: the heap allocations the filter shows or, when it shows none,
    // everything it shows.
    MarkerGroups badgeGroups() const;

Q_SIGNALS:
    void changed();

private:
    MarkerGroups m_groups = DefaultGroups;
    QString m_text;
    std::string m_needle; // m_text, lower-case UTF-8
    bool m_hideInlined = false;
    QString m_package;
    std::optional<HeapCause> m_cause;
    bool m_hideAccepted = false;
};

} // namespace heapsight::gui
