// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/docklayout.h"

#include "window/firstlayout.h"
#include "window/mainmenus.h"

#include <QDockWidget>
#include <QMainWindow>

namespace heapsight::gui {

DockLayout::DockLayout(QMainWindow* window, MainMenus* menus, const Panels& panels)
    : QObject(window)
    , m_window(window)
    , m_menus(menus)
{
    tree = add(panels.tree, tr("Module"), QStringLiteral("moduleDock"), Qt::LeftDockWidgetArea);
    why = add(panels.why, tr("Why?"), QStringLiteral("whyDock"), Qt::RightDockWidgetArea);
    findings = add(panels.findings, tr("Findings"), QStringLiteral("findingsDock"), Qt::BottomDockWidgetArea);
    problems = add(panels.problems, tr("Problems"), QStringLiteral("problemsDock"), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(findings, problems);
    overview = add(panels.overview, tr("Overview"), QStringLiteral("overviewDock"), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(problems, overview);
    compare = add(panels.compare, tr("Compare"), QStringLiteral("compareDock"), Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(overview, compare);
    findings->raise();
    window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

// The object names are what the saved window state refers to: they must not change.
QDockWidget* DockLayout::add(QWidget* content, const QString& title, const QString& name, Qt::DockWidgetArea area)
{
    auto* d = new QDockWidget(title, m_window);
    d->setObjectName(name);
    d->setWidget(content);
    d->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_window->addDockWidget(area, d);
    m_menus->addDockToggle(d->toggleViewAction());
    return d;
}

void DockLayout::applyFirstSizes()
{
    const FirstLayout::DockSizes sizes = FirstLayout::dockSizes(m_window->size());
    m_window->resizeDocks({ tree, why }, { sizes.tree, sizes.why }, Qt::Horizontal);
    m_window->resizeDocks({ findings }, { sizes.findings }, Qt::Vertical);
}

void DockLayout::showFindingsCount(int shown, int total)
{
    findings->setWindowTitle(total ? tr("Findings (%1 of %2)").arg(shown).arg(total) : tr("Findings"));
}

} // namespace heapsight::gui
