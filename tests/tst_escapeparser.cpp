// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Exact findings, with their flow chains, parsed from real compiler output recorded from
// samples/escapes and a few standard-library packages with Go 1.21, 1.22 and 1.23
// (tools/record-go-output regenerates the files).
#include "core/parse/escapeparser.h"
#include "testsupport.h"

#include <QFile>
#include <QTest>

using namespace heapsight;

namespace {

const QString kReports = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/");
const QString kData = QStringLiteral(HEAPSIGHT_TEST_DATA "/");

using test::parseFile;

QString pos(const Report& r, const Position& p)
{
    QString s = QString::fromStdString(std::string(r.fileName(p.file))) + QLatin1Char(':') + QString::number(p.line);
    if (p.column)
        s += QLatin1Char(':') + QString::number(p.column);
    return s;
}

// "DST = &SRC: reason@pos, reason@pos; next edge" — reads like the compiler's block, without repetition.
QString renderFlow(const Report& r, const Finding& f)
{
    QStringList edges;
    for (const Explanation& e : f.explanations) {
        for (const FlowEdge& edge : e.flows) {
            const QString ops = edge.derefs < 0 ? QStringLiteral("&") : QString(edge.derefs, QLatin1Char('*'));
            QStringList steps;
            for (const FlowStep& s : edge.steps)
                steps << QString::fromUtf8(s.reason.view()) + QLatin1Char('@') + pos(r, s.at);
            edges << QString::fromUtf8(edge.destination.view()) + QStringLiteral(" = ") + ops
                    + QString::fromUtf8(edge.source.view()) + QStringLiteral(": ") + steps.join(QStringLiteral(", "));
        }
    }
    return edges.join(QStringLiteral("; "));
}

} // namespace

class TestEscapeParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void finding_data();
    void finding();
    void absentFinding_data();
    void absentFinding();
    void compileErrorIsKeptAsUnknown();
    void goErrors_data();
    void goErrors();
    void repeatedBlocksAreKeptOnce_data();
    void repeatedBlocksAreKeptOnce();
};

void TestEscapeParser::finding_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("flow");

    const QString returnFlow = QStringLiteral("~r0 = &x: address-of@./returnaddr.go:8:9, return@./returnaddr.go:8:2");
    for (const char* v : { "1.21", "1.22", "1.23" }) {
        QTest::addRow("go%s moved x", v) << kReports + QStringLiteral("escapes-go%1.m2.txt").arg(QLatin1String(v))
                                         << "./returnaddr.go:7:2"
                                         << "moved"
                                         << "x"
                                         << "" << returnFlow;
        QTest::addRow("go%s m1 moved x, no flow", v)
            << kData + QStringLiteral("escapes-go%1.m1.txt").arg(QLatin1String(v)) << "./returnaddr.go:7:2"
            << "moved"
            << "x"
            << ""
            << "";
    }
    // -d=ssa/check_bce/debug=1: the bounds checks the compiler keeps (tests/data/modules/bce).
    for (const QString& version : test::goVersions()) {
        const QByteArray v = version.toLatin1();
        const QString file = kData + QStringLiteral("bce-go%1.m2.txt").arg(version);
        QTest::addRow("go%s index check kept", v.constData()) << file << "./window.go:11:22"
                                                              << "bounds-check"
                                                              << ""
                                                              << ""
                                                              << "";
        QTest::addRow("go%s slice check kept", v.constData()) << file << "./window.go:6:8"
                                                              << "slice-bounds-check"
                                                              << ""
                                                              << ""
                                                              << "";
    }
    QTest::newRow("go1.21 too large, unfolded")
        << kReports + QLatin1String("escapes-go1.21.m2.txt") << "./bigalloc.go:7:13"
        << "escapes"
        << "make([]byte, 1 << 20)"
        << ""
        << "{heap} = &{storage for make([]byte, 1 << 20)}: too large for stack@./bigalloc.go:7:13";
    QTest::newRow("go1.22 too large, folded")
        << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./bigalloc.go:7:13"
        << "escapes"
        << "make([]byte, 1048576)"
        << ""
        << "{heap} = &{storage for make([]byte, 1048576)}: too large for stack@./bigalloc.go:7:13";
    QTest::newRow("non-constant size") << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./dynsize.go:7:11"
                                       << "escapes"
                                       << "make([]int, n)"
                                       << ""
                                       << "{heap} = &{storage for make([]int, n)}: non-constant size@./dynsize.go:7:11";
    QTest::newRow("interface conversion")
        << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./iface.go:14:27"
        << "escapes"
        << "u"
        << ""
        << "{storage for ... argument} = &{storage for u}: spill@./iface.go:14:27, "
           "slice-literal-element@./iface.go:14:20; {heap} = {storage for ... argument}: "
           "spill@./iface.go:14:20, call parameter@./iface.go:14:20";
    QTest::newRow("leak to storage") << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./iface.go:13:15"
                                     << "leak"
                                     << "u"
                                     << ""
                                     << "{storage for u} = u: interface-converted@./iface.go:14:27";
    QTest::newRow("sub-package path") << kReports + QLatin1String("escapes-go1.22.m2.txt") << "store/store.go:18:33"
                                      << "leak"
                                      << "e"
                                      << ""
                                      << "{heap} = e: assign@store/store.go:19:17";
    QTest::newRow("closure captures by ref, go 1.21 semantics")
        << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./loopvar.go:13:6"
        << "moved"
        << "i"
        << ""
        << "{storage for func literal} = &i: captured by a closure@./loopvar.go:17:12, "
           "reference@./loopvar.go:17:12";
    QTest::newRow("devirtualized") << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./devirt.go:16:15"
                                   << "devirt"
                                   << "s.area"
                                   << "*square"
                                   << "";
    QTest::newRow("1.22 inlines the devirtualized call")
        << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./devirt.go:16:15"
        << "inline-call"
        << "(*square).area"
        << ""
        << "";
    QTest::newRow("cannot inline") << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./main.go:11:6"
                                   << "cannot-inline"
                                   << "main"
                                   << "function too complex: cost 1137 exceeds budget 80"
                                   << "";
    QTest::newRow("generic shape") << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./generics.go:6:6"
                                   << "can-inline"
                                   << "ptr[go.shape.int]"
                                   << "func(*[2]uintptr, go.shape.int) *go.shape.int { return &v }"
                                   << "";
    QTest::newRow("loopvar report") << kData + QLatin1String("escapes-go1.22-lang1.22.loopvar.m2.txt")
                                    << "./loopvar.go:29:6"
                                    << "loopvar"
                                    << "i"
                                    << "heap-allocated"
                                    << "";
    QTest::newRow("std, absolute path")
        << kData + QLatin1String("std-go1.21.m2.txt") << "/usr/lib/go-1.21/src/container/list/list.go:62:30"
        << "escapes"
        << "new(List)"
        << ""
        << "l = &{storage for new(List)}: spill@/usr/lib/go-1.21/src/container/list/list.go:62:30, "
           "assign-pair@/usr/lib/go-1.21/src/container/list/list.go:62:41; "
           "{heap} = l: dot of pointer@/usr/lib/go-1.21/src/container/list/list.go:62:41, "
           "address-of@/usr/lib/go-1.21/src/container/list/list.go:62:41, "
           "assign@/usr/lib/go-1.21/src/container/list/list.go:62:41";
}

void TestEscapeParser::finding()
{
    QFETCH(QString, file);
    QFETCH(QString, at);
    QFETCH(QString, kind);
    QFETCH(QString, subject);
    const Report r = parseFile(file);
    QVERIFY2(!r.findings().empty(), qPrintable(file));
    const QString fileName = at.section(QLatin1Char(':'), 0, -3);
    const FileId id = r.fileId(fileName.toStdString());
    QVERIFY2(id != NoFile, qPrintable(fileName));
    const uint line = at.section(QLatin1Char(':'), -2, -2).toUInt();
    const uint column = at.section(QLatin1Char(':'), -1).toUInt();
    const Finding* found = nullptr;
    for (std::uint32_t i : r.findingsOnLine(id, line)) {
        const Finding& f = r.findings()[i];
        if (f.position.column == column && QLatin1String(kindId(f.kind).data()) == kind
            && QString::fromStdString(std::string(f.subject)) == subject)
            found = &f;
    }
    QVERIFY2(found, qPrintable(QStringLiteral("no %1 %2 at %3").arg(kind, subject, at)));
    QTEST(QString::fromStdString(std::string(found->detail)), "detail");
    QTEST(renderFlow(r, *found), "flow");
}

void TestEscapeParser::absentFinding_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("kind");
    QTest::newRow("go 1.22 semantics: per-iteration i captured by value")
        << kReports + QLatin1String("escapes-go1.22-lang1.22.m2.txt") << "./loopvar.go:13:6"
        << "moved";
    QTest::newRow("go1.21 does not inline the devirtualized call")
        << kReports + QLatin1String("escapes-go1.21.m2.txt") << "./devirt.go:16:15"
        << "inline-call";
    QTest::newRow("struct that stays on the stack")
        << kReports + QLatin1String("escapes-go1.22.m2.txt") << "./noescape.go:9:7"
        << "escapes";
}

void TestEscapeParser::absentFinding()
{
    QFETCH(QString, file);
    QFETCH(QString, at);
    QFETCH(QString, kind);
    const Report r = parseFile(file);
    QVERIFY(!r.findings().empty());
    const FileId id = r.fileId(at.section(QLatin1Char(':'), 0, -3).toStdString());
    QVERIFY(id != NoFile);
    for (std::uint32_t i : r.findingsOnLine(id, at.section(QLatin1Char(':'), -2, -2).toUInt())) {
        const Finding& f = r.findings()[i];
        QVERIFY2(!(f.position.column == at.section(QLatin1Char(':'), -1).toUInt()
                     && QLatin1String(kindId(f.kind).data()) == kind),
            std::string(f.message).c_str());
    }
}

// A failed build: the compiler's error is kept as one of go's errors (not a line Heapsight failed to read),
// the other package's findings stay.
void TestEscapeParser::compileErrorIsKeptAsUnknown()
{
    const Report r = parseFile(kData + QStringLiteral("broken-go1.22.m2.txt"));
    QCOMPARE(r.stats().unknownLines, 0ull);
    QCOMPARE(r.stats().errorLines, 1ull);
    QCOMPARE(
        QString::fromStdString(r.goErrors().front().text), QStringLiteral("bad/bad.go:5:9: undefined: undefinedName"));
    QCOMPARE(QString::fromStdString(r.goErrors().front().why), QStringLiteral("compile error"));
    bool moved = false;
    for (const Finding& f : r.findings())
        moved |= f.kind == FindingKind::MovedToHeap && f.subject == "v";
    QVERIFY(moved);
}

// go's own messages and the compiler's errors, as go prints them around -m output: errors of the run, with
// what they are; a message of no known kind stays a line not understood.
void TestEscapeParser::goErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("why"); // empty: not understood
    QTest::newRow("newer go.mod") << "go: go.mod requires go >= 1.23 (running go 1.22.12; GOTOOLCHAIN=local)"
                                  << "go command";
    QTest::newRow("no packages") << "go: warning: \"./...\" matched no packages"
                                 << "go command";
    QTest::newRow("no Go files") << "no Go files in /tmp/empty"
                                 << "go command";
    QTest::newRow("tool failed") << "internal/trace/event: /usr/lib/go-1.24/pkg/tool/linux_amd64/compile: open "
                                    "/dev/null: no such file or directory"
                                 << "go command";
    QTest::newRow("import continuation") << "\timports example.com/missing: cannot find module"
                                         << "go command";
    QTest::newRow("undefined") << "./a.go:5:9: undefined: undefinedName"
                               << "compile error";
    QTest::newRow("unused variable") << "./a.go:6:2: declared and not used: x"
                                     << "compile error";
    QTest::newRow("unused import") << "./a.go:3:8: \"os\" imported and not used"
                                   << "compile error";
    QTest::newRow("too many") << "./a.go:30:2: too many errors"
                              << "compile error";
    QTest::newRow("std-only directive") << "./a.go:12:3: //go:uintptrkeepalive is only allowed in the standard library"
                                        << "compile error";
    QTest::newRow("a new escape wording") << "./a.go:7:2: x will surely escape some day"
                                          << "";
    QTest::newRow("stray text") << "hello from a build script"
                                << "";
}

void TestEscapeParser::goErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, why);
    const QByteArray text = "# example.com/m\n" + line.toUtf8() + "\n";
    const Report r = EscapeParser::parse(test::view(text));
    QCOMPARE(r.stats().errorLines + r.stats().unknownLines, 1ull);
    QCOMPARE(r.goErrors().empty() ? QString() : QString::fromStdString(r.goErrors().front().why), why);
}

// A verdict printed again comes with its blocks again: each distinct block is kept once, however many a
// finding has (one finding of Go 1.22's std keeps 519). The blocks differ in one step's column; the repeats
// come in another order.
void TestEscapeParser::repeatedBlocksAreKeptOnce_data()
{
    QTest::addColumn<int>("distinct");
    for (const int n : { 1, 3, 8, 9, 40 })
        QTest::addRow("%d distinct blocks", n) << n;
}

void TestEscapeParser::repeatedBlocksAreKeptOnce()
{
    QFETCH(int, distinct);
    const auto block = [](int column) {
        return QStringLiteral("./m.go:10:2: x escapes to heap in F:\n"
                              "./m.go:10:2:   flow: {heap} \u2190 &x:\n"
                              "./m.go:10:2:     from &x (address-of) at ./m.go:11:%1\n"
                              "./m.go:10:2:     from sink(&x) (call parameter) at ./m.go:11:6\n")
            .arg(column);
    };
    QString text = QStringLiteral("# example.com/m\n");
    for (int i = 1; i <= distinct; ++i)
        text += block(i);
    text += QStringLiteral("./m.go:10:2: moved to heap: x\n");
    for (int i = distinct; i >= 1; --i)
        text += block(i);
    text += QStringLiteral("./m.go:10:2: moved to heap: x\n");
    const QByteArray utf8 = text.toUtf8();
    const Report r = EscapeParser::parse(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    QCOMPARE(r.findings().size(), std::size_t(1));
    const Finding& f = r.findings().front();
    QCOMPARE(f.occurrences, 2u);
    QCOMPARE(int(f.explanations.size()), distinct);
    QCOMPARE(r.stats().unlinkedExplanations, 0ull);
    QList<uint> columns;
    for (const Explanation& e : f.explanations)
        columns << e.flows.front().steps.front().at.column;
    for (int i = 0; i < distinct; ++i)
        QCOMPARE(columns.at(i), uint(i + 1));
}

QTEST_APPLESS_MAIN(TestEscapeParser)
#include "tst_escapeparser.moc"
