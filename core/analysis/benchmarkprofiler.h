// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/profile/heapprofile.h"
#include "core/toolchain/toolchain.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <optional>

namespace heapsight {

// Which benchmarks of which package to run for a heap profile.
struct BenchmarkRequest {
    QString moduleRoot; // directory holding go.mod; go runs here
    QString package = QStringLiteral("."); // one package: ".", "./store", or an import path
    Toolchain toolchain;
    QString benchmarks = QStringLiteral("."); // -bench regular expression
    QString benchtime; // -benchtime ("1s", "1000x"); empty: go's default
    int timeoutSeconds = 0; // 0: no limit
};

struct BenchmarkResult {
    enum class State { Ok, Failed, Cancelled, TimedOut };
    State state = State::Ok;
    std::shared_ptr<const HeapProfile> profile; // set when state is Ok
    QByteArray profileData; // the profile file's bytes as go wrote them (to save, or to hand to pprof)
    QString errorText; // what went wrong, for the user
    QString output; // what go test printed (stdout and stderr)
    QStringList commandLine;
    qint64 elapsedMs = 0;
};

// Runs `go test -run '^$' -bench … -benchmem -memprofile` for one package, asynchronously, and reads
// the heap profile it writes. The module folder is only read: the test binary (-o), the profile
// (-outputdir) and go's scratch space (GOTMPDIR) live in a private temporary directory that is removed
// afterwards. Cancel kills go, the compilers and the test binary at once (their own process group).
class BenchmarkProfiler : public QObject {
    Q_OBJECT

public:
    explicit BenchmarkProfiler(QObject* parent = nullptr);
    ~BenchmarkProfiler() override;

    // Starting a new run cancels the one in progress.
    void start(const BenchmarkRequest& request);
    void cancel();
    bool isRunning() const { return m_process != nullptr || m_reading.isRunning(); }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }

    // The go test command for `request` with the profile and binary in `tempDir` (testable as data).
    static QStringList arguments(const BenchmarkRequest& request, const QString& tempDir);

Q_SIGNALS:
    // A benchmark finished: its name and the line go test printed for it.
    void benchmarkFinished(const QString& name, const QString& line);
    void finished(const heapsight::BenchmarkResult& result);

private:
    void onOutput();
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void onProfileRead();
    void onTimeout();
    void killProcess();
    void finish(BenchmarkResult result);

    BenchmarkRequest m_request;
    std::shared_ptr<QTemporaryDir> m_temp;
    QProcess* m_process = nullptr;
    QByteArray m_output;
    qsizetype m_scanned = 0;
    QStringList m_commandLine;
    QElapsedTimer m_clock;
    QTimer* m_timeout = nullptr;
    struct Read {
        QByteArray bytes;
        std::optional<HeapProfile> profile;
        QString error;
    };
    QFutureWatcher<Read> m_reading;
    quint64 m_generation = 0;
};

} // namespace heapsight

Q_DECLARE_METATYPE(heapsight::BenchmarkResult)
