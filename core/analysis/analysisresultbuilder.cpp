// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "analysisresultbuilder.h"

#include "core/parse/escapeparser.h"
#include "core/parse/logoptmerge.h"
#include "core/parse/parallelparser.h"
#include "core/parse/positionparser.h"

#include <QDir>

namespace heapsight {

ReportOrigin AnalysisResultBuilder::origin(const Input& in)
{
    ReportOrigin origin;
    origin.source = "go build";
    origin.toolchain = in.request.toolchain.version.toStdString();
    origin.languageVersion = (in.languageOverridden ? in.request.languageVersion : in.module.goVersion).toStdString();
    origin.workingDirectory = in.module.root.toStdString();
    return origin;
}

AnalysisResult AnalysisResultBuilder::build(const Input& in)
{
    return build(parseInParallel(
                     std::string_view(in.output.constData(), static_cast<std::size_t>(in.output.size())), origin(in)),
        in);
}

AnalysisResult AnalysisResultBuilder::build(Report text, const Input& in)
{
    AnalysisResult r;
    r.module = in.module;
    r.exitCode = in.exitCode;
    r.languageOverridden = in.languageOverridden;

    if (!in.logoptDir.isEmpty() && QDir(in.logoptDir).exists()) {
        const LogoptReadResult logopt = readLogoptDirectory(in.logoptDir, in.module.root);
        if (logopt.files > 0 || !logopt.errors.empty())
            text = mergeLogopt(text, logopt);
    }

    // On a failed build, the lines that are not escape analysis are the compiler's and go's errors.
    // A toolchain gone wrong may print a million of them: the list keeps the first kMaxDiagnostics (the
    // report keeps them all) so the Problems panel stays usable.
    qsizetype notShown = 0;
    bool compileErrors = false; // a line with a position: the compiler's, not go's
    // go's own errors first (they say why the build failed), then lines not understood.
    std::vector<const UnknownLine*> notEscapeAnalysis;
    for (const UnknownLine& u : text.goErrors())
        notEscapeAnalysis.push_back(&u);
    for (const UnknownLine& u : text.unknownLines())
        notEscapeAnalysis.push_back(&u);
    for (const UnknownLine* line : notEscapeAnalysis) {
        const UnknownLine& u = *line;
        if (u.why.rfind("logopt", 0) == 0)
            continue;
        if (r.diagnostics.size() >= kMaxDiagnostics) {
            ++notShown;
            compileErrors = compileErrors || splitPositionPrefix(u.text).has_value();
            continue;
        }
        Diagnostic d;
        if (const auto p = splitPositionPrefix(u.text)) {
            d.file = QString::fromStdString(std::string(p->position.file));
            d.line = static_cast<int>(p->position.line);
            d.column = static_cast<int>(p->position.column);
            d.message = QString::fromStdString(std::string(p->rest)).trimmed();
            compileErrors = true;
        } else {
            d.message = QString::fromStdString(u.text).trimmed();
        }
        r.diagnostics << d;
    }
    // Explanation lines of a wording this build does not know stay with their findings; the user is told once
    // per wording, not once per line.
    for (const UnfamiliarShape& u : text.unfamiliarShapes())
        r.diagnostics << Diagnostic { {}, 0, 0,
            QStringLiteral("partly understood: %1 explanation lines of a new wording, kept as "
                           "printed; the first, at line %2: %3")
                .arg(u.count)
                .arg(u.firstLine)
                .arg(QString::fromStdString(u.example).trimmed()) };
    if (notShown > 0)
        r.diagnostics << Diagnostic { {}, 0, 0, QStringLiteral("… and %1 more lines not shown").arg(notShown) };
    if (in.exitCode == 0) {
        r.state = AnalysisState::Ok;
    } else if (compileErrors) {
        r.state = AnalysisState::CompileErrors;
    } else {
        r.state = AnalysisState::ToolchainFailed;
    }
    if (r.state != AnalysisState::Ok) {
        QStringList lines;
        for (const Diagnostic& d : std::as_const(r.diagnostics)) {
            lines << (d.file.isEmpty()
                    ? d.message
                    : QStringLiteral("%1:%2:%3: %4").arg(d.file).arg(d.line).arg(d.column).arg(d.message));
            if (lines.size() == 20)
                break;
        }
        if (lines.isEmpty() && !in.listError.isEmpty())
            lines << in.listError;
        if (r.state == AnalysisState::ToolchainFailed) {
            // Not a compile error: say first that go itself failed, then what it printed.
            const QString headline = in.exitCode < 0
                ? QStringLiteral("go build crashed")
                : QStringLiteral("go build exited with status %1").arg(in.exitCode);
            lines.prepend(headline);
            r.diagnostics.prepend(Diagnostic { {}, 0, 0, headline });
        }
        r.errorText = lines.join(QLatin1Char('\n'));
    }
    r.report = std::make_shared<const Report>(std::move(text));
    return r;
}

} // namespace heapsight
