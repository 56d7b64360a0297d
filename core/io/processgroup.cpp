// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "processgroup.h"

#include <QProcess>
#include <csignal>
#include <unistd.h>

namespace heapsight {

void startInOwnProcessGroup(QProcess& process)
{
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
}

void killProcessGroup(QProcess* process, QObject* receiver)
{
    if (!process)
        return;
    process->disconnect(receiver);
    const qint64 pid = process->processId();
    if (pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL); // the whole group
    process->kill();
    process->waitForFinished(1000);
    process->deleteLater();
}

} // namespace heapsight
