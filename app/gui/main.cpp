// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// heapsight: the desktop app. Shows why Go values move to the heap, over the module's source.
#include "core/io/hugepages.h"
#include "profile/profileactions.h"
#include "profile/profilesession.h"
#include "screenshotrunner.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

using heapsight::gui::MainWindow;
using heapsight::gui::ScreenshotRunner;

int main(int argc, char** argv)
{
    heapsight::useTransparentHugePages(argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Heapsight"));
    QApplication::setApplicationName(QStringLiteral("Heapsight"));
    QApplication::setApplicationVersion(QStringLiteral(HEAPSIGHT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.heapsight.Heapsight"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Shows why Go values move to the heap: go build -gcflags=-m=2 output laid over a module's source.\n"
        "Without a folder, opens the bundled sample module with its recorded report."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("folder"),
        QApplication::translate("main", "A Go module folder to open."), QStringLiteral("[folder]"));
    const QCommandLineOption reportOption(QStringLiteral("report"),
        QApplication::translate(
            "main", "Compiler output (-m or -m=2 text) or Heapsight report JSON to show for the folder."),
        QStringLiteral("file"));
    const QCommandLineOption gotoOption(QStringLiteral("goto"),
        QApplication::translate("main", "Show this file of the module (relative to its root) at this line."),
        QStringLiteral("file[:line]"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QApplication::translate("main", "A Go heap profile (go test -memprofile) to rank the heap findings by."),
        QStringLiteral("file"));
    const QCommandLineOption compareOption(QStringLiteral("compare"),
        QApplication::translate("main",
            "Given twice (side A, then side B): compare these two sides of the module in the compare view. "
            "A side is a report file, or a toolchain to run: go1.22, or go1.22@1.21 for another language version."),
        QStringLiteral("report|goX.Y[@X.Y]"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Write screenshots to this directory and quit."), QStringLiteral("dir"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption windowSizeOption(QStringLiteral("window-size"),
        QStringLiteral("Open the window at WIDTHxHEIGHT pixels (screenshots at a given size)."), QStringLiteral("WxH"));
    windowSizeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ reportOption, gotoOption, profileOption, compareOption, screenshotOption, windowSizeOption });
    parser.process(app);

    MainWindow window;
    int gotoLine = 0;
    if (parser.isSet(gotoOption)) {
        const QString target = parser.value(gotoOption);
        const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
        bool numeric = false;
        const int line = colon > 0 ? target.mid(colon + 1).toInt(&numeric) : 0;
        gotoLine = numeric ? line : 0;
        window.setInitialLocation(numeric ? target.left(colon) : target, gotoLine);
    }
    if (parser.isSet(profileOption))
        window.profileActions()->session()->loadFile(parser.value(profileOption));
    const QStringList compared = parser.values(compareOption);
    if (compared.size() == 2) {
        QObject::connect(
            &window, &MainWindow::moduleReady, &window,
            [&window, compared] { window.compareReports(compared.at(0), compared.at(1)); }, Qt::SingleShotConnection);
    } else if (!compared.isEmpty()) {
        QTextStream(stderr) << "heapsight: --compare needs two reports: --compare A --compare B\n";
        return 2;
    }
    if (parser.isSet(windowSizeOption)) {
        const QStringList parts = parser.value(windowSizeOption).split(QLatin1Char('x'));
        const int width = parts.value(0).toInt();
        const int height = parts.value(1).toInt();
        if (parts.size() != 2 || width < 200 || height < 200) {
            QTextStream(stderr) << "heapsight: --window-size wants WIDTHxHEIGHT, e.g. 1920x1080\n";
            return 2;
        }
        window.resize(width, height);
    } else if (parser.isSet(screenshotOption) && QGuiApplication::platformName() == QLatin1String("offscreen")) {
        window.resize(1440, 900); // the offscreen screen is 800×600; on a display, the first-start size
    }
    if (parser.isSet(screenshotOption)) {
        auto* runner = new ScreenshotRunner(&window, parser.value(screenshotOption));
        runner->setLine(gotoLine);
        QObject::connect(runner, &ScreenshotRunner::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    }
    window.show();

    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty()) {
        window.openFolder(folders.constFirst(), parser.value(reportOption));
    } else if (!window.openSample(parser.value(reportOption))) {
        QTextStream(stderr)
            << "heapsight: the sample module is not installed; open a module folder with File > Open Module Folder\n";
        if (parser.isSet(screenshotOption))
            return 1;
    }
    return app.exec();
}
