// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "benchmarkprofiler.h"

#include "core/io/processgroup.h"
#include "core/profile/heapprofilereader.h"
#include "gocommand.h"

#include <QDir>
#include <QFile>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight {

namespace {

const QString kProfileName = QStringLiteral("mem.out");

} // namespace

BenchmarkProfiler::BenchmarkProfiler(QObject* parent)
    : QObject(parent)
    , m_timeout(new QTimer(this))
{
    qRegisterMetaType<heapsight::BenchmarkResult>();
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &BenchmarkProfiler::onTimeout);
    connect(&m_reading, &QFutureWatcher<Read>::finished, this, &BenchmarkProfiler::onProfileRead);
}

BenchmarkProfiler::~BenchmarkProfiler()
{
    killProcess();
    m_reading.waitForFinished();
}

QStringList BenchmarkProfiler::arguments(const BenchmarkRequest& request, const QString& tempDir)
{
    QStringList args { QStringLiteral("test"), QStringLiteral("-run"), QStringLiteral("^$"), QStringLiteral("-bench"),
        request.benchmarks, QStringLiteral("-benchmem") };
    if (!request.benchtime.isEmpty())
        args << QStringLiteral("-benchtime") << request.benchtime;
    // -outputdir: where the profile goes (relative names are resolved there); -o: the test binary, which
    // go test otherwise leaves in the current directory whenever a profile is written.
    args << QStringLiteral("-memprofile") << kProfileName << QStringLiteral("-outputdir") << tempDir
         << QStringLiteral("-o") << QDir(tempDir).filePath(QStringLiteral("bench.test")) << request.package;
    return args;
}

void BenchmarkProfiler::start(const BenchmarkRequest& request)
{
    cancel();
    ++m_generation;
    m_request = request;
    m_output.clear();
    m_scanned = 0;
    m_clock.start();
    m_temp = std::make_shared<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/heapsight-bench-XXXXXX"));
    if (!m_temp->isValid()) {
        BenchmarkResult r;
        r.state = BenchmarkResult::State::Failed;
        r.errorText = tr("cannot create a temporary directory: %1").arg(m_temp->errorString());
        QMetaObject::invokeMethod(
            this,
            [this, r, g = m_generation] {
                if (g == m_generation)
                    finish(r);
            },
            Qt::QueuedConnection);
        return;
    }
    AnalysisRequest environmentOf;
    environmentOf.toolchain = request.toolchain;
    m_process = new QProcess(this);
    m_process->setProgram(request.toolchain.goBinary);
    m_process->setArguments(arguments(request, m_temp->path()));
    m_process->setProcessEnvironment(goEnvironment(environmentOf, GoCommandPaths { m_temp->path(), {}, {} }));
    m_process->setWorkingDirectory(request.moduleRoot);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    startInOwnProcessGroup(*m_process); // cancel kills go with the compilers and the test binary
    m_commandLine = QStringList { m_process->program() } + m_process->arguments();
    connect(m_process, &QProcess::readyReadStandardOutput, this, &BenchmarkProfiler::onOutput);
    connect(m_process, &QProcess::finished, this, &BenchmarkProfiler::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, &BenchmarkProfiler::onProcessError);
    if (request.timeoutSeconds > 0)
        m_timeout->start(request.timeoutSeconds * 1000);
    m_process->start();
}

void BenchmarkProfiler::onOutput()
{
    if (!m_process)
        return;
    m_output += m_process->readAllStandardOutput();
    while (m_scanned < m_output.size()) {
        const qsizetype nl = m_output.indexOf('\n', m_scanned);
        if (nl < 0)
            break;
        const QString line = QString::fromUtf8(m_output.constData() + m_scanned, nl - m_scanned);
        m_scanned = nl + 1;
        // "BenchmarkSquares-2   4116289   290.6 ns/op   512 B/op   1 allocs/op"
        if (line.startsWith(QLatin1String("Benchmark")) && line.contains(QLatin1String("ns/op")))
            Q_EMIT benchmarkFinished(line.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty), line);
    }
}

void BenchmarkProfiler::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_process)
        return;
    onOutput();
    m_process->deleteLater();
    m_process = nullptr;
    if (status == QProcess::CrashExit || exitCode != 0) {
        BenchmarkResult r;
        r.state = BenchmarkResult::State::Failed;
        r.errorText
            = status == QProcess::CrashExit ? tr("go test crashed") : tr("go test failed (exit code %1)").arg(exitCode);
        finish(std::move(r));
        return;
    }
    const QString path = QDir(m_temp->path()).filePath(kProfileName);
    m_reading.setFuture(QtConcurrent::run([path, keepAlive = m_temp]() {
        Read read;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            read.error = file.errorString();
            return read;
        }
        read.bytes = file.readAll();
        read.profile = HeapProfileReader::read(read.bytes, &read.error);
        return read;
    }));
}

void BenchmarkProfiler::onProfileRead()
{
    if (m_process)
        return; // a newer run started meanwhile; its own read follows
    Read read = m_reading.result();
    BenchmarkResult r;
    if (read.profile) {
        r.profile = std::make_shared<const HeapProfile>(std::move(*read.profile));
        r.profileData = std::move(read.bytes);
    } else {
        r.state = BenchmarkResult::State::Failed;
        r.errorText = tr("go test ran, but its profile cannot be read: %1").arg(read.error);
    }
    finish(std::move(r));
}

void BenchmarkProfiler::onProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return; // crashes and kills arrive as finished()
    BenchmarkResult r;
    r.state = BenchmarkResult::State::Failed;
    r.errorText = tr("cannot start %1: %2").arg(m_request.toolchain.goBinary, m_process->errorString());
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    finish(std::move(r));
}

void BenchmarkProfiler::onTimeout()
{
    if (!m_process)
        return;
    killProcess();
    BenchmarkResult r;
    r.state = BenchmarkResult::State::TimedOut;
    r.errorText = tr("go test did not finish in %1 s").arg(m_request.timeoutSeconds);
    finish(std::move(r));
}

void BenchmarkProfiler::cancel()
{
    if (!m_process)
        return;
    killProcess();
    BenchmarkResult r;
    r.state = BenchmarkResult::State::Cancelled;
    r.errorText = tr("cancelled");
    finish(std::move(r));
}

void BenchmarkProfiler::killProcess()
{
    killProcessGroup(m_process, this);
    m_process = nullptr;
}

void BenchmarkProfiler::finish(BenchmarkResult result)
{
    m_timeout->stop();
    result.output = QString::fromUtf8(m_output);
    result.commandLine = m_commandLine;
    result.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_output.clear();
    m_temp.reset(); // removes the binary and the profile (the read task holds its own reference)
    Q_EMIT finished(result);
}

} // namespace heapsight
