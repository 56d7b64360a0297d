// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Finding identity: the Go declaration scanner on tricky source, and the diff of two commits where
// lines moved. The second part takes the samples' recorded Go 1.22 output and sources, applies an edit
// to a copy of the sources (blank lines, a comment, a line inside a function) and moves the positions in
// the output by exactly as many lines, as the compiler would print them after that edit.
#include "core/diff/baseline.h"
#include "core/diff/reportdiff.h"
#include "core/identity/findingidentity.h"
#include "core/model/reportfilter.h"
#include "core/parse/escapeparser.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace heapsight;

namespace {

QString spans(const std::vector<GoFunctionSpan>& functions)
{
    QStringList out;
    for (const GoFunctionSpan& f : functions)
        out << QStringLiteral("%1@%2-%3").arg(QString::fromStdString(f.name)).arg(f.firstLine).arg(f.lastLine);
    return out.join(QLatin1Char(';'));
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Every position `file:N` with N >= fromLine moved down by `by` lines.
QByteArray shiftPositions(const QByteArray& output, const QString& file, int fromLine, int by)
{
    static const QString prefix = QStringLiteral("(?<![\\w/.])(\\./)?");
    const QRegularExpression position(prefix + QRegularExpression::escape(file) + QStringLiteral(":(\\d+)"));
    QString text = QString::fromUtf8(output);
    QString result;
    qsizetype last = 0;
    for (auto it = position.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int line = m.captured(2).toInt();
        result += text.mid(last, m.capturedStart(2) - last) + QString::number(line >= fromLine ? line + by : line);
        last = m.capturedEnd(2);
    }
    result += text.mid(last);
    return result.toUtf8();
}

Report parse(const QByteArray& text, const QString& root)
{
    ReportOrigin origin;
    origin.workingDirectory = root.toStdString();
    return EscapeParser::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), origin);
}

DiffCounts countsOf(const ReportDiff& d)
{
    return d.total;
}

} // namespace

class TestIdentity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scanner_data();
    void scanner();
    void enclosing();
    void packageVariant();
    void linesMoved_data();
    void linesMoved();
    void findingAddedAmongEquals();
    void mergeBaselines_data();
    void mergeBaselines();
};

void TestIdentity::scanner_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("function") << QByteArray("package p\n\nfunc A() {\n}\n") << "A@3-4";
    QTest::newRow("pointer receiver, type parameters")
        << QByteArray("func (l *List[T]) Push(v T) {\n\tl.n++\n}\n") << "(*List).Push@1-3";
    QTest::newRow("value receiver, brace in a string")
        << QByteArray("func (v Value) String() string { return \"}\" }\n") << "Value.String@1-1";
    QTest::newRow("unnamed receiver") << QByteArray("func (*T) M() {}\nfunc (T) N() {}\n") << "(*T).M@1-1;T.N@2-2";
    QTest::newRow("braces in literals and comments")
        << QByteArray("func A() {\n\ts := `{\n{`\n\t_ = '}'\n\t// }\n\t/* } */\n\t_ = \"\\\"}\"\n}\nfunc B() {}\n")
        << "A@1-8;B@9-9";
    QTest::newRow("declaration without body") << QByteArray("func add(a, b int) int\n\nfunc C() {}\n") << "C@3-3";
    QTest::newRow("function literal in a var")
        << QByteArray("var f = func(x int) int {\n\treturn x\n}\n\nfunc D() {}\n") << "D@5-5";
    QTest::newRow("interface result type") << QByteArray("func E() interface{ M() } {\n\treturn nil\n}\n") << "E@1-3";
    QTest::newRow("generic function") << QByteArray("func Map[T, U any](xs []T, f func(T) U) []U {\n\treturn nil\n}\n")
                                      << "Map@1-3";
    QTest::newRow("signature over lines")
        << QByteArray("func F(\n\ta int,\n\tb int,\n) (n int) {\n\treturn\n}\n") << "F@1-6";
    QTest::newRow("closures inside") << QByteArray("func G() {\n\tgo func() {\n\t}()\n\tdefer func() {}()\n}\n")
                                     << "G@1-5";
    QTest::newRow("commented-out function") << QByteArray("/*\nfunc Fake() {}\n*/\nfunc H() {}\n") << "H@4-4";
    QTest::newRow("unterminated string") << QByteArray("func I() {\n\ts := \"abc\n}\nfunc J() {}\n") << "I@1-3;J@4-4";
    QTest::newRow("unicode name") << QByteArray("func Größe() {}\n") << "Größe@1-1";
    // Being typed: the body runs to the end of the file.
    QTest::newRow("unclosed body") << QByteArray("func K() {\n\tif x {\n") << "K@1-3";
    QTest::newRow("not Go") << QByteArray("}}}) func ((( {{{\n\x01\xff") << "";
    QTest::newRow("methods after a struct type")
        << QByteArray("type T struct {\n\tf func()\n}\n\nfunc (t T) L() {\n}\n") << "T.L@5-6";
}

void TestIdentity::scanner()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QCOMPARE(spans(scanGoFunctions(std::string_view(source.constData(), static_cast<std::size_t>(source.size())))),
        expected);
}

void TestIdentity::enclosing()
{
    const auto functions = scanGoFunctions("var x = 1\n\nfunc A() {\n}\n\nfunc B() {\n\tx++\n}\n");
    const auto nameAt = [&](std::uint32_t line) {
        const GoFunctionSpan* f = enclosingFunction(functions, line);
        return f ? QString::fromStdString(f->name) : QString();
    };
    QCOMPARE(nameAt(1), QString());
    QCOMPARE(nameAt(3), QStringLiteral("A"));
    QCOMPARE(nameAt(5), QString());
    QCOMPARE(nameAt(7), QStringLiteral("B"));
    QCOMPARE(nameAt(9), QString());
}

void TestIdentity::packageVariant()
{
    QCOMPARE(packageWithoutVariant("example.com/m [example.com/m.test]"), std::string("example.com/m"));
    QCOMPARE(packageWithoutVariant("example.com/m_test [example.com/m.test]"), std::string("example.com/m_test"));
    QCOMPARE(packageWithoutVariant("example.com/m"), std::string("example.com/m"));
}

void TestIdentity::linesMoved_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("atLine"); // inserted before this line
    QTest::addColumn<QByteArray>("inserted");
    QTest::newRow("blank lines atop loopvar.go") << "loopvar.go" << 1 << QByteArray("\n\n\n");
    QTest::newRow("comment above store.New")
        << "store/store.go" << 13 << QByteArray("// New makes a cache.\n// It never fails.\n");
    QTest::newRow("a statement inside newCounter") << "returnaddr.go" << 7 << QByteArray("\t_ = 0\n");
    QTest::newRow("a function atop closure.go") << "closure.go" << 2 << QByteArray("\nfunc unused() {}\n");
}

void TestIdentity::linesMoved()
{
    QFETCH(QString, file);
    QFETCH(int, atLine);
    QFETCH(QByteArray, inserted);
    QTemporaryDir dir;
    const QString before = dir.filePath(QStringLiteral("a")), after = dir.filePath(QStringLiteral("b"));
    const QString sources = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");
    QVERIFY(test::copyTree(sources, before));
    QVERIFY(test::copyTree(sources, after));
    QList<QByteArray> lines = test::readFile(QDir(after).filePath(file)).split('\n');
    QVERIFY(lines.size() > atLine);
    lines.insert(atLine - 1, inserted.chopped(1));
    QVERIFY(writeAll(QDir(after).filePath(file), lines.join('\n')));

    const QByteArray output
        = test::readFile(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/escapes-go1.22.m2.txt"));
    QVERIFY(output.contains(QByteArray(file.toUtf8() + ':')));
    const int by = static_cast<int>(inserted.count('\n'));
    const QByteArray moved = shiftPositions(output, file, atLine, by);
    QVERIFY(moved != output);
    const Report a = parse(output, before), b = parse(moved, after);
    QCOMPARE(a.findings().size(), b.findings().size());

    // By position alone the moved findings are removed and added again …
    const DiffCounts byPosition = countsOf(diffReports(a, b));
    QVERIFY(byPosition.added > 0);
    QCOMPARE(byPosition.added, byPosition.removed);
    // … by identity nothing changed, and every finding is paired with itself.
    const auto idsA = findingIdentities(a, before.toStdString()), idsB = findingIdentities(b, after.toStdString());
    const ReportDiff byIdentity = diffReports(a, b, DiffIdentities { idsA, idsB });
    QCOMPARE(byIdentity.total.added + byIdentity.total.removed + byIdentity.total.changed, 0u);
    QCOMPARE(byIdentity.total.unchanged, a.findings().size());
    for (const Change& c : byIdentity.changes) {
        const Finding& fa = a.findings()[static_cast<std::size_t>(c.indexA)];
        const Finding& fb = b.findings()[static_cast<std::size_t>(c.indexB)];
        QCOMPARE(fa.message, fb.message);
        const QString name = QString::fromStdString(std::string(a.fileName(fa.position.file)));
        const bool shifted
            = (name == file || name == QStringLiteral("./") + file) && fa.position.line >= std::uint32_t(atLine);
        QCOMPARE(fb.position.line, fa.position.line + (shifted ? std::uint32_t(by) : 0u));
    }
}

// A statement inserted in main() that adds one more `~r0 escapes to heap` to the seven main() has: the
// new one is the one change, though every later one moved a line and the group grew.
void TestIdentity::findingAddedAmongEquals()
{
    QTemporaryDir dir;
    const QString before = dir.filePath(QStringLiteral("a")), after = dir.filePath(QStringLiteral("b"));
    const QString sources = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");
    QVERIFY(test::copyTree(sources, before));
    QVERIFY(test::copyTree(sources, after));
    QList<QByteArray> lines = test::readFile(QDir(after).filePath(QStringLiteral("main.go"))).split('\n');
    lines.insert(16, "\tfmt.Println(len(addresses(5)))");
    QVERIFY(writeAll(QDir(after).filePath(QStringLiteral("main.go")), lines.join('\n')));
    const QByteArray output
        = test::readFile(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/escapes-go1.22.m2.txt"));
    QVERIFY(output.count("./main.go:19:24: ~r0 escapes to heap\n") == 1);
    const QByteArray edited
        = shiftPositions(output, QStringLiteral("main.go"), 17, 1) + "./main.go:17:23: ~r0 escapes to heap\n";
    const Report a = parse(output, before), b = parse(edited, after);
    const auto idsA = findingIdentities(a, before.toStdString()), idsB = findingIdentities(b, after.toStdString());
    const ReportDiff d = diffReports(a, b, DiffIdentities { idsA, idsB });
    QCOMPARE(d.total.removed + d.total.changed, 0u);
    QCOMPARE(d.total.added, 1u);
    for (const Change& c : d.changes) {
        if (c.type == ChangeType::Added) {
            QCOMPARE(c.line, 17u);
            QCOMPARE(c.column, 23u);
            QCOMPARE(c.subjectB, std::string("~r0"));
        }
    }
}

void TestIdentity::mergeBaselines_data()
{
    // Files whose heap allocations are accepted first, then accepted again ("Accept File" twice).
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("then");
    QTest::newRow("into an empty baseline") << QStringList {} << QStringList { QStringLiteral("./closure.go") };
    QTest::newRow("disjoint files") << QStringList { QStringLiteral(
        "./closure.go") } << QStringList { QStringLiteral("./returnaddr.go"), QStringLiteral("store/store.go") };
    QTest::newRow("overlapping files") << QStringList { QStringLiteral("./closure.go"), QStringLiteral("./iface.go") }
                                       << QStringList { QStringLiteral("./iface.go"), QStringLiteral("./main.go") };
    QTest::newRow("the same file again") << QStringList { QStringLiteral("./iface.go") }
                                         << QStringList { QStringLiteral("./iface.go") };
}

void TestIdentity::mergeBaselines()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, then);
    const QString sources = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");
    const Report report
        = parse(test::readFile(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/escapes-go1.22.m2.txt")), sources);
    const auto inFiles = [&](const QStringList& files) {
        return makeBaseline(filterFindings(report,
                                [&](const Finding& f) {
                                    return files.contains(
                                        QString::fromStdString(std::string(report.fileName(f.position.file))));
                                }),
            sources.toStdString());
    };
    const Baseline a = inFiles(first), b = inFiles(then);
    QStringList both = first + then;
    both.removeDuplicates();
    const Baseline expected = inFiles(both);
    QVERIFY(!expected.report.findings().empty());

    const Baseline merged = heapsight::mergeBaselines(a, b);
    QCOMPARE(merged.report.findings().size(), expected.report.findings().size());
    QCOMPARE(merged.places.size(), merged.report.findings().size());
    // Whatever the order of accepting, the same findings are accepted, and accepting again adds nothing.
    const ReportDiff same = checkAgainstBaseline(merged, expected);
    QCOMPARE(same.total.added + same.total.removed, 0u);
    QCOMPARE(heapsight::mergeBaselines(merged, b).report.findings().size(), merged.report.findings().size());
    // Written and read back, it is the same baseline.
    std::string error;
    const auto reread = baselineFromJsonText(baselineToJsonText(merged), &error);
    QVERIFY2(reread, error.c_str());
    QCOMPARE(reread->report.findings().size(), merged.report.findings().size());
    QVERIFY(reread->identities() == merged.identities());
    for (std::size_t i = 0; i < merged.report.findings().size(); ++i) {
        const Finding& f = merged.report.findings()[i];
        QCOMPARE(merged.report.fileName(f.position.file),
            reread->report.fileName(reread->report.findings()[i].position.file));
        QVERIFY(!merged.places[i].function.empty()); // every heap allocation of the sample is inside a function
    }
}

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
