// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

namespace heapsight::gui {

class SourceView;

// The strip left of the source text: one marker per finding group present on a line (up to three, in
// display priority), a faint ring on lines a finding's path passes through, and the line numbers.
class SourceGutter : public QWidget {
    Q_OBJECT

public:
    static constexpr int MarkerSlots = 3;

    explicit SourceGutter(SourceView* view);

    int requiredWidth() const;
    QSize sizeHint() const override;
    // Where the markers of a line are painted, in gutter coordinates; empty when the line is not visible.
    QRect markerRect(int line) const;

Q_SIGNALS:
    void lineClicked(int line);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    int markerSize() const;
    int markerLaneWidth() const;

    SourceView* m_view;
};

} // namespace heapsight::gui
