// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gocommand.h"

#include <QProcess>
#include <QUrl>

namespace heapsight {

QString analysisStateName(AnalysisState state)
{
    switch (state) {
    case AnalysisState::Ok:
        return QStringLiteral("ok");
    case AnalysisState::CompileErrors:
        return QStringLiteral("compile errors");
    case AnalysisState::ToolchainFailed:
        return QStringLiteral("toolchain failed");
    case AnalysisState::Cancelled:
        return QStringLiteral("cancelled");
    case AnalysisState::TimedOut:
        return QStringLiteral("timed out");
    }
    return {};
}

std::string reportSourceRoot(const AnalysisResult& result)
{
    const std::string& dir = result.report ? result.report->origin().workingDirectory : std::string();
    return dir.empty() ? result.module.root.toStdString() : dir;
}

QProcessEnvironment goEnvironment(const AnalysisRequest& request, const GoCommandPaths& paths)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GOTOOLCHAIN"), QStringLiteral("local"));
    env.insert(QStringLiteral("GOFLAGS"),
        request.allowModuleUpdates ? QStringLiteral("-mod=mod") : QStringLiteral("-mod=readonly"));
    if (request.offline)
        env.insert(QStringLiteral("GOPROXY"), QStringLiteral("off"));
    // The go command's own scratch space ($WORK) goes into our private temp dir too.
    env.insert(QStringLiteral("GOTMPDIR"), paths.tempDir);
    env.remove(QStringLiteral("GOROOT"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return env;
}

QString effectiveLanguageVersion(const AnalysisRequest& request, const ModuleInfo& module)
{
    return request.languageVersion.isEmpty() ? module.goVersion : request.languageVersion;
}

QString gcflagsFor(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths)
{
    QStringList flags { QStringLiteral("-m=2") };
    if (!paths.logoptDir.isEmpty())
        flags << QStringLiteral("-json=0,") + QUrl::fromLocalFile(paths.logoptDir).toString(QUrl::FullyEncoded);
    const QVersionNumber language = QVersionNumber::fromString(effectiveLanguageVersion(request, module));
    // One -d with a comma-separated list: the compiler reads each -d as a whole setting of its debug flags.
    QStringList debug;
    if (request.loopvarReport && request.toolchain.hasLoopvarReport() && language >= QVersionNumber(1, 22))
        debug << QStringLiteral("loopvar=2");
    if (request.boundsCheckReport)
        debug << QStringLiteral("ssa/check_bce/debug=1");
    if (!debug.isEmpty())
        flags << QStringLiteral("-d=") + debug.join(QLatin1Char(','));
    const QString value = flags.join(QLatin1Char(' '));
    return request.includeDependencies ? QStringLiteral("all=") + value : value;
}

namespace {

QStringList modFileArguments(const GoCommandPaths& paths)
{
    return paths.modFile.isEmpty() ? QStringList() : QStringList { QStringLiteral("-modfile=") + paths.modFile };
}

// One go invocation in the module root, with Heapsight's environment: `arguments` after the go binary.
GoCommand goCommand(
    const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths, QStringList arguments)
{
    return { request.toolchain.goBinary, std::move(arguments), goEnvironment(request, paths), module.root };
}

} // namespace

GoCommand goListCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths)
{
    // ModulePackages' format: import path, directory, imports and, with tests, whether the package has tests
    // and external tests (progress counts their headers) and the test files' imports (a live run rebuilds
    // the importers of a changed package).
    const QString format = request.includeTests
        ? QStringLiteral("-f={{.ImportPath}}\t{{.Dir}}\t{{join .Imports \" \"}} {{join .TestImports \" \"}} "
                         "{{join .XTestImports \" \"}}\t{{if or .TestGoFiles .XTestGoFiles}}test{{end}}"
                         "{{if .XTestGoFiles}} xtest{{end}}")
        : QStringLiteral("-f={{.ImportPath}}\t{{.Dir}}\t{{join .Imports \" \"}}\t");
    return goCommand(request, module, paths,
        QStringList { QStringLiteral("list"), QStringLiteral("-e") } + modFileArguments(paths) + QStringList { format }
            + request.packages);
}

GoCommand goBuildCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths)
{
    // -o to the null device (which go special-cases for any number of packages): a build of a main
    // package would otherwise drop its binary into the module.
    return goCommand(request, module, paths,
        QStringList { QStringLiteral("build"), QStringLiteral("-o"), QProcess::nullDevice() } + modFileArguments(paths)
            + QStringList { QStringLiteral("-gcflags=") + gcflagsFor(request, module, paths) } + request.packages);
}

GoCommand goTestCompileCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths)
{
    // -o to the null device, which go special-cases here too: with a directory instead, go refuses a
    // module with two tested packages of one name (a/util, b/util: "cannot write test binary util.test for
    // multiple packages"), and without -o it would write a binary into the module. Nothing is run.
    return goCommand(request, module, paths,
        QStringList { QStringLiteral("test"), QStringLiteral("-c"), QStringLiteral("-o"), QProcess::nullDevice() }
            + modFileArguments(paths) + QStringList { QStringLiteral("-gcflags=") + gcflagsFor(request, module, paths) }
            + request.packages);
}

GoCommand goAnalysisCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths)
{
    return request.includeTests ? goTestCompileCommand(request, module, paths) : goBuildCommand(request, module, paths);
}

} // namespace heapsight
