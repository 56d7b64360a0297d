// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>

class QTableView;

namespace heapsight::gui {

class FindingFilter;
class FindingsModel;
class FindingsProxy;
struct ReportSnapshot;

// The findings list: every finding the filter shows, sortable by each column, double-click (or Enter) to
// jump to it; F8 / Shift+F8 walk it in its current order.
class FindingsPanel : public QWidget {
    Q_OBJECT

public:
    explicit FindingsPanel(const FindingFilter* filter, QWidget* parent = nullptr);

    // Lists the snapshot's report. Allocations show the Alloc columns and, newly attached, rank the list by
    // allocated bytes; without them the columns hide again.
    void setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot);
    // Moves the current row by `delta` (wrapping around) and returns its finding; nullopt when the list is empty.
    std::optional<std::uint32_t> step(int delta);
    // Makes the row of a finding current without activating it (it may be filtered out: then nothing happens).
    void revealFinding(std::uint32_t finding);
    // The finding of the current row, if any.
    std::optional<std::uint32_t> currentFinding() const;
    int shownCount() const;
    int totalCount() const;

    QTableView* table() const { return m_table; }
    FindingsModel* model() const { return m_model; }
    FindingsProxy* proxy() const { return m_proxy; }

Q_SIGNALS:
    void findingActivated(std::uint32_t finding);
    void countChanged(int shown, int total);

protected:
    void changeEvent(QEvent* event) override;

private:
    bool m_countPending = false;
    void onActivated(const QModelIndex& index);

    FindingsModel* m_model;
    FindingsProxy* m_proxy;
    QTableView* m_table;
};

} // namespace heapsight::gui
