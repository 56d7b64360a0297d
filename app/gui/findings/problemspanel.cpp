// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findings/problemspanel.h"

#include <QIcon>

namespace heapsight::gui {

void DiagnosticsModel::setDiagnostics(const QList<Diagnostic>& diagnostics, const QString& summary)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    // A failure without any line of its own (go.mod requires a newer go, go not found) still says why.
    if (m_diagnostics.isEmpty() && !summary.isEmpty())
        m_diagnostics << Diagnostic { {}, 0, 0, summary };
    endResetModel();
}

void DiagnosticsModel::setAssertionProblems(const QList<AssertionProblem>& problems)
{
    beginResetModel();
    m_assertions = problems;
    endResetModel();
}

const Diagnostic* DiagnosticsModel::diagnostic(int row) const
{
    if (row >= 0 && row < m_diagnostics.size())
        return &m_diagnostics[row];
    row -= static_cast<int>(m_diagnostics.size());
    return row >= 0 && row < m_assertions.size() ? &m_assertions[row].at : nullptr;
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size() + m_assertions.size());
}

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const
{
    const Diagnostic* d = checkIndex(index, CheckIndexOption::IndexIsValid) ? diagnostic(index.row()) : nullptr;
    if (!d)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (d->file.isEmpty())
            return d->message;
        return d->column > 0 ? QStringLiteral("%1:%2:%3: %4").arg(d->file).arg(d->line).arg(d->column).arg(d->message)
                             : QStringLiteral("%1:%2: %3").arg(d->file).arg(d->line).arg(d->message);
    case Qt::DecorationRole:
        return QIcon::fromTheme(QStringLiteral("dialog-error"));
    case Qt::ToolTipRole:
        if (index.row() >= m_diagnostics.size())
            return m_assertions[index.row() - m_diagnostics.size()].details;
        return d->message;
    default:
        return {};
    }
}

ProblemsPanel::ProblemsPanel(QWidget* parent)
    : QListView(parent)
    , m_model(new DiagnosticsModel(this))
{
    setObjectName(QStringLiteral("problemsPanel"));
    setModel(m_model);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    connect(this, &QListView::activated, this, [this](const QModelIndex& index) {
        const Diagnostic* d = m_model->diagnostic(index.row());
        if (d && !d->file.isEmpty())
            Q_EMIT positionActivated(d->file, d->line, d->column);
    });
}

} // namespace heapsight::gui
