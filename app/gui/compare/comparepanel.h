// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "compare/compareside.h"
#include "compare/comparison.h"
#include "core/toolchain/toolchain.h"
#include "source/annotationpalette.h"

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace heapsight::gui {

class ChangesModel;
class ChangesProxy;
class ToolchainList;

// The compare view: two reports of the module (side A and side B: recorded compiler output, Heapsight
// JSON, or a run of a toolchain under a language version, made on the spot with progress and Cancel), the
// changes between them as a filterable list, and for the selected change both reason chains side by side.
// Running, parsing and diffing happen off the GUI thread; side A runs first, then side B.
class ComparePanel : public QWidget {
    Q_OBJECT

public:
    // The sides offer runs of the toolchains in `toolchains` (which outlives this), following its changes.
    explicit ComparePanel(ToolchainList* toolchains, QWidget* parent = nullptr);
    ~ComparePanel() override;

    // The module whose reports are compared (relative names in them are relative to it), its go.mod
    // language version, and report files offered in the two choosers.
    void setModule(const QString& moduleRoot, const QString& goModVersion, const QStringList& reportFiles);
    void compareFiles(const QString& pathA, const QString& pathB);
    // Compares two sources; runs that name a toolchain wait for toolchain discovery to end.
    void compare(const CompareSource& a, const CompareSource& b);
    void cancel();
    CompareSide* side(bool sideB) const { return sideB ? m_sourceB : m_sourceA; }

    const std::shared_ptr<const Comparison>& comparison() const { return m_comparison; }
    QTableView* changesView() const { return m_table; }
    ChangesProxy* proxy() const { return m_proxy; }
    QTextBrowser* sideBrowser(bool sideB) const { return sideB ? m_sideB : m_sideA; }
    QString statusText() const;
    // Both reports are being read or compared.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void comparisonChanged(std::shared_ptr<const heapsight::gui::Comparison> comparison);
    // A side could not be read or run, or the user cancelled: nothing was compared.
    void comparisonFailed(const QString& message);
    void positionActivated(const QString& diskPath, int line, int column);

private:
    // Both sides offer these; a comparison waiting for them starts.
    void setToolchains(const std::vector<Toolchain>& toolchains);
    void startSide(CompareSide* side);
    void onSideLoaded();
    void onSideFailed(const QString& message);
    void onProgress(int done, int total, const QString& activity);
    void setBusy(bool busy);
    void onCompared();
    void onCurrentChanged();
    void onActivated(const QModelIndex& index);
    void onLink(const QUrl& url, bool sideB);
    QString sideHtml(const Change& change, bool sideB) const;

    QString m_moduleRoot;
    CompareSide* m_sourceA;
    CompareSide* m_sourceB;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_compareButton;
    QPushButton* m_cancelButton;
    QComboBox* m_kinds;
    QComboBox* m_presets; // recorded comparisons of the bundled sample, hidden for other modules
    ChangesModel* m_model;
    ChangesProxy* m_proxy;
    QTableView* m_table;
    QTextBrowser* m_sideA;
    QTextBrowser* m_sideB;
    std::shared_ptr<const ReportIndex> m_indexA, m_indexB;
    std::shared_ptr<const Comparison> m_comparison;
    QFutureWatcher<std::shared_ptr<const Comparison>> m_diffWatcher;
    AnnotationPalette m_palette;
    bool m_busy = false;
    bool m_waitingForToolchains = false;
    CompareSource m_pendingA, m_pendingB; // what to compare once the toolchains are known
};

} // namespace heapsight::gui
