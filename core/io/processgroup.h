// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

class QObject;
class QProcess;

namespace heapsight {

// `go build` and `go test` start compilers, linkers and test binaries of their own; killing go alone leaves
// them running. A process set up here starts in a process group of its own (setpgid in the child, POSIX),
// so that killProcessGroup stops go with everything it started. Not yet started processes only.
void startInOwnProcessGroup(QProcess& process);

// Sends SIGKILL to the process group of `process` (set up by startInOwnProcessGroup) and to the process,
// waits at most 1000 ms for it to exit, disconnects its signals from `receiver` (no finished/error slot
// runs afterwards) and deletes it later (deleteLater). Null does nothing.
void killProcessGroup(QProcess* process, QObject* receiver);

} // namespace heapsight
