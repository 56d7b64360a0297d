// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// heapsight-cli: the headless twin of the desktop app, for scripts and CI.
#include "analyzecommand.h"
#include "assertcommand.h"
#include "baselinecommand.h"
#include "core/io/hugepages.h"
#include "diffcommand.h"
#include "reportcommand.h"
#include "toolchainscommand.h"
#include "whycommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

void printUsage(QTextStream& out)
{
    out << "usage: heapsight-cli COMMAND [options]\n\n"
           "commands:\n"
           "  report FILE|-   summarise go build -gcflags=-m / -m=2 output (--json for the whole model,\n"
           "                  --kinds moved,escapes,... to filter, --profile mem.out --sort alloc to rank\n"
           "                  heap findings by the bytes a Go heap profile says they allocated,\n"
           "                  --html OUT.html [--source-dir DIR]: a self-contained HTML report)\n"
           "  toolchains      list the Go toolchains found on this machine\n"
           "  analyze DIR     run escape analysis on a module (--toolchain go1.22, --lang 1.22, --json,\n"
           "                  --tests: _test.go files too, via go test -c, nothing run;\n"
           "                  --profile mem.out --sort alloc, --html OUT.html)\n"
           "  diff A B        compare two analyses (report files, or --toolchain X --toolchain Y DIR,\n"
           "                  or --against REF DIR: a git commit and the working tree);\n"
           "                  --json, --sarif, --fail-on new-heap\n"
           "  baseline save DIR|FILE -o BASELINE\n"
           "                  record the heap allocations as accepted\n"
           "  check DIR|FILE --baseline BASELINE\n"
           "                  report heap allocations the baseline does not have (--packages PATTERN,\n"
           "                  --json, --sarif); exit 1 when there are any\n"
           "  why DIR FILE:LINE[:COL]\n"
           "                  the path of a heap finding through the callees it is passed to,\n"
           "                  across packages (--toolchain go1.22, --json, --deps: std callees too)\n"
           "  assert DIR      check //heapsight:noescape|inline|bce (and gcassert's, go-escape-lint's)\n"
           "                  directives in the module's comments (--toolchain, --json, --sarif, --tests);\n"
           "                  exit 1 when one is broken\n";
}

} // namespace

int main(int argc, char** argv)
{
    heapsight::useTransparentHugePages(argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("heapsight-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEAPSIGHT_VERSION));
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        printUsage(err);
        return 2;
    }
    const QString command = args.at(1);
    if (command == QLatin1String("report"))
        return heapsight::cli::runReportCommand(args);
    if (command == QLatin1String("toolchains"))
        return heapsight::cli::runToolchainsCommand(args);
    if (command == QLatin1String("analyze"))
        return heapsight::cli::runAnalyzeCommand(args);
    if (command == QLatin1String("diff"))
        return heapsight::cli::runDiffCommand(args);
    if (command == QLatin1String("baseline"))
        return heapsight::cli::runBaselineCommand(args);
    if (command == QLatin1String("check"))
        return heapsight::cli::runCheckCommand(args);
    if (command == QLatin1String("why"))
        return heapsight::cli::runWhyCommand(args);
    if (command == QLatin1String("assert"))
        return heapsight::cli::runAssertCommand(args);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        QTextStream out(stdout);
        printUsage(out);
        return 0;
    }
    err << "heapsight-cli: unknown command \"" << command << "\"\n";
    printUsage(err);
    return 2;
}
