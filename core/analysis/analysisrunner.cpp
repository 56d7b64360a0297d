// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "analysisrunner.h"

#include "analysislog.h"
#include "analysisresultbuilder.h"
#include "core/io/processgroup.h"
#include "core/model/reportsplice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight {

AnalysisRunner::AnalysisRunner(QObject* parent)
    : QObject(parent)
    , m_cache(ResultCache())
{
    qRegisterMetaType<heapsight::AnalysisResult>();
    m_timeout.setSingleShot(true);
    // A coarse timer may fire 5 % early: a run limited to 600 s would be killed at 570 s.
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, &AnalysisRunner::onTimeout);
    connect(&m_cacheWatcher, &QFutureWatcher<CacheProbe>::finished, this, &AnalysisRunner::onCacheChecked);
    connect(
        &m_streamWatcher, &QFutureWatcher<std::shared_ptr<Report>>::finished, this, &AnalysisRunner::onStreamParsed);
    connect(&m_parseWatcher, &QFutureWatcher<AnalysisResult>::finished, this, &AnalysisRunner::onParsed);
}

AnalysisRunner::~AnalysisRunner()
{
    killProcess();
    // Background work holds copies of what it needs; wait so no thread outlives the runner's temp dir.
    m_cacheWatcher.waitForFinished();
    m_streamWatcher.waitForFinished();
    m_parseWatcher.waitForFinished();
    m_stores.waitForFinished();
}

qint64 AnalysisRunner::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void AnalysisRunner::start(AnalysisRequest request)
{
    if (isRunning())
        abort(AnalysisState::Cancelled);
    ++m_generation;
    m_request = std::move(request);
    m_clock.start();
    m_stream.reset();
    m_cacheKey.clear(); // a run without the cache must not store under the last run's key
    m_lineTail.clear();
    m_packagesDone = m_packagesTotal = 0;
    m_listError.clear();
    m_listed = {};
    m_listOutput.clear();
    m_languageOverridden = false;
    m_stopped.reset();

    QString error;
    const auto module = locateModule(m_request.directory, &error);
    if (!module) {
        AnalysisResult r;
        r.state = AnalysisState::ToolchainFailed;
        r.errorText = error;
        m_stage = Stage::Parsing; // so finish() reports it
        finish(std::move(r));
        return;
    }
    m_module = *module;
    if (m_request.timeoutSeconds > 0)
        m_timeout.start(m_request.timeoutSeconds * 1000);
    if (m_request.useCache && m_cache && !m_request.spliceBase) {
        m_stage = Stage::CheckingCache;
        Q_EMIT stageChanged(tr("Checking the result cache"));
        const AnalysisRequest req = m_request;
        const ModuleInfo mod = m_module;
        const ResultCache cache = *m_cache;
        m_cacheWatcher.setFuture(QtConcurrent::run([req, mod, cache, pending = m_stores.futures()]() {
            // The previous run's report may still be on its way into the cache.
            for (QFuture<void> store : pending)
                store.waitForFinished();
            CacheProbe probe;
            const QString fingerprint = cache.fingerprint(mod, &probe.error);
            if (fingerprint.isEmpty())
                return probe;
            probe.key = ResultCache::key(req, mod, fingerprint);
            const bool present = QFileInfo::exists(cache.pathFor(probe.key));
            QString why;
            if (std::optional<Report> report = cache.load(probe.key, &why, &probe.goList))
                probe.report = std::make_shared<const Report>(std::move(*report));
            else if (present)
                probe.damaged = why;
            return probe;
        }));
        return;
    }
    startList();
}

void AnalysisRunner::onCacheChecked()
{
    if (m_stage != Stage::CheckingCache)
        return; // cancelled meanwhile
    CacheProbe probe = m_cacheWatcher.result();
    m_cacheKey = probe.key;
    qCDebug(lcAnalysis) << "result cache" << probe.key.left(12)
                        << (probe.report                     ? "hit"
                                   : probe.damaged.isEmpty() ? "miss"
                                                             : "damaged:")
                        << probe.damaged;
    if (!probe.damaged.isEmpty())
        Q_EMIT stageChanged(tr("Cached result unusable (%1): analysing again").arg(probe.damaged));
    if (probe.report) {
        AnalysisResult r;
        r.module = m_module;
        r.fromCache = true;
        r.packages = ModulePackages::fromGoList(probe.goList);
        r.languageOverridden = !m_request.languageVersion.isEmpty() && m_request.languageVersion != m_module.goVersion;
        r.report = std::move(probe.report);
        finish(std::move(r));
        return;
    }
    startList();
}

QProcess* AnalysisRunner::newProcess(const GoCommand& command)
{
    auto* p = new QProcess(this);
    p->setProgram(command.program);
    p->setArguments(command.arguments);
    p->setProcessEnvironment(command.environment);
    p->setWorkingDirectory(command.workingDirectory);
    p->setStandardInputFile(QProcess::nullDevice());
    startInOwnProcessGroup(*p); // so cancel can kill go together with the compile processes it started
    qCDebug(lcAnalysis).noquote() << "running" << command.program << command.arguments.join(QLatin1Char(' ')) << "in"
                                  << command.workingDirectory;
    return p;
}

void AnalysisRunner::startList()
{
    m_temp = std::make_shared<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/heapsight-XXXXXX"));
    if (!m_temp->isValid()) {
        AnalysisResult r;
        r.state = AnalysisState::ToolchainFailed;
        r.errorText = tr("cannot create a temporary directory: %1").arg(m_temp->errorString());
        finish(std::move(r));
        return;
    }
    m_paths = GoCommandPaths { m_temp->path(), {}, {} };
    if (m_request.collectLogopt) {
        m_paths.logoptDir = m_temp->filePath(QStringLiteral("logopt"));
        QDir().mkpath(m_paths.logoptDir);
    }
    const bool override = !m_request.languageVersion.isEmpty() && m_request.languageVersion != m_module.goVersion;
    if (override || m_request.allowModuleUpdates) {
        // A copy of go.mod (and go.sum beside it) is what go reads and, with -mod=mod, writes.
        QFile mod(m_module.goModPath);
        QByteArray text = mod.open(QIODevice::ReadOnly) ? mod.readAll() : QByteArray();
        if (override)
            text = goModWithLanguageVersion(text, m_request.languageVersion);
        m_paths.modFile = m_temp->filePath(QStringLiteral("go.mod"));
        QFile out(m_paths.modFile);
        if (out.open(QIODevice::WriteOnly))
            out.write(text);
        const QString sum = QFileInfo(m_module.goModPath).dir().filePath(QStringLiteral("go.sum"));
        if (QFile::exists(sum))
            QFile::copy(sum, m_temp->filePath(QStringLiteral("go.sum")));
        m_languageOverridden = override;
    }
    if (m_request.spliceBase) {
        qCDebug(lcAnalysis) << "splicing" << m_request.packages << "into the last complete analysis";
        // A live run's packages are known (ModulePackages::affectedBy): no `go list`, the fixed cost of a run.
        m_packagesTotal = static_cast<int>(m_request.packages.size());
        startBuild();
        return;
    }
    m_stage = Stage::Listing;
    Q_EMIT stageChanged(tr("Listing packages"));
    Q_EMIT progressChanged(0, 0, {});
    m_process = newProcess(goListCommand(m_request, m_module, m_paths));
    connect(m_process, &QProcess::finished, this, &AnalysisRunner::onListFinished);
    connect(m_process, &QProcess::errorOccurred, this, &AnalysisRunner::onBuildError);
    m_process->start();
}

void AnalysisRunner::onListFinished()
{
    if (m_stage != Stage::Listing)
        return;
    const QByteArray out = m_process->readAllStandardOutput();
    if (m_process->exitCode() != 0)
        m_listError = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    m_process->deleteLater();
    m_process = nullptr;
    m_listed = ModulePackages::fromGoList(out);
    m_listOutput = out;
    m_packagesTotal = m_listed.expectedHeaders();
    startBuild();
}

void AnalysisRunner::startBuild()
{
    m_stage = Stage::Building;
    Q_EMIT stageChanged(m_request.includeTests
            ? tr("Compiling with %1, tests included").arg(m_request.toolchain.version)
            : tr("Compiling with %1").arg(m_request.toolchain.version));
    Q_EMIT progressChanged(0, m_packagesTotal, {});
    const GoCommand command = goAnalysisCommand(m_request, m_module, m_paths);
    m_stream = std::make_unique<OutputParseStream>(AnalysisResultBuilder::origin(resultInput(0)));
    m_lineTail.clear();
    m_process = newProcess(command);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardError, this, &AnalysisRunner::onBuildOutput);
    connect(m_process, &QProcess::finished, this, &AnalysisRunner::onBuildFinished);
    connect(m_process, &QProcess::errorOccurred, this, &AnalysisRunner::onBuildError);
    m_process->start();
}

AnalysisResultBuilder::Input AnalysisRunner::resultInput(int exitCode) const
{
    return { {}, m_paths.logoptDir, m_module, m_request, m_listError, exitCode, m_languageOverridden };
}

void AnalysisRunner::onBuildOutput()
{
    if (!m_process)
        return;
    const QByteArray bytes = m_process->readAllStandardError();
    m_stream->append(bytes);
    // Count `# pkg` headers at line starts, in the new bytes and the line they complete.
    const QByteArray text = m_lineTail + bytes;
    QString last;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype nl = text.indexOf('\n', i);
        if (nl < 0)
            break;
        if (text.at(i) == '#' && i + 1 < nl && text.at(i + 1) == ' ') {
            ++m_packagesDone;
            last = QString::fromUtf8(text.constData() + i + 2, nl - i - 2);
        }
        i = nl + 1;
    }
    m_lineTail = text.mid(i);
    if (!last.isEmpty())
        Q_EMIT progressChanged(m_packagesDone, std::max(m_packagesTotal, m_packagesDone), last);
}

void AnalysisRunner::onBuildFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stage != Stage::Building)
        return;
    onBuildOutput();
    m_process->deleteLater();
    m_process = nullptr;
    m_stage = Stage::Parsing;
    Q_EMIT stageChanged(tr("Reading the compiler's output"));
    finishParsing(resultInput(status == QProcess::CrashExit ? -1 : exitCode));
}

// The stream's worker parses the rest of the output; onStreamParsed() then merges logopt files and
// classifies diagnostics on the pool too.
void AnalysisRunner::finishParsing(AnalysisResultBuilder::Input input)
{
    m_parsedInput = std::move(input);
    m_streamWatcher.setFuture(m_stream->finish());
    m_stream.reset();
}

void AnalysisRunner::onStreamParsed()
{
    if (m_stage != Stage::Parsing || m_streamWatcher.future().resultCount() == 0)
        return;
    std::shared_ptr<Report> text = m_streamWatcher.result();
    m_parseWatcher.setFuture(QtConcurrent::run([text, input = m_parsedInput, keepAlive = m_temp] {
        if (const std::shared_ptr<const Report>& base = input.request.spliceBase) {
            std::vector<std::string> rebuilt;
            for (const QString& p : input.request.packages)
                rebuilt.push_back(p.toStdString());
            *text = spliceReport(*base, std::move(*text), rebuilt);
        }
        return AnalysisResultBuilder::build(std::move(*text), input);
    }));
}

void AnalysisRunner::onBuildError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return; // crashes and kills arrive as finished()
    AnalysisResult r;
    r.state = AnalysisState::ToolchainFailed;
    r.module = m_module;
    // Toolchains are found once, at start-up; the binary may have been removed or upgraded away since.
    const QString go = m_request.toolchain.goBinary;
    r.errorText = QFileInfo::exists(go)
        ? tr("cannot start %1: %2").arg(go, m_process->errorString())
        : tr("the toolchain %1 no longer exists (found at start-up; choose another or rediscover)").arg(go);
    r.commandLine = QStringList { m_process->program() } + m_process->arguments();
    m_process->deleteLater();
    m_process = nullptr;
    finish(std::move(r));
}

void AnalysisRunner::onParsed()
{
    if (m_stage != Stage::Parsing)
        return;
    AnalysisResult r = m_parseWatcher.result();
    if (m_stopped) {
        finish(stoppedResult(*m_stopped, r.report));
        return;
    }
    r.commandLine
        = QStringList { m_request.toolchain.goBinary } + goAnalysisCommand(m_request, m_module, m_paths).arguments;
    r.packages = m_listed;
    // A run whose output was mostly something else than escape analysis (a wrapper script, a toolchain gone
    // wrong printing a million lines) is run again next time rather than kept.
    const bool cacheable = r.report && r.report->stats().unknownLines <= kMaxCachedUnknownLines;
    if (r.state == AnalysisState::Ok && cacheable && m_cache && !m_cacheKey.isEmpty()) {
        // The cache keeps a snapshot of the report (CachedRun says why), written off this thread.
        CachedRun run;
        run.origin = AnalysisResultBuilder::origin(m_parsedInput);
        run.report = r.report;
        run.goList = m_listOutput;
        m_stores.addFuture(
            QtConcurrent::run([cache = *m_cache, key = m_cacheKey, run = std::move(run)] { cache.store(key, run); }));
    }
    finish(std::move(r));
}

void AnalysisRunner::onTimeout()
{
    if (isRunning())
        abort(AnalysisState::TimedOut);
}

void AnalysisRunner::cancel()
{
    if (isRunning())
        abort(AnalysisState::Cancelled);
}

void AnalysisRunner::killProcess()
{
    killProcessGroup(m_process, this);
    m_process = nullptr;
}

void AnalysisRunner::abort(AnalysisState state)
{
    const bool building = m_stage == Stage::Building;
    killProcess();
    m_timeout.stop();
    m_stopped = state;
    if (!building || !m_stream || m_stream->bytesAppended() == 0) {
        finish(stoppedResult(state, nullptr));
        return;
    }
    // Keep what the compiler printed before the stop. The stream's workers have parsed most of it
    // already; the rest finishes off this thread like a finished build, and onParsed() reports the stop.
    m_stage = Stage::Parsing;
    Q_EMIT stageChanged(tr("Reading what the compiler printed before it was stopped"));
    AnalysisResultBuilder::Input input = resultInput(0);
    input.logoptDir.clear(); // go was killed mid-write: its logopt files are partial
    finishParsing(std::move(input));
}

AnalysisResult AnalysisRunner::stoppedResult(AnalysisState state, std::shared_ptr<const Report> report) const
{
    AnalysisResult r;
    r.state = state;
    r.module = m_module;
    r.report = std::move(report);
    r.errorText = state == AnalysisState::TimedOut ? tr("timed out after %1 s — killed").arg(m_request.timeoutSeconds)
                                                   : tr("cancelled");
    return r;
}

void AnalysisRunner::finish(AnalysisResult result)
{
    m_timeout.stop();
    m_stage = Stage::Idle;
    result.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (result.module.root.isEmpty())
        result.module = m_module;
    m_temp.reset(); // removes the private directory and everything go wrote there (once parsing let go of it)
    m_stream.reset();
    m_lineTail.clear();
    qCDebug(lcAnalysis).noquote() << "analysis" << analysisStateName(result.state) << "after" << result.elapsedMs
                                  << "ms" << (result.fromCache ? "(from the cache)" : "") << result.errorText;
    Q_EMIT finished(result);
}

} // namespace heapsight
