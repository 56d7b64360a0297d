// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Interprocedural why paths on the recorded output of Go 1.21-1.27 (tools/record-go-output, record_whypath):
// tests/data/modules/whypath passes values into another package of the module (two calls deep, and a
// method's second parameter) and into the standard library (fmt.Sprintf, sync.(*Pool).Put), whose blocks
// come from `go build -gcflags=-m=2 fmt sync`. Every block and step of a path is checked against the lines
// the compiler printed, and every callee block against the compiler's own `leaking param` verdict at the
// parameter's position in the source.
#include "core/identity/godeclscanner.h"
#include "core/identity/gosignature.h"
#include "core/parse/escapeparser.h"
#include "core/why/gocallexpression.h"
#include "core/why/whypathbuilder.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace heapsight;

namespace {

const QStringList& versions = test::goVersions();

QString moduleDir()
{
    return QStringLiteral(HEAPSIGHT_TEST_DATA "/modules/whypath");
}

// The recorded output of one version: parsed, and its lines as printed.
struct Recording {
    std::shared_ptr<const Report> module;
    std::shared_ptr<const Report> deps;
    QSet<QString> lines;
};

Recording record(const QString& version)
{
    Recording r;
    const QString base = QStringLiteral(HEAPSIGHT_TEST_DATA "/whypath");
    const QByteArray own = test::readFile(base + QStringLiteral("-go%1.m2.txt").arg(version));
    const QByteArray deps = test::readFile(base + QStringLiteral("-deps-go%1.m2.txt").arg(version));
    r.module = std::make_shared<const Report>(EscapeParser::parse(test::view(own)));
    r.deps = std::make_shared<const Report>(EscapeParser::parse(test::view(deps)));
    for (const QByteArray& text : { own, deps }) {
        for (const QByteArray& line : text.split('\n'))
            r.lines.insert(QString::fromUtf8(line));
    }
    return r;
}

QString pos(const WhyLocation& at)
{
    return QString::fromStdString(at.file) + QStringLiteral(":%1").arg(at.line)
        + (at.column ? QStringLiteral(":%1").arg(at.column) : QString());
}

// `pkg.name` (how Go 1.25+ names parameters of inlined generic code) → `name`.
QString bare(std::string_view name)
{
    const QString s = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    return s.mid(s.lastIndexOf(QLatin1Char('.')) + 1);
}

QByteArray fileText(const std::string& path)
{
    return test::readFile(QString::fromStdString(path));
}

} // namespace

class TestWhyPath : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paths_data();
    void paths();
    void parameters_data();
    void parameters();
    void calls_data();
    void calls();
};

void TestWhyPath::paths_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("variable"); // `moved to heap: VARIABLE` in main.go
    QTest::addColumn<bool>("deps"); // with the standard library's blocks spliced in
    for (const QString& v : versions) {
        for (const char* name : { "item", "entry", "count", "buf" }) {
            for (const bool deps : { false, true }) {
                QTest::addRow("go%s %s%s", qPrintable(v), name, deps ? " --deps" : "")
                    << v << QString::fromLatin1(name) << deps;
            }
        }
    }
}

void TestWhyPath::paths()
{
    QFETCH(QString, version);
    QFETCH(QString, variable);
    QFETCH(bool, deps);
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/go-%1/src/fmt/print.go").arg(version)))
        QSKIP("the path into the standard library reads its sources from /usr/lib/go-X.Y");
    const Recording rec = record(version);
    const std::string root = moduleDir().toStdString();
    std::vector<WhyInput> inputs { { rec.module, root } };
    if (deps)
        inputs.push_back({ rec.deps, root });
    WhyPathBuilder builder(inputs);
    const auto verdict = std::ranges::find_if(rec.module->findings(),
        [&](const Finding& f) { return f.kind == FindingKind::MovedToHeap && f.subject == variable.toStdString(); });
    QVERIFY(verdict != rec.module->findings().end());
    const std::vector<WhyPath> paths = builder.pathsAt(
        rec.module->fileName(verdict->position.file), verdict->position.line, verdict->position.column);
    QCOMPARE(paths.size(), std::size_t(1));
    const WhyPath& path = paths.front();
    QCOMPARE(QString::fromStdString(path.verdict), QStringLiteral("moved to heap: ") + variable);
    QVERIFY(!path.segments.empty());

    bool crossesPackage = false;
    bool entersStd = false;
    for (std::size_t s = 0; s < path.segments.size(); ++s) {
        const WhySegment& seg = path.segments[s];
        // The compiler printed this very block: its header at its position …
        const QString header = pos(seg.at) + QStringLiteral(": ") + QString::fromStdString(seg.header) + u':';
        QVERIFY2(rec.lines.contains(header), qPrintable(header));
        crossesPackage = crossesPackage || seg.package != path.segments.front().package;
        entersStd = entersStd || (seg.outsideModule && seg.at.path.starts_with("/usr/lib/go-"));
        for (const WhyFlow& flow : seg.flows) {
            for (const WhyStep& step : flow.steps) {
                // … and each step under it.
                const QString line = pos(seg.at) + QStringLiteral(":     from ")
                    + QString::fromStdString(step.expression) + QStringLiteral(" (")
                    + QString::fromStdString(step.reason) + QStringLiteral(") at ") + pos(step.at);
                QVERIFY2(rec.lines.contains(line), qPrintable(line));
                if (step.enters < 0)
                    continue;
                const WhySegment& callee = path.segments[static_cast<std::size_t>(step.enters)];
                QCOMPARE(callee.parent, static_cast<std::int32_t>(s));
                QCOMPARE(callee.depth, seg.depth + 1);
                // The callee's block is a parameter's, the compiler says that parameter leaks, and the source
                // has that parameter's name where the block is, inside the function the call names.
                QCOMPARE(bare(callee.subject), QString::fromStdString(step.parameter));
                const QString leak = pos(callee.at) + QStringLiteral(": leaking param");
                QVERIFY2(rec.lines.contains(leak + QStringLiteral(": ") + bare(callee.subject))
                        || rec.lines.contains(leak + QStringLiteral(" content: ") + bare(callee.subject))
                        || rec.lines.contains(leak + QStringLiteral(": ") + QString::fromStdString(callee.subject))
                        || rec.lines.contains(
                            leak + QStringLiteral(" content: ") + QString::fromStdString(callee.subject)),
                    qPrintable(leak));
                const QByteArray text = fileText(callee.at.path);
                const QByteArray sourceLine = text.split('\n').value(static_cast<qsizetype>(callee.at.line) - 1);
                QVERIFY2(
                    sourceLine.mid(callee.at.column - 1).startsWith(step.parameter.c_str()), sourceLine.constData());
                const std::vector<GoFunctionSpan> functions = scanGoFunctions(test::view(text));
                const GoFunctionSpan* fn = enclosingFunction(functions, callee.at.line);
                QVERIFY(fn);
                QCOMPARE(
                    QString::fromStdString(fn->name), QString::fromStdString(parseGoCall(step.expression)->function));
            }
        }
    }
    // Where the path ends is the last step the chain of last flows leads to.
    const WhySegment* last = &path.segments.front();
    while (!last->flows.empty() && !last->flows.back().steps.empty() && last->flows.back().steps.back().enters >= 0)
        last = &path.segments[static_cast<std::size_t>(last->flows.back().steps.back().enters)];
    QVERIFY(!last->flows.empty());
    QCOMPARE(path.endAt, last->flows.back().steps.back().at);

    const bool intoStd = variable == QLatin1String("count") || variable == QLatin1String("buf");
    if (!intoStd) {
        // Into another package of the module, down to the heap: `store.Keep` → `remember` is two calls deep.
        QVERIFY(crossesPackage);
        QVERIFY(path.segments.size() >= 2);
        QCOMPARE(path.end, WhyEnd::Heap);
        QVERIFY(path.missingPackages.empty());
        if (variable == QLatin1String("item"))
            QVERIFY(std::ranges::any_of(path.segments, [](const WhySegment& s) { return s.depth >= 2; }));
    } else if (deps) {
        QVERIFY(entersStd);
        QCOMPARE(path.end, WhyEnd::Heap);
        QVERIFY(path.missingPackages.empty());
    } else {
        // Without the standard library's blocks the path stops at the call and names the package to analyse.
        QVERIFY(!entersStd);
        QCOMPARE(path.end, WhyEnd::NotAnalysed);
        QCOMPARE(path.missingPackages.size(), std::size_t(1));
        const std::string& missing = path.missingPackages.front();
        QVERIFY2(path.endDetail.find(missing) != std::string::npos, path.endDetail.c_str());
        QVERIFY(std::ranges::any_of(rec.deps->packages(), [&](const PackageInfo& p) { return p.name == missing; }));
    }
}

void TestWhyPath::parameters_data()
{
    QTest::addColumn<QString>("version");
    for (const QString& v : versions)
        QTest::addRow("go%s", qPrintable(v)) << v;
}

// The signature scanner against the compiler: each `leaking param` verdict on a function's first line is at
// a parameter the scanner finds there, with that name.
void TestWhyPath::parameters()
{
    QFETCH(QString, version);
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/go-%1/src/fmt/print.go").arg(version)))
        QSKIP("reads the standard library's sources from /usr/lib/go-X.Y");
    const Recording rec = record(version);
    int checked = 0;
    for (const auto& report : { rec.module, rec.deps }) {
        for (const Finding& f : report->findings()) {
            if (f.kind != FindingKind::LeakingParam && f.kind != FindingKind::LeakingParamContent
                && f.kind != FindingKind::LeakingParamToResult)
                continue;
            std::string file(report->fileName(f.position.file));
            if (!file.starts_with('/'))
                file = moduleDir().toStdString() + '/' + file;
            const QByteArray text = fileText(file);
            const auto functions = scanGoFunctions(test::view(text));
            const GoFunctionSpan* fn = enclosingFunction(functions, f.position.line);
            if (text.isEmpty() || !fn || fn->firstLine != f.position.line)
                continue; // a closure's parameter, or a signature over several lines
            const auto parameters = scanGoParameters(test::view(text), fn->firstLine);
            QVERIFY(parameters);
            const auto found = std::ranges::find_if(*parameters,
                [&](const GoParameter& p) { return p.line == f.position.line && p.column == f.position.column; });
            QVERIFY2(found != parameters->end(), qPrintable(QString::fromStdString(file + ": " + f.message)));
            QCOMPARE(QString::fromStdString(found->name), bare(f.subject));
            ++checked;
        }
    }
    QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
}

void TestWhyPath::calls_data()
{
    parameters_data();
}

// Every call step the compiler printed splits into callee and arguments that put together give it back.
void TestWhyPath::calls()
{
    QFETCH(QString, version);
    const Recording rec = record(version);
    int checked = 0;
    for (const auto& report : { rec.module, rec.deps }) {
        for (const Finding& f : report->findings()) {
            for (const Explanation& e : f.explanations) {
                for (const FlowEdge& edge : e.flows) {
                    for (const FlowStep& step : edge.steps) {
                        if (step.reason != "call parameter")
                            continue;
                        const auto call = parseGoCall(step.expression);
                        QVERIFY2(call, std::string(step.expression).c_str());
                        QStringList arguments;
                        for (const std::string& a : call->arguments)
                            arguments << QString::fromStdString(a);
                        QCOMPARE(
                            QString::fromStdString(call->callee) + u'(' + arguments.join(QStringLiteral(", ")) + u')',
                            QString::fromStdString(std::string(step.expression)));
                        QVERIFY(!call->function.empty());
                        ++checked;
                    }
                }
            }
        }
    }
    QVERIFY2(checked >= 50, qPrintable(QString::number(checked)));
}

QTEST_GUILESS_MAIN(TestWhyPath)
#include "tst_whypath.moc"
