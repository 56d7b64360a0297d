// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// GUI figures of the performance issue, measured on the offscreen platform with the real main window:
// the time to show a 20,000-line file with its thousands of findings, to toggle a kind filter, and to
// paint one frame of scrolling. The module and its -m=2 output come from bench/run (HEAPSIGHT_BENCH_DIR
// holds bigfile/ and bigfile.m2.txt, produced by a real toolchain).
#include "findings/findingfilter.h"
#include "source/markergroup.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollBar>
#include <QTimer>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <memory>

using namespace heapsight::gui;

namespace {

QString benchDir()
{
    const char* dir = std::getenv("HEAPSIGHT_BENCH_DIR");
    return QString::fromLocal8Bit(dir ? dir : ".");
}

// One window with the generated module and its report, opened once and shared by the benchmarks; it must
// go before the QApplication does (main resets it).
std::unique_ptr<MainWindow> sharedWindow;

MainWindow* window()
{
    if (sharedWindow)
        return sharedWindow.get();
    sharedWindow = std::make_unique<MainWindow>();
    sharedWindow->resize(1440, 900);
    sharedWindow->show();
    QEventLoop loop;
    QObject::connect(sharedWindow.get(), &MainWindow::moduleReady, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    sharedWindow->openFolder(benchDir() + QStringLiteral("/bigfile"), benchDir() + QStringLiteral("/bigfile.m2.txt"));
    loop.exec();
    return sharedWindow.get();
}

QString bigFile()
{
    return benchDir() + QStringLiteral("/bigfile/big.go");
}

// Paints the source view now, as the next frame would.
void paintNow(MainWindow* w)
{
    QCoreApplication::processEvents();
    w->sourcePane()->view()->viewport()->repaint();
}

void BM_ShowBigFile(benchmark::State& state)
{
    MainWindow* w = window();
    for (auto _ : state) {
        // Another file first, so each iteration really replaces the text, highlighting and annotations.
        state.PauseTiming();
        w->openFile(benchDir() + QStringLiteral("/bigfile/small.go"));
        paintNow(w);
        state.ResumeTiming();
        w->openFile(bigFile(), 10000);
        paintNow(w);
    }
    SourceView* view = w->sourcePane()->view();
    if (view->lineCount() < 20000)
        state.SkipWithError("bigfile/big.go was not shown");
    state.counters["lines"] = view->lineCount();
    state.counters["findings shown"] = view->annotations().findingCount();
}
BENCHMARK(BM_ShowBigFile)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

void BM_FilterToggle(benchmark::State& state)
{
    MainWindow* w = window();
    w->openFile(bigFile(), 10000);
    paintNow(w);
    bool enabled = true;
    for (auto _ : state) {
        // "Escapes" off and on: every view (gutter, notes, tree badges, findings list) follows the filter.
        enabled = !enabled;
        w->filter()->setGroupEnabled(MarkerGroup::Escapes, enabled);
        paintNow(w);
    }
    w->filter()->setGroupEnabled(MarkerGroup::Escapes, true);
}
BENCHMARK(BM_FilterToggle)->Unit(benchmark::kMillisecond)->Iterations(20)->UseRealTime();

void BM_ScrollFrame(benchmark::State& state)
{
    MainWindow* w = window();
    w->openFile(bigFile(), 1);
    paintNow(w);
    QScrollBar* bar = w->sourcePane()->view()->verticalScrollBar();
    int value = 0;
    for (auto _ : state) {
        // One page down per frame, wrapping at the end: highlighting, gutter markers and notes of new lines.
        value = value + bar->pageStep() > bar->maximum() ? 0 : value + bar->pageStep();
        bar->setValue(value);
        paintNow(w);
    }
}
BENCHMARK(BM_ScrollFrame)->Unit(benchmark::kMillisecond)->Iterations(200)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Private settings: the benchmark must not see (or change) this user's layout, filters or recent folders.
    qputenv("XDG_CONFIG_HOME",
        QByteArray(std::getenv("HEAPSIGHT_BENCH_DIR") ? std::getenv("HEAPSIGHT_BENCH_DIR") : ".") + "/config");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    sharedWindow.reset();
    return 0;
}
