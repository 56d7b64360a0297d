#include "reportcommand.h"

#include "inputreader.h"
#include "reportoutput.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace heapsight::cli {

int runReportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Summarise the Go compiler's escape-analysis output."));
    parser.addPositionalArgument(QStringLiteral("report"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("input"),
                                 QStringLiteral("Output of go build -gcflags=-m or -m=2, a report JSON file, or - for standard input."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the whole report as JSON."));
    const QCommandLineOption kindsOption(QStringLiteral("kinds"),
                                         QStringLiteral("Only these finding kinds (comma-separated ids, e.g. moved,escapes,leak)."),
                                         QStringLiteral("ids"));
    parser.addOption(jsonOption);
    parser.addOption(kindsOption);
    parser.addHelpOption();
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "heapsight-cli: " << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << "heapsight-cli: usage: heapsight-cli report FILE|- [--json] [--kinds moved,escapes,...]\n";
        return 2;
    }
    KindSet kinds;
    kinds.set();
    if (parser.isSet(kindsOption)) {
        QString why;
        const auto chosen = parseKinds(parser.value(kindsOption), &why);
        if (!chosen) {
            err << "heapsight-cli: " << why << '\n';
            return 2;
        }
        kinds = *chosen;
    }
    QString error;
    const auto report = readReport(positional.at(1), &error);
    if (!report) {
        err << "heapsight-cli: " << error << '\n';
        return 2;
    }
    if (parser.isSet(jsonOption)) {
        printJson(*report, kinds, nlohmann::json::object());
        return 0;
    }
    QTextStream out(stdout);
    printSummary(*report, kinds, out);
    return 0;
}

} // namespace heapsight::cli
