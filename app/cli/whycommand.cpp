// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "whycommand.h"

#include "blockinganalysis.h"
#include "core/why/whypathbuilder.h"
#include "reportoutput.h"
#include "whyoutput.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <iostream>

namespace heapsight::cli {

namespace {

struct LineArgument {
    QString file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// FILE:LINE[:COL]; the file name may itself contain ':'.
std::optional<LineArgument> parseLineArgument(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(.+?):(\\d+)(?::(\\d+))?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch() || m.captured(2).toUInt() == 0)
        return std::nullopt;
    return LineArgument { m.captured(1), m.captured(2).toUInt(), m.captured(3).toUInt() };
}

} // namespace

int runWhyCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("why"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("A directory inside the Go module."));
    parser.addPositionalArgument(
        QStringLiteral("file:line[:col]"), QStringLiteral("The finding's line, FILE relative to DIR."));
    const QCommandLineOption toolchainOption(QStringLiteral("toolchain"),
        QStringLiteral("go1.22, 1.22, go1.22.12 or a path to a go binary (default: newest found)."),
        QStringLiteral("version"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the paths as JSON."));
    const QCommandLineOption depsOption(QStringLiteral("deps"),
        QStringLiteral("Also analyse the packages outside the module the path calls into (-gcflags=-m=2 PKG)."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds."), QStringLiteral("seconds"));
    for (const auto* o : { &toolchainOption, &jsonOption, &depsOption, &timeoutOption })
        parser.addOption(*o);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    const QStringList pos = parser.positionalArguments();
    const std::optional<LineArgument> where = pos.size() == 3 ? parseLineArgument(pos.at(2)) : std::nullopt;
    if (!where) {
        err << "heapsight-cli: usage: heapsight-cli why DIR FILE:LINE[:COL] [--toolchain go1.22] [--json] [--deps]\n";
        return 2;
    }
    const QFileInfo source(QDir(pos.at(1)).filePath(where->file));
    if (!source.isFile()) {
        err << "heapsight-cli: no such file: " << source.filePath() << '\n';
        return 2;
    }
    const std::optional<Toolchain> toolchain = chooseToolchain(parser.value(toolchainOption), err);
    if (!toolchain)
        return 2;
    AnalysisRequest request;
    request.directory = pos.at(1);
    request.toolchain = *toolchain;
    request.offline = true; // a why path never needs the network; dependencies come from the module cache
    request.timeoutSeconds = parser.value(timeoutOption).toInt();
    const std::optional<AnalysisResult> analysis = runAnalysisWithReport(request, err);
    if (!analysis)
        return 2;
    const AnalysisResult& result = *analysis;

    const std::string file = source.absoluteFilePath().toStdString();
    std::vector<WhyInput> inputs { { result.report, reportSourceRoot(result) } };
    std::vector<WhyPath> paths = WhyPathBuilder(inputs).pathsAt(file, where->line, where->column);
    // --deps: the packages the paths call into but no analysis covers, analysed in rounds (fmt's blocks
    // can call into further packages), the module's own analysis kept and the dependencies' spliced in.
    QStringList analysed;
    for (int round = 0; parser.isSet(depsOption) && round < 3; ++round) {
        QStringList missing = analysed;
        for (const WhyPath& p : paths) {
            for (const std::string& m : p.missingPackages) {
                if (!missing.contains(QString::fromStdString(m)))
                    missing << QString::fromStdString(m);
            }
        }
        if (missing.size() == analysed.size())
            break;
        AnalysisRequest deps = request;
        deps.packages = missing;
        deps.collectLogopt = false;
        err << "analysing " << missing.join(QLatin1Char(' ')) << " for the path…\n";
        const std::optional<AnalysisResult> depResult = runAnalysisWithReport(deps, err);
        if (!depResult)
            return 2;
        analysed = missing;
        inputs.resize(1);
        inputs.push_back({ depResult->report, reportSourceRoot(*depResult) });
        paths = WhyPathBuilder(inputs).pathsAt(file, where->line, where->column);
    }
    if (paths.empty()) {
        err << "heapsight-cli: no heap or leak finding at " << pos.at(2) << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption)) {
        nlohmann::json doc { { "file", where->file.toStdString() }, { "line", where->line },
            { "column", where->column }, { "toolchain", toolchain->version.toStdString() },
            { "moduleRoot", result.module.root.toStdString() }, { "paths", nlohmann::json::array() } };
        for (const WhyPath& p : paths)
            doc["paths"].push_back(whyPathJson(p));
        std::cout << doc.dump(1, '\t', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
        QTextStream out(stdout);
        out << "why " << pos.at(2) << " (" << toolchain->version << ", " << result.module.root << ")\n";
        for (const WhyPath& p : paths)
            printWhyPath(p, out);
    }
    return result.state == AnalysisState::Ok ? 0 : 1;
}

} // namespace heapsight::cli
