// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace heapsight::gui {

class MainMenus;

// The main window's docks: the module tree on the left, "Why?" on the right, and Findings, Problems,
// Overview and Compare tabbed at the bottom, each with a toggle in the View menu. Sizes them once on a
// first start (no saved layout), after the window is shown.
class DockLayout : public QObject {
    Q_OBJECT

public:
    // The panels each docked into `window`, which owns them and this.
    struct Panels {
        QWidget* tree;
        QWidget* why;
        QWidget* findings;
        QWidget* problems;
        QWidget* overview;
        QWidget* compare;
    };

    DockLayout(QMainWindow* window, MainMenus* menus, const Panels& panels);

    // FirstLayout's dock sizes for the window's current size; call once it is shown and laid out.
    void applyFirstSizes();
    // The findings dock's title counts the findings the filter lets through (total 0: no report).
    void showFindingsCount(int shown, int total);

    QDockWidget* tree;
    QDockWidget* why;
    QDockWidget* findings;
    QDockWidget* problems;
    QDockWidget* overview;
    QDockWidget* compare;

private:
    QDockWidget* add(QWidget* content, const QString& title, const QString& name, Qt::DockWidgetArea area);

    QMainWindow* m_window;
    MainMenus* m_menus;
};

} // namespace heapsight::gui
