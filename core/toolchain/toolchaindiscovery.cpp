// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "toolchaindiscovery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <algorithm>
#include <functional>

namespace heapsight {

namespace {

bool isExecutableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// Expands `dir/prefix*` in one directory, sorted so the order is stable.
QStringList globDirs(const QString& dir, const QString& pattern)
{
    return QDir(dir).entryList({ pattern }, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

ToolchainDiscovery::Places ToolchainDiscovery::Places::fromEnvironment(const QStringList& userPaths)
{
    Places p;
    p.path = qEnvironmentVariable("PATH");
    p.goroot = qEnvironmentVariable("GOROOT");
    p.home = QDir::homePath();
    p.userPaths = userPaths;
    return p;
}

std::vector<std::pair<QString, QString>> ToolchainDiscovery::candidates(const Places& places)
{
    std::vector<std::pair<QString, QString>> out;
    const QString root = places.root.endsWith(QLatin1Char('/')) ? places.root.chopped(1) : places.root;
    const auto add = [&out](const QString& binary, const QString& via) {
        if (isExecutableFile(binary))
            out.emplace_back(QDir::cleanPath(binary), via);
    };
    for (const QString& user : places.userPaths) {
        const QFileInfo info(user);
        if (info.isDir()) {
            add(user + QStringLiteral("/go"), QStringLiteral("user setting"));
            add(user + QStringLiteral("/bin/go"), QStringLiteral("user setting"));
        } else {
            add(user, QStringLiteral("user setting"));
        }
    }
    for (const QString& dir : places.path.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        add(dir + QStringLiteral("/go"), QStringLiteral("PATH"));
    if (!places.goroot.isEmpty())
        add(places.goroot + QStringLiteral("/bin/go"), QStringLiteral("GOROOT"));
    for (const QString& d : globDirs(root + QStringLiteral("/usr/lib"), QStringLiteral("go-1.*")))
        add(root + QStringLiteral("/usr/lib/") + d + QStringLiteral("/bin/go"), QStringLiteral("Debian"));
    add(root + QStringLiteral("/usr/lib/go/bin/go"), QStringLiteral("Debian"));
    add(root + QStringLiteral("/usr/local/go/bin/go"), QStringLiteral("/usr/local/go"));
    if (!places.home.isEmpty()) {
        const QString sdk = places.home + QStringLiteral("/sdk");
        for (const QString& d : globDirs(sdk, QStringLiteral("go1.*")))
            add(sdk + QLatin1Char('/') + d + QStringLiteral("/bin/go"), QStringLiteral("golang.org/dl"));
        const QString tc = places.home + QStringLiteral("/go/pkg/mod/golang.org");
        for (const QString& d : globDirs(tc, QStringLiteral("toolchain@*")))
            add(tc + QLatin1Char('/') + d + QStringLiteral("/bin/go"), QStringLiteral("module cache"));
    }
    for (const QString& brew : { QStringLiteral("/opt/homebrew/opt"), QStringLiteral("/usr/local/opt") }) {
        for (const QString& d : globDirs(root + brew, QStringLiteral("go*"))) {
            add(root + brew + QLatin1Char('/') + d + QStringLiteral("/bin/go"), QStringLiteral("Homebrew"));
            add(root + brew + QLatin1Char('/') + d + QStringLiteral("/libexec/bin/go"), QStringLiteral("Homebrew"));
        }
    }
    return out;
}

std::optional<Toolchain> ToolchainDiscovery::probe(const QString& goBinary, QString* error)
{
    QProcess go;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GOTOOLCHAIN"), QStringLiteral("local"));
    // GOROOT from the environment would make every toolchain report the same GOROOT.
    env.remove(QStringLiteral("GOROOT"));
    env.remove(QStringLiteral("GOFLAGS"));
    go.setProcessEnvironment(env);
    // Outside any module, so no go.mod or go.work changes what the toolchain says.
    go.setWorkingDirectory(QDir::rootPath());
    go.start(goBinary,
        { QStringLiteral("env"), QStringLiteral("GOVERSION"), QStringLiteral("GOROOT"), QStringLiteral("GOOS"),
            QStringLiteral("GOARCH") });
    const auto fail = [error](const QString& why) -> std::optional<Toolchain> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!go.waitForStarted(5000))
        return fail(QStringLiteral("%1 does not start: %2").arg(goBinary, go.errorString()));
    if (!go.waitForFinished(20000)) {
        go.kill();
        go.waitForFinished(1000);
        return fail(QStringLiteral("%1 env did not answer in 20 s").arg(goBinary));
    }
    if (go.exitStatus() != QProcess::NormalExit || go.exitCode() != 0) {
        return fail(QStringLiteral("%1 env failed: %2")
                        .arg(goBinary, QString::fromLocal8Bit(go.readAllStandardError()).trimmed()));
    }
    const QStringList lines = QString::fromLocal8Bit(go.readAllStandardOutput()).split(QLatin1Char('\n'));
    if (lines.size() < 4 || !lines.at(0).startsWith(QLatin1String("go")))
        return fail(QStringLiteral("%1 env printed no GOVERSION (a Go older than 1.16?)").arg(goBinary));
    Toolchain t;
    t.goBinary = goBinary;
    t.realPath = QFileInfo(goBinary).canonicalFilePath();
    t.version = lines.at(0).trimmed();
    t.goroot = lines.at(1).trimmed();
    t.goos = lines.at(2).trimmed();
    t.goarch = lines.at(3).trimmed();
    return t;
}

namespace {

// Probes every candidate of `places` once per real binary, in the places' order (the first place naming a
// binary is its foundVia), skipping those `worthProbing` turns down (given the binary's real path); sorted by
// version, oldest first.
std::vector<Toolchain> probeCandidates(
    const ToolchainDiscovery::Places& places, const std::function<bool(const QString& realPath)>& worthProbing = {})
{
    std::vector<Toolchain> found;
    QSet<QString> seen;
    for (const auto& [binary, via] : ToolchainDiscovery::candidates(places)) {
        const QString real = QFileInfo(binary).canonicalFilePath();
        if (real.isEmpty() || seen.contains(real))
            continue;
        seen.insert(real);
        if (worthProbing && !worthProbing(real))
            continue;
        if (auto t = ToolchainDiscovery::probe(binary)) {
            t->foundVia = via;
            found.push_back(std::move(*t));
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Toolchain& a, const Toolchain& b) {
        return QVersionNumber::compare(a.versionNumber(), b.versionNumber()) < 0;
    });
    return found;
}

} // namespace

std::vector<Toolchain> ToolchainDiscovery::discover(const Places& places)
{
    return probeCandidates(places);
}

std::optional<Toolchain> ToolchainDiscovery::select(const std::vector<Toolchain>& list, const QString& wanted)
{
    if (wanted.contains(QLatin1Char('/'))) {
        const QString real = QFileInfo(wanted).canonicalFilePath();
        for (const Toolchain& t : list) {
            if (t.realPath == real)
                return t;
        }
        auto t = probe(wanted);
        if (t)
            t->foundVia = QStringLiteral("command line");
        return t;
    }
    const QString name = wanted.startsWith(QLatin1String("go")) ? wanted : QStringLiteral("go") + wanted;
    // Exact version first; otherwise the newest patch release of the named minor version.
    for (const Toolchain& t : list) {
        if (t.version == name)
            return t;
    }
    const QVersionNumber want = parseGoVersion(name);
    std::optional<Toolchain> best;
    for (const Toolchain& t : list) {
        const QVersionNumber v = t.versionNumber();
        if (!want.isNull() && v.majorVersion() == want.majorVersion() && v.minorVersion() == want.minorVersion())
            best = t;
    }
    return best;
}

std::optional<Toolchain> ToolchainDiscovery::find(const Places& places, const QString& wanted)
{
    const QString name = wanted.startsWith(QLatin1String("go")) ? wanted : QStringLiteral("go") + wanted;
    const QVersionNumber want = parseGoVersion(name);
    if (wanted.contains(QLatin1Char('/')) || want.isNull())
        return select(discover(places), wanted);
    // GOROOT/bin/go → GOROOT/VERSION
    const auto namesWanted = [&want](const QString& real) {
        QFile version(QFileInfo(real).absoluteDir().absoluteFilePath(QStringLiteral("../VERSION")));
        if (!version.open(QIODevice::ReadOnly))
            return false;
        const QVersionNumber v = parseGoVersion(QString::fromUtf8(version.readLine(64)).trimmed());
        return v.majorVersion() == want.majorVersion() && v.minorVersion() == want.minorVersion();
    };
    const std::vector<Toolchain> likely = probeCandidates(places, namesWanted);
    if (auto t = select(likely, wanted))
        return t;
    return select(discover(places), wanted);
}

} // namespace heapsight
