// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// heapsight-cli report --html on the sample module's recorded Go 1.22 output: the page's counts are the
// report's, every file with findings has its section (with source, or its findings listed when the source
// is missing), nothing is fetched from the network; then the page as a person sees it, in headless
// Chromium (Debian's chromium, tools/install-deps): opened at #finding=N it shows that finding's reason
// chain, the plain words of each step, its cause and hint, and marks its line; text of a hostile report
// (markup in a compiler message) stays text.
#include "core/explain/heapcause.h"
#include "core/explain/reasonvocabulary.h"
#include "core/model/chaintext.h"
#include "core/model/generatedcode.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <memory>

using namespace heapsight;

namespace {

const QString kSample = QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples");

// How a DOM serialisation writes text: &, < and > as entities, quotes as they are.
QString domText(std::string_view text)
{
    QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    s.replace(u'&', QLatin1String("&amp;")).replace(u'<', QLatin1String("&lt;")).replace(u'>', QLatin1String("&gt;"));
    return s;
}

// Markup in the page that would load something: a URL with a scheme or `//` in an attribute that fetches,
// a style sheet or frame, CSS imports and url(), script requests.
QStringList networkUses(const QString& page)
{
    static const QRegularExpression patterns[] {
        QRegularExpression(QStringLiteral("<[a-zA-Z][^>]*\\s(?:src|href|action|formaction|poster|data|srcset|"
                                          "background)\\s*=\\s*[\"']?\\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")),
        QRegularExpression(QStringLiteral("<(?:link|iframe|img|object|embed|base)\\b")),
        QRegularExpression(QStringLiteral("@import|url\\(|fetch\\(|XMLHttpRequest|WebSocket|EventSource")),
    };
    QStringList found;
    for (const QRegularExpression& re : patterns) {
        for (auto it = re.globalMatch(page); it.hasNext();)
            found << it.next().captured(0);
    }
    return found;
}

} // namespace

class TestReportHtml : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void countsAndSources();
    void missingSources();
    void inTheBrowser();

private:
    // Runs `heapsight-cli report INPUT --html NAME EXTRA…` (in `cwd` when given); the page, empty on failure.
    QString writePage(const QString& name, const QString& input, const QStringList& extra, const QString& cwd = {});
    QTemporaryDir m_dir;
    Report m_report;
    QByteArray m_errors; // the last writePage's standard error
};

void TestReportHtml::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_report = test::parseFile(kSample + QStringLiteral("/reports/escapes-go1.22.m2.txt"));
    QVERIFY(m_report.findings().size() > 100);
}

QString TestReportHtml::writePage(
    const QString& name, const QString& input, const QStringList& extra, const QString& cwd)
{
    const QString out = m_dir.filePath(name);
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(HEAPSIGHT_CLI),
        QStringList { QStringLiteral("report"), input, QStringLiteral("--html"), out } + extra);
    const bool ran = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    m_errors = p.readAllStandardError();
    if (!ran) {
        qWarning() << m_errors;
        return {};
    }
    return QString::fromUtf8(test::readFile(out));
}

void TestReportHtml::countsAndSources()
{
    const QString page
        = writePage(QStringLiteral("escapes.html"), kSample + QStringLiteral("/reports/escapes-go1.22.m2.txt"),
            { QStringLiteral("--source-dir"), kSample + QStringLiteral("/escapes") });
    QVERIFY(page.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY2(networkUses(page).isEmpty(), qPrintable(networkUses(page).join(u'\n')));

    // The overview's numbers are the report's.
    QMap<QString, qsizetype> expected;
    for (const Finding& f : m_report.findings()) {
        expected[QStringLiteral("findings")] += 1;
        expected[QStringLiteral("heap")] += isHeapAllocation(f.kind) ? 1 : 0;
        expected[QStringLiteral("moved")] += f.kind == FindingKind::MovedToHeap ? 1 : 0;
        expected[QStringLiteral("escapes")] += f.kind == FindingKind::EscapesToHeap ? 1 : 0;
        expected[QStringLiteral("leaks")] += kindGroup(f.kind) == KindGroup::Leak ? 1 : 0;
    }
    expected[QStringLiteral("files")] = static_cast<qsizetype>(m_report.filesWithFindings().size());
    expected[QStringLiteral("packages")] = static_cast<qsizetype>(m_report.packages().size());
    QMap<QString, qsizetype> shown;
    static const QRegularExpression card(QStringLiteral("data-count=\"(\\w+)\"><b>(\\d+)</b>"));
    for (auto it = card.globalMatch(page); it.hasNext();) {
        const auto m = it.next();
        shown[m.captured(1)] = m.captured(2).toLongLong();
    }
    QCOMPARE(shown, expected);
    QVERIFY(expected[QStringLiteral("moved")] > 0 && expected[QStringLiteral("leaks")] > 0);

    // Per package and per file, the totals add up to every finding.
    for (const QString& table : { QStringLiteral("packages"), QStringLiteral("filelist") }) {
        const qsizetype from = page.indexOf(QStringLiteral("<section id=\"%1\">").arg(table));
        QVERIFY(from > 0);
        const QString section = page.mid(from, page.indexOf(QLatin1String("</section>"), from) - from);
        qsizetype total = 0;
        static const QRegularExpression cell(QStringLiteral("<td class=\"num total\">(\\d+)</td>"));
        for (auto it = cell.globalMatch(section); it.hasNext();)
            total += it.next().captured(1).toLongLong();
        QCOMPARE(total, expected[QStringLiteral("findings")]);
    }
    // The first chart: a bar per kind, labelled, with the kind's count at its end.
    const qsizetype chartEnd = page.indexOf(QLatin1String("</figure>"));
    const QString chart = page.left(chartEnd);
    int kinds = 0;
    for (int k = 0; k < FindingKindCount; ++k) {
        const auto kind = static_cast<FindingKind>(k);
        if (m_report.stats().distinctOf(kind) == 0)
            continue;
        ++kinds;
        const QRegularExpression bar(
            QStringLiteral(">%1</text>(?:(?!</g>).)*<text class=\"value\"[^>]*>(\\d+)</text></g>")
                .arg(QRegularExpression::escape(QLatin1String(kindLabel(kind)))));
        const auto m = bar.match(chart);
        QVERIFY2(m.hasMatch(), kindLabel(kind).data());
        QCOMPARE(m.captured(1).toULongLong(), m_report.stats().distinctOf(kind));
    }
    QCOMPARE(chart.count(QLatin1String("<g class=\"bar\">")), kinds);

    // Every file has its section with its source; one marked line per source line with findings.
    QCOMPARE(page.count(QLatin1String("<details class=\"file\"")), expected[QStringLiteral("files")]);
    // Generated code (<autogenerated>: compiler wrappers) has no source: its findings are listed instead.
    qsizetype generated = 0;
    for (const FileId id : m_report.filesWithFindings())
        generated += isGeneratedFile(m_report.fileName(id)) ? 1 : 0;
    QCOMPARE(generated, 1);
    QCOMPARE(page.count(QLatin1String("class=\"nosource\"")), generated);
    QSet<QPair<FileId, std::uint32_t>> lines;
    for (const Finding& f : m_report.findings()) {
        if (!isGeneratedFile(m_report.fileName(f.position.file)))
            lines.insert({ f.position.file, f.position.line });
    }
    QCOMPARE(page.count(QLatin1String(" data-f=\"")), lines.size());
    QVERIFY(m_errors.contains(QByteArray("with source\n")));
}

// Without --source-dir, read from a directory without the sources: every file is listed with its findings.
void TestReportHtml::missingSources()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const QString page = writePage(
        QStringLiteral("nosource.html"), kSample + QStringLiteral("/reports/escapes-go1.22.m2.txt"), {}, empty.path());
    const auto files = static_cast<qsizetype>(m_report.filesWithFindings().size());
    QCOMPARE(page.count(QLatin1String("class=\"nosource\"")), files);
    QCOMPARE(page.count(QLatin1String("<div class=\"src\">")), 0);
    // Each finding is a row of its file's table (and the heap allocations once more in theirs).
    qsizetype heap = 0;
    for (const Finding& f : m_report.findings())
        heap += isHeapAllocation(f.kind) ? 1 : 0;
    QCOMPARE(page.count(QRegularExpression(QStringLiteral("<tr class=\"pick g-\\w+\" data-fid="))),
        static_cast<qsizetype>(m_report.findings().size()) + heap);
    QCOMPARE(m_errors.count("without source (findings listed): "), std::min<qsizetype>(files, 10));
    QVERIFY(m_errors.contains(QByteArray("0 with source\n")));
}

namespace {

// A compiler message whose expression is markup: the page must show it as text, run nothing, load nothing.
const QByteArray kHostileSource
    = "package h\n\nvar sink string\n\nfunc F(s string) {\n"
      "\tsink = \"</script><img src=https://evil.example/x.png onerror=alert(1)>\" + s\n}\n";
const QByteArray kHostileExpr = "\"</script><img src=https://evil.example/x.png onerror=alert(1)>\" + s";
const QByteArray kHostileOutput = "# example.com/h\n"
                                  "./h.go:6:9: "
    + kHostileExpr
    + " escapes to heap:\n"
      "./h.go:6:9:   flow: {heap} = &{storage for "
    + kHostileExpr
    + "}:\n"
      "./h.go:6:9:     from "
    + kHostileExpr
    + " (spill) at ./h.go:6:9\n"
      "./h.go:6:9:     from sink = "
    + kHostileExpr
    + " (assign) at ./h.go:6:7\n"
      "./h.go:6:9: "
    + kHostileExpr + " escapes to heap\n";

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// What Chromium shows in the side panel: the part of the DOM between the panel's body and its end.
QString panel(const QString& dom)
{
    const qsizetype from = dom.indexOf(QLatin1String("<div id=\"why-body\">"));
    return from < 0 ? QString() : dom.mid(from, dom.indexOf(QLatin1String("</aside>"), from) - from);
}

} // namespace

// The page as a person sees it: Chromium loads it (scripts run), opened at #finding=N, and prints the DOM.
void TestReportHtml::inTheBrowser()
{
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (chromium.isEmpty()) {
        if (!qEnvironmentVariable("CI").isEmpty())
            QFAIL("CI must have Debian's chromium (tools/install-deps)");
        QSKIP("needs Debian's chromium (tools/install-deps)");
    }
    // The first variable moved to the heap with a reason chain and a cause of its own.
    std::uint32_t chosen = 0;
    for (; chosen < m_report.findings().size(); ++chosen) {
        const Finding& f = m_report.findings()[chosen];
        const auto cause = heapCause(f);
        if (f.kind == FindingKind::MovedToHeap && !f.explanations.empty() && cause != HeapCause::OtherFlow)
            break;
    }
    QVERIFY(chosen < m_report.findings().size());
    const Finding& f = m_report.findings()[chosen];

    QTemporaryDir hostile;
    QVERIFY(hostile.isValid());
    QVERIFY(writeFile(hostile.filePath(QStringLiteral("h.go")), kHostileSource));
    QVERIFY(writeFile(hostile.filePath(QStringLiteral("h.m2.txt")), kHostileOutput));
    const QString pages[] = {
        writePage(QStringLiteral("browser.html"), kSample + QStringLiteral("/reports/escapes-go1.22.m2.txt"),
            { QStringLiteral("--source-dir"), kSample + QStringLiteral("/escapes") }),
        writePage(QStringLiteral("hostile.html"), hostile.filePath(QStringLiteral("h.m2.txt")),
            { QStringLiteral("--source-dir"), hostile.path() }),
    };
    QVERIFY(!pages[0].isEmpty() && !pages[1].isEmpty());
    QVERIFY2(networkUses(pages[1]).isEmpty(), qPrintable(networkUses(pages[1]).join(u'\n')));
    // Both at once: a Chromium start takes seconds here, most of it waiting.
    const std::pair<QString, std::uint32_t> opened[]
        = { { QStringLiteral("browser.html"), chosen }, { QStringLiteral("hostile.html"), 0 } };
    std::vector<std::unique_ptr<QProcess>> browsers;
    for (const auto& [name, finding] : opened) {
        QUrl url = QUrl::fromLocalFile(m_dir.filePath(name));
        url.setFragment(QStringLiteral("finding=%1").arg(finding));
        auto& p = browsers.emplace_back(std::make_unique<QProcess>());
        p->start(chromium,
            { QStringLiteral("--headless"), QStringLiteral("--disable-gpu"), QStringLiteral("--no-sandbox"),
                QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
                QStringLiteral("--user-data-dir=") + m_dir.filePath(QStringLiteral("profile-") + name),
                QStringLiteral("--dump-dom"), url.toString(QUrl::FullyEncoded) });
    }
    QStringList doms;
    for (auto& p : browsers) {
        QVERIFY2(p->waitForFinished(60000) && p->exitCode() == 0, p->readAllStandardError().constData());
        doms << QString::fromUtf8(p->readAllStandardOutput());
    }

    // The sample: the panel shows the finding, its chain as the compiler printed it, each step's reason in
    // plain words, the cause and what helps; its line is selected in its (opened) file.
    const QString why = panel(doms[0]);
    QVERIFY2(why.contains(domText(f.message)), qPrintable(why));
    for (const std::string& line : chainText(m_report, f))
        QVERIFY2(why.contains(domText(line)), line.c_str());
    QVERIFY(why.contains(domText(ReasonVocabulary::verdictText(f.kind).meaning)));
    for (const Explanation& e : f.explanations) {
        for (const FlowEdge& edge : e.flows) {
            for (const FlowStep& step : edge.steps)
                QVERIFY2(why.contains(domText(ReasonVocabulary::reasonText(step.reason)->meaning)), step.reason.data());
        }
    }
    QVERIFY(why.contains(domText(causeLabel(*heapCause(f)))));
    QVERIFY(why.contains(domText(causeHint(*heapCause(f)))));
    QCOMPARE(why.count(QLatin1String("<article")), 1);
    const QRegularExpression selected(
        QStringLiteral("<div class=\"l marked[^\"]*\\bsel\\b[^\"]*\" id=\"L(\\d+)-%1\"").arg(f.position.line));
    const auto line = selected.match(doms[0]);
    QVERIFY2(line.hasMatch(), "the finding's line is selected");
    const std::string_view name = m_report.fileName(f.position.file);
    const QString file = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    QVERIFY(doms[0].contains(
        QStringLiteral("<details class=\"file\" id=\"file-%1\" open=\"\"><summary><span class=\"fname\">%2<")
            .arg(line.captured(1), file)));
    QVERIFY2(networkUses(doms[0]).isEmpty(), qPrintable(networkUses(doms[0]).join(u'\n')));

    // The hostile page: its markup is text in the panel and the source, no element was made of it.
    const QString hostileWhy = panel(doms[1]);
    QVERIFY2(hostileWhy.contains(domText(kHostileExpr.toStdString() + " escapes to heap")), qPrintable(hostileWhy));
    QVERIFY(hostileWhy.contains(QStringLiteral("Cause: </b>")));
    QVERIFY(!doms[1].contains(QLatin1String("<img")));
    QVERIFY(doms[1].contains(QStringLiteral("<span class=\"st\">")
        + domText(kHostileExpr.left(kHostileExpr.size() - 4).toStdString()) + QStringLiteral("</span>")));
    QVERIFY2(networkUses(doms[1]).isEmpty(), qPrintable(networkUses(doms[1]).join(u'\n')));

    // A person's click: the mouse pressed and released on the finding's note (tests/html-click.py drives
    // Chromium over the DevTools protocol) opens the same explanation in the panel, from a page opened
    // without a fragment.
    QProcess click;
    click.start(QStringLiteral("python3"),
        { QStringLiteral(HEAPSIGHT_SOURCE_DIR "/tests/html-click.py"), chromium,
            m_dir.filePath(QStringLiteral("browser.html")), QString::number(chosen) });
    QVERIFY2(click.waitForFinished(90000) && click.exitCode() == 0,
        qPrintable(click.errorString() + u' ' + QString::fromUtf8(click.readAllStandardError())));
    const QString clicked = QString::fromUtf8(click.readAllStandardOutput());
    QVERIFY2(clicked.contains(QString::fromStdString(std::string(f.message))), qPrintable(clicked));
    for (const std::string& chainLine : chainText(m_report, f))
        QVERIFY2(clicked.contains(QString::fromStdString(chainLine).trimmed()), chainLine.c_str());
    const std::string_view hint = causeHint(*heapCause(f));
    QVERIFY(clicked.contains(QString::fromUtf8(hint.data(), static_cast<qsizetype>(hint.size()))));
}

QTEST_GUILESS_MAIN(TestReportHtml)
#include "tst_reporthtml.moc"
