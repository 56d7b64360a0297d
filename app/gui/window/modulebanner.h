// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>

namespace heapsight::gui {

class AnalysisBar;
class ModuleSession;
class SourcePane;

// The banner above the source: why the module shows no findings (the report could not be loaded, or
// there is none yet) and the one click that helps (Analyze, Open Report). Hidden while a run is on.
class ModuleBanner : public QObject {
    Q_OBJECT

public:
    ModuleBanner(ModuleSession* session, AnalysisBar* analysis, SourcePane* source, QObject* parent);

    // Why the last report could not be loaded (empty: it could, or none was asked for); shown until cleared.
    void setLoadError(const QString& message) { m_loadError = message; }
    // Shows the banner the module's state calls for now.
    void update();

private:
    ModuleSession* m_session;
    AnalysisBar* m_analysis;
    SourcePane* m_source;
    QString m_loadError;
};

} // namespace heapsight::gui
