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
    if (request.loopvarReport && request.toolchain.hasLoopvarReport() && language >= QVersionNumber(1, 22))
        flags << QStringLiteral("-d=loopvar=2");
    const QString value = flags.join(QLatin1Char(' '));
    return request.includeDependencies ? QStringLiteral("all=") + value : value;
}

namespace {

QStringList modFileArguments(const GoCommandPaths& paths)
{
    return paths.modFile.isEmpty() ? QStringList() : QStringList { QStringLiteral("-modfile=") + paths.modFile };
}

} // namespace

GoCommand goListCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths)
{
    GoCommand c;
    c.program = request.toolchain.goBinary;
    c.arguments << QStringLiteral("list") << QStringLiteral("-e") << modFileArguments(paths)
                << QStringLiteral("-f={{.ImportPath}}") << request.packages;
    c.environment = goEnvironment(request, paths);
    c.workingDirectory = module.root;
    return c;
}

GoCommand goBuildCommand(const AnalysisRequest& request, const ModuleInfo& module, const GoCommandPaths& paths)
{
    GoCommand c;
    c.program = request.toolchain.goBinary;
    // -o to the null device (which go special-cases for any number of packages): a build of a main
    // package would otherwise drop its binary into the module.
    c.arguments << QStringLiteral("build") << QStringLiteral("-o") << QProcess::nullDevice()
                << modFileArguments(paths) << QStringLiteral("-gcflags=") + gcflagsFor(request, module, paths)
                << request.packages;
    c.environment = goEnvironment(request, paths);
    c.workingDirectory = module.root;
    return c;
}

} // namespace heapsight
