#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>

namespace heapsight::gui {

class FindingFilter;

// Shows the rows of FindingsModel that the shared FindingFilter accepts, sorted by SortRole.
class FindingsProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit FindingsProxy(QObject* parent = nullptr);

    void setFilter(const FindingFilter* filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QPointer<const FindingFilter> m_filter;
};

} // namespace heapsight::gui
