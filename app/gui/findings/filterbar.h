// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "source/markergroup.h"

#include <QTimer>
#include <QWidget>
#include <array>

class QCheckBox;
class QLineEdit;
class QToolButton;

namespace heapsight::gui {

class FindingFilter;

// The controls of the shared FindingFilter: one toggle per marker group (with its marker as the icon), a
// search field applied 300 ms after the last keystroke, and "hide inlined code from other files".
class FilterBar : public QWidget {
    Q_OBJECT

public:
    static constexpr int DebounceMs = 300;

    explicit FilterBar(FindingFilter* filter, QWidget* parent = nullptr);

    QToolButton* groupButton(MarkerGroup group) const { return m_buttons[static_cast<std::size_t>(group)]; }
    QLineEdit* searchField() const { return m_search; }
    QCheckBox* inlinedToggle() const { return m_inlined; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void onFilterChanged();
    void onSearchEdited();
    void updateIcons();

    FindingFilter* m_filter;
    std::array<QToolButton*, MarkerGroupCount> m_buttons {};
    QLineEdit* m_search;
    QCheckBox* m_inlined;
    QTimer m_debounce;
};

} // namespace heapsight::gui
