// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Version-specific spellings of the same finding, each pair taken from the catalogue's measured
// differences between Go 1.21 and Go 1.22 output of byte-identical source.
#include "core/identity/spelling.h"

#include <QTest>

using namespace heapsight;

class TestSpelling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameFindingSameSpelling_data();
    void sameFindingSameSpelling();
    void differentFindingsStayApart_data();
    void differentFindingsStayApart();
    void constants_data();
    void constants();
    void fileNames_data();
    void fileNames();
};

void TestSpelling::sameFindingSameSpelling_data()
{
    QTest::addColumn<QString>("go121");
    QTest::addColumn<QString>("go122");
    QTest::newRow("result name") << "~R0"
                                 << "~r0";
    QTest::newRow("result in call") << "\"comparing uncomparable type \" + rtype.string(~R0)"
                                    << "\"comparing uncomparable type \" + rtype.string(~r0)";
    QTest::newRow("shift constant") << "make([]byte, 1 << 20)"
                                    << "make([]byte, 1048576)";
    QTest::newRow("bare shift") << "1 << 20"
                                << "1048576";
    QTest::newRow("mask") << "x &^ (1 << 63)"
                          << "x &^ uint64(9223372036854775808)";
    QTest::newRow("call keeps parentheses") << "f(1 << 3)"
                                            << "f(8)";
    QTest::newRow("typed literal") << "b[0] - 48"
                                   << "b[0] - byte(48)";
    QTest::newRow("typed shift") << "x << 8"
                                 << "x << uint(8)";
    QTest::newRow("raw string") << "`^[ \\t]*` + noteMarker"
                                << "\"^[ \\\\t]*\" + noteMarker";
    QTest::newRow("package closure") << "glob..func1"
                                     << "init.func1";
    QTest::newRow("unnamed parameter") << ".anon0"
                                       << "~p0";
    QTest::newRow("cgo parameter") << "arg#2"
                                   << "~p1";
    QTest::newRow("white space") << "make([]int,  n)"
                                 << "make([]int, n)";
    QTest::newRow("shape suffix") << "Sum[go.shape.int_0]"
                                  << "Sum[go.shape.int]";
    // Go 1.24-1.26 name a closure inlined into another function after that function (main.go:14:5 of
    // samples/escapes: `inlining call to main.makeAccumulator.func1`); Go 1.27 after the one it is written in.
    QTest::newRow("closure inlined into main") << "main.makeAccumulator.func1"
                                               << "makeAccumulator.func1";
    QTest::newRow("closure inlined into a function") << "Use.mk.func1"
                                                     << "mk.func1";
    QTest::newRow("closure with package path") << "example.com/m/store.(*Cache).Put.func1.2"
                                               << "(*Cache).Put.func1.2";
    QTest::newRow("closure of a generic function")
        << "typeEncoder.OnceValue[go.shape.func(*encoding/json.encodeState)].func1"
        << "sync.OnceValue[go.shape.func(*encoding/json.encodeState)].func1";
    QTest::newRow("closure of an init") << "main.init.0.func2"
                                        << "init.0.func2";
    QTest::newRow("defer wrapper of a closure") << "main.launchWorkers.func1.deferwrap1"
                                                << "launchWorkers.func1.deferwrap1";
    QTest::newRow("closure in a call") << "f(main.mk.func1, 1)"
                                       << "f(mk.func1, 1)";
}

void TestSpelling::sameFindingSameSpelling()
{
    QFETCH(QString, go121);
    QFETCH(QString, go122);
    QCOMPARE(QString::fromStdString(normalizeSpelling(go121.toStdString())),
        QString::fromStdString(normalizeSpelling(go122.toStdString())));
}

void TestSpelling::differentFindingsStayApart_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("other variable") << "x"
                                    << "y";
    QTest::newRow("other size") << "make([]byte, 1 << 20)"
                                << "make([]byte, 1 << 21)";
    QTest::newRow("expression with names") << "n - 1"
                                           << "n - 2";
    QTest::newRow("string content") << "\"1 << 20\""
                                    << "\"1048576\"";
    QTest::newRow("identifier with digits") << "x2 + 1"
                                            << "x3";
    QTest::newRow("call is not a parenthesised constant") << "f(8)"
                                                          << "f8";
    QTest::newRow("other closure") << "makeAccumulator.func1"
                                   << "makeAccumulator.func2";
    QTest::newRow("closure of another function") << "main.makeAccumulator.func1"
                                                 << "main.makeCounter.func1";
    QTest::newRow("nested closure") << "f.func1"
                                    << "f.func1.1";
    QTest::newRow("field named like a closure") << "a.b.funcs"
                                                << "b.funcs";
    QTest::newRow("closure name in a string") << "\"main.f.func1\""
                                              << "\"f.func1\"";
}

void TestSpelling::differentFindingsStayApart()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QVERIFY(normalizeSpelling(a.toStdString()) != normalizeSpelling(b.toStdString()));
}

void TestSpelling::constants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qlonglong>("value");
    QTest::newRow("shift") << "1 << 20" << true << 1048576ll;
    QTest::newRow("precedence") << "3 * 4 * 4" << true << 48ll;
    QTest::newRow("mixed") << "2 + 3 * 4" << true << 14ll;
    QTest::newRow("parentheses") << "(2 + 3) * 4" << true << 20ll;
    QTest::newRow("hex") << "0x10 | 1" << true << 17ll;
    QTest::newRow("and not") << "0xff &^ 0x0f" << true << 240ll;
    QTest::newRow("name") << "n << 2" << false << 0ll;
    QTest::newRow("division by zero") << "1 / 0" << false << 0ll;
    QTest::newRow("unbalanced") << "(1 + 2" << false << 0ll;
}

void TestSpelling::constants()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    unsigned long long value = 0;
    QCOMPARE(evaluateConstant(text.toStdString(), value), valid);
    if (valid)
        QTEST(qlonglong(value), "value");
}

void TestSpelling::fileNames_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("debian 1.21") << "/usr/lib/go-1.21/src/net/http/server.go"
                                 << "$GOROOT/src/net/http/server.go";
    QTest::newRow("debian 1.22") << "/usr/lib/go-1.22/src/net/http/server.go"
                                 << "$GOROOT/src/net/http/server.go";
    QTest::newRow("usr local") << "/usr/local/go/src/fmt/print.go"
                               << "$GOROOT/src/fmt/print.go";
    QTest::newRow("sdk") << "/home/g/sdk/go1.23.5/src/fmt/print.go"
                         << "$GOROOT/src/fmt/print.go";
    QTest::newRow("module file") << "./main.go"
                                 << "./main.go";
    QTest::newRow("module in GOPATH") << "/home/g/go/src/example.com/m/main.go"
                                      << "/home/g/go/src/example.com/m/main.go";
}

void TestSpelling::fileNames()
{
    QFETCH(QString, file);
    QTEST(QString::fromStdString(normalizeFileName(file.toStdString())), "normalised");
}

QTEST_APPLESS_MAIN(TestSpelling)
#include "tst_spelling.moc"
