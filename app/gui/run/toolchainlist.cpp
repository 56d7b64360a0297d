// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "run/toolchainlist.h"

#include "core/toolchain/toolchaindiscovery.h"
#include "core/toolchain/usertoolchains.h"

#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

ToolchainList::ToolchainList(QObject* parent)
    : QObject(parent)
{
    connect(&m_discovery, &QFutureWatcher<std::vector<Toolchain>>::finished, this, &ToolchainList::onFound);
}

void ToolchainList::discover()
{
    if (m_discovery.isRunning())
        return;
    const QStringList user = userToolchainPaths(); // QSettings: read here, on the GUI thread
    m_discovery.setFuture(QtConcurrent::run(
        [user] { return ToolchainDiscovery::discover(ToolchainDiscovery::Places::fromEnvironment(user)); }));
    Q_EMIT discoveryStarted();
}

void ToolchainList::onFound()
{
    m_toolchains = m_discovery.result();
    m_known = true;
    Q_EMIT changed();
}

} // namespace heapsight::gui
