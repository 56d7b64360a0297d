// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every reason word the compiler can print has a plain-words meaning and a tip, and so has every verdict;
// the translated entries the GUI shows are the same texts as the English source the CLI prints.
#include "core/explain/reasonvocabulary.h"
#include "testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace heapsight;

class TestReasonVocabulary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void closedVocabulary_data();
    void closedVocabulary();
    void reasonsOfRecordedOutput_data();
    void reasonsOfRecordedOutput();
    void noUnexpectedWords();
    void everyVerdictExplained();
    void unknownWord();
};

namespace {

// The complete REASON vocabulary of cmd/compile/internal/escape (Go 1.21–1.23), as listed in
// shared/reference/go-escape-output.md §4.5.
const QStringList& referenceVocabulary()
{
    static const QStringList words {
        QStringLiteral("address-of"),
        QStringLiteral("indirection"),
        QStringLiteral("dot"),
        QStringLiteral("dot of pointer"),
        QStringLiteral("fixed-array-index-of"),
        QStringLiteral("slice"),
        QStringLiteral("slice-to-array"),
        QStringLiteral("slice-literal-element"),
        QStringLiteral("array literal element"),
        QStringLiteral("copied slice"),
        QStringLiteral("appended slice..."),
        QStringLiteral("appendee slice"),
        QStringLiteral("struct literal element"),
        QStringLiteral("map literal key"),
        QStringLiteral("map literal value"),
        QStringLiteral("key of map put"),
        QStringLiteral("spill"),
        QStringLiteral("assign"),
        QStringLiteral("assign-pair"),
        QStringLiteral("assign-pair-dot-type"),
        QStringLiteral("assign-pair-mapr"),
        QStringLiteral("assign-pair-receive"),
        QStringLiteral("return"),
        QStringLiteral("call parameter"),
        QStringLiteral("callee operand"),
        QStringLiteral("interface-converted"),
        QStringLiteral("range"),
        QStringLiteral("range-deref"),
        QStringLiteral("switch case"),
        QStringLiteral("send"),
        QStringLiteral("captured by a closure"),
        QStringLiteral("reference"),
        QStringLiteral("too large for stack"),
        QStringLiteral("too aligned for stack"),
        QStringLiteral("non-constant size"),
        QStringLiteral("//go:uintptrescapes"),
        QStringLiteral("reflect.Header.Data"),
        QStringLiteral("conversion to unsafe.Pointer"),
    };
    return words;
}

void verifyEntry(const QString& word)
{
    const std::optional<VocabularyEntry> entry = ReasonVocabulary::reason(word.toStdString());
    QVERIFY2(entry, qPrintable(QStringLiteral("no entry for \"%1\"").arg(word)));
    QVERIFY2(entry->meaning.size() > 30, qPrintable(word));
    QVERIFY2(entry->remedy.size() > 20, qPrintable(word));
    QVERIFY(entry->meaning.endsWith(QLatin1Char('.')) && entry->remedy.endsWith(QLatin1Char('.')));
    // No translation is loaded here: the GUI's words are the core's source text.
    const std::optional<VocabularyText> text = ReasonVocabulary::reasonText(word.toStdString());
    QVERIFY(text);
    QCOMPARE(entry->meaning, QString::fromUtf8(text->meaning.data()));
    QCOMPARE(entry->remedy, QString::fromUtf8(text->remedy.data()));
}

} // namespace

void TestReasonVocabulary::closedVocabulary_data()
{
    QTest::addColumn<QString>("word");
    for (const QString& word : referenceVocabulary())
        QTest::newRow(qPrintable(word)) << word;
}

void TestReasonVocabulary::closedVocabulary()
{
    QFETCH(QString, word);
    verifyEntry(word);
}

void TestReasonVocabulary::reasonsOfRecordedOutput_data()
{
    QTest::addColumn<QString>("path");
    const QDir reports(QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports"));
    for (const QString& name : reports.entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << reports.filePath(name);
}

// Every `(REASON)` of every `from` line in the recorded output, found with a plain regular expression.
void TestReasonVocabulary::reasonsOfRecordedOutput()
{
    QFETCH(QString, path);
    const QRegularExpression from(QStringLiteral(R"(:     from .* \(([^()]+)\) at \S.*$)"));
    QSet<QString> words;
    for (const QByteArray& line : test::readFile(path).split('\n')) {
        const QRegularExpressionMatch m = from.match(QString::fromUtf8(line));
        if (m.hasMatch())
            words.insert(m.captured(1));
    }
    QVERIFY(words.size() >= 8);
    for (const QString& word : std::as_const(words)) {
        QVERIFY2(referenceVocabulary().contains(word), qPrintable(word));
        verifyEntry(word);
    }
}

void TestReasonVocabulary::noUnexpectedWords()
{
    QStringList known = ReasonVocabulary::knownReasons();
    QStringList reference = referenceVocabulary();
    known.sort();
    reference.sort();
    QCOMPARE(known, reference);
}

void TestReasonVocabulary::everyVerdictExplained()
{
    QSet<QString> meanings;
    for (int k = 0; k < FindingKindCount; ++k) {
        const VocabularyEntry e = ReasonVocabulary::verdict(static_cast<FindingKind>(k));
        QVERIFY(!e.meaning.isEmpty());
        QVERIFY(!e.remedy.isEmpty());
        meanings.insert(e.meaning);
    }
    // The heap verdicts each have their own words.
    QVERIFY(ReasonVocabulary::verdict(FindingKind::MovedToHeap).meaning
        != ReasonVocabulary::verdict(FindingKind::EscapesToHeap).meaning);
    QVERIFY(meanings.size() >= 10);
}

void TestReasonVocabulary::unknownWord()
{
    QVERIFY(!ReasonVocabulary::reason("a reason from Go 1.99"));
}

QTEST_MAIN(TestReasonVocabulary)
#include "tst_reasonvocabulary.moc"
