// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "source/assertionmark.h"

#include <QAbstractListModel>
#include <QListView>

namespace heapsight::gui {

// The compiler's and go's errors of the last analysis, one row each, then the broken assertions.
class DiagnosticsModel : public QAbstractListModel {
    Q_OBJECT

public:
    using QAbstractListModel::QAbstractListModel;
    void setDiagnostics(const QList<Diagnostic>& diagnostics, const QString& summary);
    void setAssertionProblems(const QList<AssertionProblem>& problems);
    const Diagnostic* diagnostic(int row) const;
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<Diagnostic> m_diagnostics;
    QList<AssertionProblem> m_assertions;
};

// The list of problems; activating one with a position asks to open it.
class ProblemsPanel : public QListView {
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget* parent = nullptr);
    DiagnosticsModel* model() const { return m_model; }

Q_SIGNALS:
    void positionActivated(const QString& file, int line, int column);

private:
    DiagnosticsModel* m_model;
};

} // namespace heapsight::gui
