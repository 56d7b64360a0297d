#pragma once

#include "annotationpalette.h"
#include "reportindex.h"

#include "core/profile/allocationprofile.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <array>
#include <memory>
#include <vector>
#include <optional>

namespace heapsight::gui {

// Every finding of the report, one row each. Filtering is FindingsProxy's job.
class FindingsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The Alloc columns are empty (and hidden by FindingsPanel) until a heap profile is attached.
    enum Columns {
        FileColumn,
        LineColumn,
        KindColumn,
        SubjectColumn,
        ReasonColumn,
        AllocBytesColumn,
        AllocObjectsColumn,
        COLUMN_COUNT
    };
    enum Roles {
        SortRole = Qt::UserRole, // numbers as numbers
        KindRole, // FindingKind (int)
        GroupRole, // MarkerGroup (int)
        FindingRole, // index into Report::findings() (uint)
        AcceptedRole, // bool: the baseline has it
    };

    explicit FindingsModel(QObject* parent = nullptr);

    void setReport(std::shared_ptr<const ReportIndex> report);
    const std::shared_ptr<const ReportIndex>& report() const { return m_report; }
    void setPalette(const AnnotationPalette& palette);
    // Allocations of a heap profile placed on this report's lines (null: none).
    void setAllocations(std::shared_ptr<const AllocationProfile> allocations);
    const std::shared_ptr<const AllocationProfile>& allocations() const { return m_allocations; }
    // Findings a baseline accepted (one flag per finding; null: none), shown dimmed.
    void setAccepted(std::shared_ptr<const std::vector<bool>> accepted);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant sortKey(std::uint32_t finding, int column) const;
    QString toolTip(std::uint32_t finding) const;
    bool isAccepted(std::uint32_t finding) const;
    std::optional<AllocStats> allocationsOf(std::uint32_t finding) const;

    std::shared_ptr<const ReportIndex> m_report;
    // Each file's place in the order of display names, so the File column sorts on a number: a
    // QString per comparison made re-sorting after each filter change slow on big reports.
    std::vector<qint64> m_fileRank;
    std::shared_ptr<const AllocationProfile> m_allocations;
    std::shared_ptr<const std::vector<bool>> m_accepted;
    std::array<QIcon, MarkerGroupCount> m_icons;
};

} // namespace heapsight::gui
