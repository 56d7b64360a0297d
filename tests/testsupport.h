// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Helpers shared by the tests: reading recorded output, and running real toolchains on real modules.

#include "core/model/report.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

class QTemporaryDir;

// In a test's initTestCase: skip when Debian's Go toolchain `minor` ("1.22") is missing, fail on CI (which
// must have it).
#define HEAPSIGHT_REQUIRE_GO(minor)                                                                                    \
    do {                                                                                                               \
        if (heapsight::test::installedGo(QStringLiteral(minor)).isEmpty()) {                                           \
            if (!qEnvironmentVariable("CI").isEmpty())                                                                 \
                QFAIL("CI must have golang-" minor "-go installed");                                                   \
            QSKIP("needs the Debian backports toolchain golang-" minor "-go");                                         \
        }                                                                                                              \
    } while (false)

namespace heapsight::test {

// A file's bytes; empty when it cannot be read (the test's own checks then fail on the empty input).
QByteArray readFile(const QString& path);
std::string_view view(const QByteArray& bytes);
// The compiler output in `path`, parsed in one piece (an empty report when the file cannot be read).
Report parseFile(const QString& path);

// Private configuration, result cache and Go build cache below `dir`: no run may be served from an earlier
// one, and the user's settings are neither read nor changed.
void isolateUserDirs(const QTemporaryDir& dir);

// The Go versions Heapsight reads, oldest first: "1.21" … "1.27" (tests/data holds recordings of each).
const QStringList& goVersions();
// go binary of an installed Debian toolchain ("1.22" → /usr/lib/go-1.22/bin/go), or empty.
QString installedGo(const QString& minor);
// Every file below `dir` (relative path → SHA-256 of its bytes), to prove a folder was left untouched.
QMap<QString, QByteArray> hashTree(const QString& dir);
// Copies a directory tree; false on any failure.
bool copyTree(const QString& from, const QString& to);
// Runs a command to completion; returns its stderr+stdout, sets exitCode.
QByteArray run(const QString& program, const QStringList& args, const QString& workingDir, int* exitCode,
    const QStringList& extraEnv = {});
// Edits of the sample module (samples/escapes) as a developer would make them, by name: "none", "blank
// lines" (atop loopvar.go), "lines moved" (a comment, a statement, a helper function in three files), "new
// escape" (a function returning &n), "allocation respelled" (newCounter uses new(int) instead of &x).
bool applySampleEdit(const QString& module, const QString& edit);

// What heapsight-cli did: exit code, standard output as JSON (empty when it is not), standard error.
struct CliOutcome {
    int exitCode = -1;
    QJsonObject json;
    QByteArray output;
    QByteArray errors;
};
CliOutcome runCli(const QString& program, const QStringList& args);
// The `results` of the first run of a SARIF log heapsight-cli printed (empty when there are none).
QJsonArray sarifResults(const QJsonObject& log);

// Pids of live processes in process group `pgid` (read from /proc).
QList<qint64> processesInGroup(qint64 pgid);

} // namespace heapsight::test
