// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/toolchain/toolchain.h"

#include <QFutureWatcher>
#include <QObject>
#include <vector>

namespace heapsight::gui {

// The Go toolchains found on this machine, one list for the whole window: the analysis bar, the compare
// view and whatever else offers a toolchain follow `changed`. Discovery runs `go env` for each candidate,
// so it runs off the GUI thread; a discover() while one is running is ignored.
class ToolchainList : public QObject {
    Q_OBJECT

public:
    explicit ToolchainList(QObject* parent = nullptr);

    // Looks for toolchains (PATH, GOROOT, the usual install places, the user's own); `changed` when done.
    void discover();
    bool isDiscovering() const { return m_discovery.isRunning(); }
    // A discovery has finished at least once (toolchains() may still be empty: no Go found).
    bool isKnown() const { return m_known; }
    // Oldest first; empty until known or when none was found.
    const std::vector<Toolchain>& toolchains() const { return m_toolchains; }

Q_SIGNALS:
    // A discovery finished: toolchains() is its result.
    void changed();
    // A discovery started.
    void discoveryStarted();

private:
    void onFound();

    QFutureWatcher<std::vector<Toolchain>> m_discovery;
    std::vector<Toolchain> m_toolchains;
    bool m_known = false;
};

} // namespace heapsight::gui
