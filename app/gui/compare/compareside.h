// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/analysis/analysisrunner.h"
#include "core/analysis/gitsnapshot.h"
#include "core/toolchain/toolchain.h"

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <vector>

class QComboBox;
class QStackedWidget;

namespace heapsight::gui {

class ReportIndex;
class ReportLoader;

// Where one side of a comparison comes from: a saved report file, a run of a toolchain on the open
// module under a language version, or a run on the module as it was at a git commit.
struct CompareSource {
    QString reportPath;
    QString toolchain; // a version or its prefix: "go1.22" is the newest go1.22.x found; empty for a commit: newest
    QString languageVersion; // "1.21"; empty: as go.mod says
    QString gitRef; // "HEAD~1", a branch, a tag: the module exported from that commit

    bool isCommit() const { return !gitRef.isEmpty(); }
    bool isRun() const { return !toolchain.isEmpty() || isCommit(); }
    // "go1.22" or "go1.22@1.21" (toolchain @ language version) name a run unless a file of that name
    // exists; "git:REF" or "git:REF@go1.22" names a commit (analysed by the newest or that toolchain);
    // anything else is a report path.
    static CompareSource fromSpec(const QString& spec);
};

// One side of the compare view: chooses its source and produces its ReportIndex, reading the report file
// or running the compiler (progress, cancel) and indexing the result, all off the GUI thread.
class CompareSide : public QWidget {
    Q_OBJECT

public:
    explicit CompareSide(const QString& name, QWidget* parent = nullptr);
    ~CompareSide() override;

    void setModule(const QString& moduleRoot, const QString& goModVersion, const QStringList& reportFiles);
    void setToolchains(const std::vector<Toolchain>& toolchains);
    bool toolchainsKnown() const { return m_toolchainsKnown; }
    // Shows this source in the choosers; false (with the reason) when it names a toolchain not found.
    bool select(const CompareSource& source, QString* error);
    CompareSource source() const;
    const QString& name() const { return m_name; }

    void start();
    void cancel();
    bool isRunning() const;
    AnalysisRunner* runner() { return &m_runner; }

Q_SIGNALS:
    void loaded(std::shared_ptr<const heapsight::gui::ReportIndex> index);
    void failed(const QString& message);
    void progressChanged(int done, int total, const QString& activity);

private:
    QWidget* createReportPage();
    QWidget* createRunPage();
    QWidget* createCommitPage();
    QComboBox* createToolchainBox(QWidget* page);
    void startRun(const QString& directory, const QString& toolchainVersion, const QString& languageVersion);
    void onSnapshotReady();
    void onRunFinished(const AnalysisResult& result);
    int toolchainIndex(const QString& version) const;

    QString m_name;
    QString m_goModVersion; // the module's `go` line, "" when unknown
    QString m_moduleRoot;
    QComboBox* m_kind;
    QStackedWidget* m_pages;
    QComboBox* m_report = nullptr;
    QComboBox* m_toolchain = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_ref = nullptr;
    QComboBox* m_commitToolchain = nullptr;
    std::vector<Toolchain> m_toolchains;
    bool m_toolchainsKnown = false;
    AnalysisRunner m_runner;
    ReportLoader* m_loader;
    QString m_stage;
    // The commit being compared, exported off the GUI thread; kept while its report is shown, since the
    // why panel links into its files.
    struct Export {
        std::shared_ptr<GitSnapshot> snapshot;
        QString error;
    };
    QFutureWatcher<Export> m_exportWatcher;
    std::shared_ptr<GitSnapshot> m_snapshot;
    QString m_commitToolchainVersion;
};

} // namespace heapsight::gui
