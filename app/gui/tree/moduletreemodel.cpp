// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tree/moduletreemodel.h"

#include "findings/findingfilter.h"
#include "source/allocationtext.h"

namespace heapsight::gui {

ModuleTreeModel::ModuleTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_snapshot(std::make_shared<const ReportSnapshot>())
{
}

void ModuleTreeModel::setFolder(std::shared_ptr<const ModuleFolder> folder)
{
    beginResetModel();
    m_folder = std::move(folder);
    m_rows.clear();
    if (m_folder) {
        m_rows.assign(m_folder->nodes().size(), 0);
        for (const ModuleFolderNode& n : m_folder->nodes()) {
            for (std::size_t row = 0; row < n.children.size(); ++row)
                m_rows[static_cast<std::size_t>(n.children[row])] = static_cast<int>(row);
        }
    }
    m_counts.assign(m_rows.size(), Counts {});
    endResetModel();
    recount();
}

void ModuleTreeModel::setSnapshot(std::shared_ptr<const ReportSnapshot> snapshot)
{
    m_snapshot = snapshot ? std::move(snapshot) : std::make_shared<const ReportSnapshot>();
    recount();
}

void ModuleTreeModel::setComparison(std::shared_ptr<const Comparison> comparison)
{
    if (comparison == m_comparison)
        return;
    m_comparison = std::move(comparison);
    recount();
}

QHash<QString, std::array<int, 3>> ModuleTreeModel::changesByPath() const
{
    QHash<QString, std::array<int, 3>> result;
    if (!m_comparison)
        return result;
    for (std::uint32_t row = 0; row < m_comparison->shown.size(); ++row) {
        const Change& change = m_comparison->change(row);
        const auto type = static_cast<std::size_t>(change.type);
        if (type < 3)
            ++result[m_comparison->diskPath(change)][type];
    }
    return result;
}

void ModuleTreeModel::setFilter(const FindingFilter* filter)
{
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = filter;
    if (m_filter)
        connect(m_filter, &FindingFilter::changed, this, &ModuleTreeModel::recount);
    recount();
}

void ModuleTreeModel::recount()
{
    if (!m_folder)
        return;
    const std::vector<ModuleFolderNode>& nodes = m_folder->nodes();
    m_counts.assign(nodes.size(), Counts {});
    const QHash<QString, std::array<int, 3>> changes = changesByPath();
    for (std::size_t n = nodes.size(); n-- > 0;) {
        Counts& c = m_counts[n];
        if (!nodes[n].isDirectory)
            c.changes = changes.value(nodes[n].path);
        if (nodes[n].parent >= 0) {
            Counts& p = m_counts[static_cast<std::size_t>(nodes[n].parent)];
            for (std::size_t t = 0; t < c.changes.size(); ++t)
                p.changes[t] += c.changes[t];
        }
    }
    const ReportIndex* const reportIndex = m_snapshot->index.get();
    const AllocationProfile* const allocations = m_snapshot->allocations.get();
    if (reportIndex && m_filter) {
        const MarkerGroups badgeGroups = m_filter->badgeGroups();
        const Report& report = reportIndex->report();
        // Children always come after their parent: walking backwards sums files into their directories.
        for (std::size_t n = nodes.size(); n-- > 0;) {
            Counts& c = m_counts[n];
            if (!nodes[n].isDirectory) {
                for (FileId file : reportIndex->fileIds(nodes[n].path)) {
                    for (std::uint32_t i : report.findingsInFile(file)) {
                        if (!m_filter->accepts(*m_snapshot, i))
                            continue;
                        const MarkerGroup g = markerGroup(report.findings()[i].kind);
                        ++c.shown;
                        ++c.perGroup[static_cast<std::size_t>(g)];
                        if (badgeGroups & groupBit(g))
                            ++c.badge;
                    }
                    if (allocations)
                        c.allocatedBytes += allocations->inFile(file).bytes;
                }
            }
            if (nodes[n].parent >= 0) {
                Counts& p = m_counts[static_cast<std::size_t>(nodes[n].parent)];
                p.badge += c.badge;
                p.shown += c.shown;
                p.allocatedBytes += c.allocatedBytes;
                for (std::size_t g = 0; g < c.perGroup.size(); ++g)
                    p.perGroup[g] += c.perGroup[g];
            }
        }
    }
    if (!nodes.empty()) {
        const QModelIndex top = index(0, 0);
        Q_EMIT dataChanged(top, top);
        emitCountsChanged(0);
    }
    Q_EMIT countsChanged();
}

void ModuleTreeModel::emitCountsChanged(int nodeIndex)
{
    const ModuleFolderNode& n = m_folder->nodes()[static_cast<std::size_t>(nodeIndex)];
    if (n.children.empty())
        return;
    const QModelIndex parentIndex
        = createIndex(m_rows[static_cast<std::size_t>(nodeIndex)], 0, static_cast<quintptr>(nodeIndex));
    Q_EMIT dataChanged(index(0, 0, parentIndex), index(static_cast<int>(n.children.size()) - 1, 0, parentIndex));
    for (int child : n.children) {
        if (m_folder->nodes()[static_cast<std::size_t>(child)].isDirectory)
            emitCountsChanged(child);
    }
}

QModelIndex ModuleTreeModel::indexForPath(const QString& path) const
{
    if (!m_folder)
        return {};
    const int n = m_folder->nodeForPath(path);
    return n < 0 ? QModelIndex() : createIndex(m_rows[static_cast<std::size_t>(n)], 0, static_cast<quintptr>(n));
}

QString ModuleTreeModel::busiestFile() const
{
    if (!m_folder)
        return {};
    const std::vector<ModuleFolderNode>& nodes = m_folder->nodes();
    // Variables moved to the heap first: each costs an allocation per call and is usually the easiest to fix.
    const auto rank = [this](std::size_t n) {
        return std::pair(m_counts[n].perGroup[static_cast<std::size_t>(MarkerGroup::Moved)], m_counts[n].badge);
    };
    int best = -1;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (nodes[n].isDirectory || m_counts[n].badge == 0)
            continue;
        const auto b = static_cast<std::size_t>(best);
        if (best < 0 || rank(n) > rank(b) || (rank(n) == rank(b) && nodes[n].relativePath < nodes[b].relativePath))
            best = static_cast<int>(n);
    }
    return best < 0 ? QString() : nodes[static_cast<std::size_t>(best)].path;
}

const ModuleFolderNode& ModuleTreeModel::node(const QModelIndex& index) const
{
    return m_folder->nodes()[static_cast<std::size_t>(index.internalId())];
}

QModelIndex ModuleTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const ModuleFolderNode& p = node(parent);
    return createIndex(row, column, static_cast<quintptr>(p.children[static_cast<std::size_t>(row)]));
}

QModelIndex ModuleTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || !m_folder)
        return {};
    const int p = node(child).parent;
    if (p < 0)
        return {};
    return createIndex(m_rows[static_cast<std::size_t>(p)], 0, static_cast<quintptr>(p));
}

int ModuleTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!m_folder)
        return 0;
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(node(parent).children.size());
}

int ModuleTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant ModuleTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ModuleFolderNode& n = node(index);
    const Counts& c = m_counts[static_cast<std::size_t>(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        return n.name;
    case Qt::DecorationRole:
        return m_icons.icon(n.isDirectory ? QFileIconProvider::Folder : QFileIconProvider::File);
    case Qt::ToolTipRole:
        return toolTip(static_cast<int>(index.internalId()));
    case PathRole:
        return n.path;
    case IsDirectoryRole:
        return n.isDirectory;
    case BadgeCountRole:
        return c.badge;
    case FindingCountRole:
        return c.shown;
    case AllocatedBytesRole:
        return c.allocatedBytes;
    case ChangeCountRole:
        return c.changes[0] + c.changes[1] + c.changes[2];
    case BadgeGroupRole: {
        const MarkerGroups badgeGroups = m_filter ? m_filter->badgeGroups() : HeapGroups;
        for (MarkerGroup g : AllMarkerGroups) {
            if ((badgeGroups & groupBit(g)) && c.perGroup[static_cast<std::size_t>(g)] > 0)
                return static_cast<int>(g);
        }
        return static_cast<int>(MarkerGroup::Moved);
    }
    default:
        break;
    }
    return {};
}

QString ModuleTreeModel::toolTip(int nodeIndex) const
{
    const ModuleFolderNode& n = m_folder->nodes()[static_cast<std::size_t>(nodeIndex)];
    const Counts& c = m_counts[static_cast<std::size_t>(nodeIndex)];
    QString text
        = QStringLiteral("<b>%1</b>").arg((n.relativePath.isEmpty() ? n.path : n.relativePath).toHtmlEscaped());
    if (!m_snapshot->index) {
        text += QStringLiteral("<br>") + tr("No report loaded");
        return text;
    }
    QStringList parts;
    for (MarkerGroup g : AllMarkerGroups) {
        if (const int count = c.perGroup[static_cast<std::size_t>(g)])
            parts << QStringLiteral("%1 × %2").arg(count).arg(markerGroupLabel(g).toLower());
    }
    text += QStringLiteral("<br>") + (parts.isEmpty() ? tr("No findings shown") : parts.join(QStringLiteral("<br>")));
    // The badge counts only the heap allocations when the filter shows some (badgeGroups), so it can be
    // less than the findings list's count for the same file: say which it is.
    if (c.badge > 0 && c.badge != c.shown && m_filter) {
        QStringList counted;
        for (MarkerGroup g : AllMarkerGroups) {
            if (m_filter->badgeGroups() & groupBit(g))
                counted << markerGroupLabel(g).toLower();
        }
        text += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("The badge counts %1 (%2) of the %3 findings shown.")
                             .arg(counted.join(tr(" and ")))
                             .arg(c.badge)
                             .arg(c.shown));
    }
    if (m_comparison && c.changes != std::array<int, 3> {}) {
        text += QStringLiteral("<br><br>")
            + tr("Compared with the other report: %1 new in B, %2 gone, %3 changed")
                  .arg(c.changes[0])
                  .arg(c.changes[1])
                  .arg(c.changes[2]);
    }
    if (m_snapshot->allocations && c.allocatedBytes > 0)
        text += QStringLiteral("<br>")
            + tr("%1 allocated by heap findings (heap profile)").arg(allocatedBytesText(c.allocatedBytes));
    return text;
}

QVariant ModuleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Module");
    return {};
}

} // namespace heapsight::gui
