// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "analysisrequest.h"
#include "analysisresultbuilder.h"
#include "gocommand.h"
#include "outputparsestream.h"
#include "resultcache.h"

#include <QElapsedTimer>
#include <QFutureSynchronizer>
#include <QFutureWatcher>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <optional>

namespace heapsight {

// Runs one escape analysis of a module with a real toolchain, asynchronously: cache look-up (off the
// calling thread), `go list` for the package count, `go build -gcflags=-m=2 …` with progress from the
// `# pkg` headers and its output parsed while it prints, then logopt merging, all off the calling thread. One run at a
// time; starting a new one cancels the old. The module folder is only read: build products, logopt files, go.mod copies
// and the go command's scratch space all live in a private temporary directory.
class AnalysisRunner : public QObject {
    Q_OBJECT

public:
    static constexpr std::uint64_t kMaxCachedUnknownLines = 10000;

    explicit AnalysisRunner(QObject* parent = nullptr);
    ~AnalysisRunner() override;

    void setCache(std::optional<ResultCache> cache) { m_cache = std::move(cache); }
    void start(AnalysisRequest request);
    // Kills the whole go process tree at once; `finished` follows with AnalysisState::Cancelled.
    void cancel();
    bool isRunning() const { return m_stage != Stage::Idle; }
    // The process id of the running go command (0 when none): tests check that nothing survives cancel.
    qint64 processId() const;

Q_SIGNALS:
    void stageChanged(const QString& description);
    void progressChanged(int done, int total, const QString& package); // total 0: not known yet
    void finished(const heapsight::AnalysisResult& result);

private:
    enum class Stage { Idle, CheckingCache, Listing, Building, Parsing };
    struct CacheProbe {
        QString key;
        // Shared, not held: the watcher hands out copies of the probe (a copy of a std report took 0.1 s).
        std::shared_ptr<const Report> report;
        QString error;
        QString damaged; // why an entry that was there could not be used (it was removed)
        QByteArray goList; // the cached run's go list output
    };

    void onCacheChecked();
    void startList();
    void onListFinished();
    void startBuild();
    void onBuildOutput();
    void onBuildFinished(int exitCode, QProcess::ExitStatus status);
    void onBuildError(QProcess::ProcessError error);
    void finishParsing(AnalysisResultBuilder::Input input);
    void onStreamParsed();
    void onParsed();
    void onTimeout();
    void finish(AnalysisResult result);
    AnalysisResultBuilder::Input resultInput(int exitCode) const;
    // Stops the run now (cancel, time limit): kills go's process group, then reports `state`.
    void abort(AnalysisState state);
    AnalysisResult stoppedResult(AnalysisState state, std::shared_ptr<const Report> report) const;
    QProcess* newProcess(const GoCommand& command);
    void killProcess();

    Stage m_stage = Stage::Idle;
    quint64 m_generation = 0;
    AnalysisRequest m_request;
    ModuleInfo m_module;
    GoCommandPaths m_paths;
    // Shared with the parsing task, which reads the logopt files inside it: the last owner removes it.
    std::shared_ptr<QTemporaryDir> m_temp;
    QProcess* m_process = nullptr;
    // go build's output is parsed as it arrives; only its last, unfinished line is kept here, to count
    // the `# pkg` headers for progress.
    std::unique_ptr<OutputParseStream> m_stream;
    QByteArray m_lineTail;
    int m_packagesDone = 0;
    int m_packagesTotal = 0;
    QString m_listError;
    ModulePackages m_listed; // what `go list` printed (empty for a splice)
    QByteArray m_listOutput; // the same, as printed, for the result cache
    QString m_cacheKey;
    bool m_languageOverridden = false;
    std::optional<AnalysisState> m_stopped; // set once the run was cancelled or timed out
    std::optional<ResultCache> m_cache;
    QElapsedTimer m_clock;
    QTimer m_timeout;
    QFutureWatcher<CacheProbe> m_cacheWatcher;
    QFutureWatcher<std::shared_ptr<Report>> m_streamWatcher;
    AnalysisResultBuilder::Input m_parsedInput; // what the build step gets once the stream is parsed
    QFutureWatcher<AnalysisResult> m_parseWatcher;
    QFutureSynchronizer<void> m_stores; // cache writes in flight
};

} // namespace heapsight
