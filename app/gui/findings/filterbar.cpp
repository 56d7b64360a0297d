// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "findings/filterbar.h"

#include "findings/findingfilter.h"
#include "source/annotationpalette.h"
#include "source/markerpainter.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace heapsight::gui {

FilterBar::FilterBar(FindingFilter* filter, QWidget* parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_search(new QLineEdit(this))
    , m_inlined(new QCheckBox(tr("Hide inlined code from other files"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(2);
    auto* show = new QLabel(tr("Show:"), this);
    show->setContentsMargins(0, 0, 4, 0);
    layout->addWidget(show);
    for (MarkerGroup g : AllMarkerGroups) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("filter-") + markerGroupIdString(g));
        button->setText(markerGroupLabel(g));
        button->setToolTip(markerGroupDescription(g));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(button, &QToolButton::toggled, this, [this, g](bool on) { m_filter->setGroupEnabled(g, on); });
        m_buttons[static_cast<std::size_t>(g)] = button;
        layout->addWidget(button);
    }
    layout->addSpacing(12);

    m_search->setObjectName(QStringLiteral("filterText"));
    m_search->setPlaceholderText(tr("Filter findings…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->setMaximumWidth(280);
    m_search->setToolTip(tr("Shows findings whose message, subject or file name contains this text"));
    layout->addWidget(m_search, 1);
    layout->addSpacing(8);

    m_inlined->setObjectName(QStringLiteral("filterInlined"));
    m_inlined->setToolTip(
        tr("Hides findings reported at a call site for code the compiler inlined there from another file "
           "or package, such as fmt.Println's ... argument"));
    layout->addWidget(m_inlined);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { m_filter->setText(m_search->text()); });
    connect(m_search, &QLineEdit::textEdited, this, &FilterBar::onSearchEdited);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) // the clear button: no reason to wait
            m_filter->setText(text);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        m_filter->setText(m_search->text());
    });
    connect(m_inlined, &QCheckBox::toggled, m_filter, &FindingFilter::setHideInlinedFromOtherFiles);
    connect(m_filter, &FindingFilter::changed, this, &FilterBar::onFilterChanged);
    updateIcons();
    onFilterChanged();
}

void FilterBar::onSearchEdited()
{
    m_debounce.start();
}

void FilterBar::onFilterChanged()
{
    for (MarkerGroup g : AllMarkerGroups) {
        QToolButton* button = m_buttons[static_cast<std::size_t>(g)];
        const QSignalBlocker blocker(button);
        button->setChecked(m_filter->isGroupEnabled(g));
    }
    const QSignalBlocker blocker(m_inlined);
    m_inlined->setChecked(m_filter->hidesInlinedFromOtherFiles());
    if (!m_search->hasFocus() && m_search->text().trimmed() != m_filter->text())
        m_search->setText(m_filter->text());
}

void FilterBar::updateIcons()
{
    const AnnotationPalette palette(this->palette());
    for (MarkerGroup g : AllMarkerGroups)
        m_buttons[static_cast<std::size_t>(g)]->setIcon(MarkerPainter::icon(g, palette));
}

void FilterBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
}

} // namespace heapsight::gui
