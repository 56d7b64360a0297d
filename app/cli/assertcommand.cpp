// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "assertcommand.h"

#include "blockinganalysis.h"
#include "core/assert/assertexport.h"
#include "core/assert/assertsources.h"
#include "core/diff/diffexport.h"
#include "diffoutput.h"
#include "qtext.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

namespace {

void printJsonDocument(const nlohmann::json& doc)
{
    std::cout << doc.dump(1, '\t', false, nlohmann::json::error_handler_t::replace) << '\n';
}

bool wantsBoundsChecks(const AssertSources& read)
{
    for (const AssertSource& s : read.sources) {
        for (const AssertDirective& d : s.directives) {
            if (d.check == AssertCheck::BoundsCheck)
                return true;
        }
    }
    return false;
}

} // namespace

int runAssertCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check the assertion directives in a module's Go comments."));
    parser.addPositionalArgument(QStringLiteral("assert"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("A directory inside the Go module."));
    const QCommandLineOption toolchainOption(QStringLiteral("toolchain"),
        QStringLiteral("go1.22, 1.22, go1.22.12 or a path to a go binary (default: newest found)."),
        QStringLiteral("version"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print every assertion as JSON."));
    const QCommandLineOption sarifOption(
        QStringLiteral("sarif"), QStringLiteral("Print the broken assertions as SARIF 2.1.0."));
    const QCommandLineOption testsOption(
        QStringLiteral("tests"), QStringLiteral("Compile the tests too (go test -c) and read _test.go files."));
    const QCommandLineOption allowUnknownOption(QStringLiteral("allow-unknown"),
        QStringLiteral("Decide even when the analysis has lines not understood (otherwise exit 3)."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds."), QStringLiteral("seconds"));
    for (const auto* o :
        { &toolchainOption, &jsonOption, &sarifOption, &testsOption, &allowUnknownOption, &timeoutOption })
        parser.addOption(*o);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 2 || (parser.isSet(jsonOption) && parser.isSet(sarifOption))) {
        err << "heapsight-cli: usage: heapsight-cli assert DIR [--toolchain go1.22] [--json|--sarif] [--tests]\n";
        return 2;
    }
    QString error;
    const std::optional<ModuleInfo> module = locateModule(parser.positionalArguments().at(1), &error);
    if (!module) {
        err << "heapsight-cli: " << error << '\n';
        return 2;
    }
    const bool tests = parser.isSet(testsOption);
    const AssertSources read = readAssertSources(module->root, tests);
    for (const DirectiveError& e : read.errors)
        err << "heapsight-cli: " << q(e.file) << ':' << e.line << ':' << e.column << ": " << q(e.message) << '\n';
    if (!read.errors.empty())
        return 2;

    std::vector<AssertOutcome> outcomes;
    AssertContext context { nullptr, module->root.toStdString(), {}, HEAPSIGHT_VERSION, {} };
    AnalysisResult result;
    if (read.directiveCount() > 0) {
        const std::optional<Toolchain> toolchain = chooseToolchain(parser.value(toolchainOption), err);
        if (!toolchain)
            return 2;
        AnalysisRequest request;
        request.directory = module->root;
        request.toolchain = *toolchain;
        request.includeTests = tests;
        request.collectLogopt = false; // the text output has all the verdicts an assertion is about
        request.boundsCheckReport = wantsBoundsChecks(read);
        request.timeoutSeconds = parser.value(timeoutOption).toInt();
        result = runAnalysis(request, err);
        if (!result.report || result.state != AnalysisState::Ok) {
            // A package that does not compile cannot be asserted on: bad input, not a broken assertion.
            err << "heapsight-cli: " << analysisStateName(result.state) << ":\n" << result.errorText << '\n';
            return 2;
        }
        context.report = result.report.get();
        context.toolchain = toolchain->version.toStdString();
        outcomes = checkAssertions(*result.report, read.sources, context.moduleRoot);
        if (std::string w = understandingWarning(*result.report, "the analysis"); !w.empty())
            context.warnings.push_back(std::move(w));
    }
    // An analysis the parser did not fully read may lack the very verdict that breaks an assertion.
    const bool refused = !parser.isSet(allowUnknownOption) && !context.warnings.empty();
    printWarnings(context.warnings, refused, err);
    std::size_t broken = 0;
    for (const AssertOutcome& o : outcomes)
        broken += o.holds() ? 0 : 1;

    const Report none; // no directive: nothing was analysed
    if (!context.report)
        context.report = &none;
    if (parser.isSet(sarifOption))
        printJsonDocument(assertionsToSarif(outcomes, context));
    else if (parser.isSet(jsonOption))
        printJsonDocument(assertionsToJson(outcomes, context));
    else {
        QTextStream out(stdout);
        for (const AssertOutcome& o : outcomes) {
            for (const AssertViolation& v : o.violations) {
                for (const std::string& line : violationText(*context.report, o, v))
                    out << q(line) << '\n';
            }
        }
        std::size_t uncompiled = 0;
        for (const AssertOutcome& o : outcomes)
            uncompiled += o.compiled ? 0 : 1;
        out << outcomes.size() << " assertion" << (outcomes.size() == 1 ? "" : "s") << ", " << broken << " broken";
        if (!context.toolchain.empty())
            out << " (" << q(context.toolchain) << ')';
        if (uncompiled > 0)
            out << "; " << uncompiled << " in files this build did not compile";
        out << '\n';
    }
    if (refused)
        return ExitNotUnderstood;
    return broken > 0 ? 1 : 0;
}

} // namespace heapsight::cli
