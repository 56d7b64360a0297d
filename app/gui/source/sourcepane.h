// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace heapsight::gui {

class LineAnnotations;
class SourceView;

// The centre of the window: a header naming the file and what is shown of it, a banner when the module
// has no report yet, and the source view (or a placeholder when no file is open).
class SourcePane : public QWidget {
    Q_OBJECT

public:
    explicit SourcePane(QWidget* parent = nullptr);

    SourceView* view() const { return m_view; }
    const QString& currentPath() const { return m_path; }

    // Reads the file (never writes it); false, with a placeholder saying why, when it cannot be read.
    bool showFile(const QString& path, const QString& displayPath);
    void showPlaceholder(const QString& text);
    // Reads the shown file again when it changed on disk (an edit while Watch is on), keeping the reader's
    // place: the selected line follows its text when lines were inserted or removed above it (the nearest
    // identical line; else the same number), and keeps its distance from the top of the view. Returns the
    // selected line (1-based) afterwards; 0 when no file is shown or it cannot be read (the old text stays).
    int reloadKeepingPlace();
    // Where `oldLine` (1-based, holding `text`) is in `lines`: the nearest line equal to it, else the same
    // number clamped to the file. Blank lines never match (every file has many).
    static int followLine(const QStringList& lines, int oldLine, const QString& text);
    void setAnnotations(LineAnnotations annotations);
    // What the banner offers besides its text.
    enum class BannerAction { None = 0x0, OpenReport = 0x1, Analyze = 0x2 };
    Q_DECLARE_FLAGS(BannerActions, BannerAction)
    // Rich text; empty text hides the banner. Each action is a button (objectName "bannerOpenReport",
    // "bannerAnalyze") emitting the matching signal.
    void setBanner(const QString& text, BannerActions actions);

Q_SIGNALS:
    void openReportRequested();
    void analyzeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTitle();
    void updateSummary();

    QLabel* m_title;
    QLabel* m_summary;
    QWidget* m_banner;
    QLabel* m_bannerText;
    QPushButton* m_bannerAnalyze;
    QPushButton* m_bannerOpenReport;
    QStackedWidget* m_stack;
    QLabel* m_placeholder;
    SourceView* m_view;
    QString m_path;
    QString m_displayPath;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(SourcePane::BannerActions)

} // namespace heapsight::gui
