// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "guitestsupport.h"

#include "core/parse/escapeparser.h"
#include "findings/findingsmodel.h"
#include "findings/findingspanel.h"
#include "findings/findingsproxy.h"
#include "run/analysisbar.h"
#include "session/modulesession.h"
#include "session/reportindex.h"
#include "session/reportsnapshot.h"
#include "tree/moduletreemodel.h"
#include "tree/moduletreepanel.h"
#include "window/mainwindow.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

namespace heapsight::test {

QString sampleModule()
{
    return QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/escapes");
}

QString sampleReport(const QString& name)
{
    return QStringLiteral(HEAPSIGHT_SOURCE_DIR "/samples/reports/") + name;
}

namespace {

QSet<QString> grep(const QByteArray& report, const QString& file, const QString& messagePattern)
{
    const QRegularExpression line(
        QStringLiteral("^%1:(\\d+):(\\d+): (?:%2)$").arg(QRegularExpression::escape(file), messagePattern));
    QSet<QString> hits;
    for (const QByteArray& raw : report.split('\n')) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
        if (m.hasMatch())
            hits.insert(QString::fromUtf8(raw));
    }
    return hits;
}

} // namespace

QList<int> grepLines(const QByteArray& report, const QString& file, const QString& messagePattern)
{
    QList<int> lines;
    const QRegularExpression position(QStringLiteral("^.*?:(\\d+):\\d+: "));
    for (const QString& hit : grep(report, file, messagePattern)) {
        const int n = position.match(hit.mid(file.size())).captured(1).toInt();
        if (!lines.contains(n))
            lines.append(n);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

int grepCount(const QByteArray& report, const QString& file, const QString& messagePattern)
{
    return static_cast<int>(grep(report, file, messagePattern).size());
}

QString defaultVerdictPattern()
{
    return QStringLiteral("moved to heap: \\S+|.+ escapes to heap|leaking param: \\S+( to result \\S+ "
                          "level=\\d+)?|leaking param content: \\S+");
}

std::shared_ptr<const gui::ReportIndex> loadSampleIndex(const QString& reportName)
{
    const QByteArray text = readFile(sampleReport(reportName));
    auto report = std::make_shared<const Report>(
        EscapeParser::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))));
    return std::make_shared<const gui::ReportIndex>(std::move(report), QDir::cleanPath(sampleModule()), reportName);
}

std::shared_ptr<const gui::ReportSnapshot> snapshotOf(std::shared_ptr<const gui::ReportIndex> index)
{
    return std::make_shared<const gui::ReportSnapshot>(gui::ReportSnapshot { std::move(index), nullptr, nullptr, 1 });
}

std::unique_ptr<gui::MainWindow> openSampleWindow(std::vector<std::unique_ptr<QAbstractItemModelTester>>* testers)
{
    auto window = std::make_unique<gui::MainWindow>();
    window->resize(1280, 860);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    testers->push_back(std::make_unique<QAbstractItemModelTester>(window->treePanel()->model(), mode));
    testers->push_back(std::make_unique<QAbstractItemModelTester>(window->treePanel()->proxy(), mode));
    testers->push_back(std::make_unique<QAbstractItemModelTester>(window->findingsPanel()->model(), mode));
    testers->push_back(std::make_unique<QAbstractItemModelTester>(window->findingsPanel()->proxy(), mode));
    QSignalSpy ready(window.get(), &gui::MainWindow::moduleReady);
    if (!window->openSample(sampleReport()) || !ready.wait(10000) || !window->session()->report())
        return nullptr;
    return window;
}

QStringList dumpTree(const QAbstractItemModel& model, int badgeRole, const QModelIndex& parent, int depth)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString line = QString(depth * 2, QLatin1Char(' ')) + index.data().toString();
        if (const int badge = index.data(badgeRole).toInt())
            line += QStringLiteral(" [%1]").arg(badge);
        lines << line << dumpTree(model, badgeRole, index, depth + 1);
    }
    return lines;
}

std::unique_ptr<gui::MainWindow> openModuleForAnalysis(const QString& module)
{
    auto window = std::make_unique<gui::MainWindow>();
    window->show();
    QSignalSpy ready(window.get(), &gui::MainWindow::moduleReady);
    window->openFolder(module);
    if (!ready.wait(20000))
        return nullptr;
    gui::AnalysisBar* bar = window->analysisBar();
    // Toolchain discovery runs in the background.
    if (!QTest::qWaitFor([bar] { return bar->toolchainCount() > 0; }, 30000))
        return nullptr;
    return window;
}

} // namespace heapsight::test
