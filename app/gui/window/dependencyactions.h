// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <optional>

namespace heapsight {
struct AnalysisRequest;
}

namespace heapsight::gui {

class AnalysisBar;
class DependencyAnalysis;
class ModuleSession;
class ReportStatusBar;
class WhyPanel;

// Connects the why panel's "Analyze dependency" to its run: the request starts from what Analyze would run
// now (AnalysisBar: toolchain, language version, time limit), with the toolchain that recorded the report
// shown when that one is installed, progress and Cancel show in the status bar,
// the dependency report goes to the why panel, and opening another module drops it.
class DependencyActions : public QObject {
    Q_OBJECT

public:
    struct Parts {
        ModuleSession* session;
        AnalysisBar* analysis;
        WhyPanel* why;
        ReportStatusBar* status;
    };
    DependencyActions(Parts parts, QObject* parent);

    DependencyAnalysis* dependencies() const { return m_dependencies; }

private:
    void request(const QStringList& packages);
    // Points `request` at the toolchain that recorded the shown report (ReportOrigin::toolchain: the same
    // version, or the newest patch release of its minor version; ToolchainDiscovery::select) and, when the
    // bar names a language version, at the report's. Returns a note for the status bar when the recording
    // toolchain is not installed and the bar's choice stays.
    std::optional<QString> matchRecordedToolchain(AnalysisRequest& request) const;
    void onFinished(bool ok, const QString& message);

    Parts m_parts;
    DependencyAnalysis* m_dependencies;
};

} // namespace heapsight::gui
