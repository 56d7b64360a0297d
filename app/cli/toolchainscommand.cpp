// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "toolchainscommand.h"

#include "core/toolchain/toolchaindiscovery.h"
#include "core/toolchain/usertoolchains.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

int runToolchainsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("toolchains"), QStringLiteral("The command."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption addOption(QStringLiteral("add"),
        QStringLiteral("Also look at this go binary, bin/ directory or GOROOT (repeatable)."), QStringLiteral("path"));
    parser.addOption(jsonOption);
    parser.addOption(addOption);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    QTextStream err(stderr);
    const auto found = ToolchainDiscovery::discover(
        ToolchainDiscovery::Places::fromEnvironment(userToolchainPaths() + parser.values(addOption)));
    if (parser.isSet(jsonOption)) {
        nlohmann::json list = nlohmann::json::array();
        for (const Toolchain& t : found) {
            list.push_back({ { "version", t.version.toStdString() }, { "go", t.goBinary.toStdString() },
                { "realPath", t.realPath.toStdString() }, { "goroot", t.goroot.toStdString() },
                { "goos", t.goos.toStdString() }, { "goarch", t.goarch.toStdString() },
                { "foundVia", t.foundVia.toStdString() } });
        }
        std::cout << nlohmann::json { { "toolchains", list } }.dump(1, '\t') << '\n';
        return 0;
    }
    QTextStream out(stdout);
    if (found.empty()) {
        out << "no Go toolchain found (looked on PATH, in $GOROOT, /usr/lib/go-1.*, /usr/local/go, ~/sdk, "
               "~/go/pkg/mod/golang.org/toolchain@*, Homebrew, and user-added paths)\n";
        return 1;
    }
    for (const Toolchain& t : found)
        out << qSetFieldWidth(12) << Qt::left << t.version << qSetFieldWidth(0) << ' ' << t.goBinary << "  (" << t.goos
            << '/' << t.goarch << ", GOROOT " << t.goroot << ", found via " << t.foundVia << ")\n";
    return 0;
}

} // namespace heapsight::cli
