#include "inputreader.h"

#include "core/io/reportjson.h"
#include "core/parse/escapeparser.h"

#include <QFile>
#include <cstdio>
#include <string>

namespace heapsight::cli {

namespace {

constexpr qint64 kChunkSize = 1 << 20;

bool looksLikeJson(const QByteArray& head)
{
    for (char c : head) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{';
    }
    return false;
}

} // namespace

std::optional<Report> readReport(const QString& path, QString* error)
{
    QFile file;
    const bool isStdin = path == QLatin1String("-");
    const bool opened = isStdin ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = QStringLiteral("cannot read %1: %2").arg(isStdin ? QStringLiteral("standard input") : path, file.errorString());
        return std::nullopt;
    }
    ReportOrigin origin;
    origin.source = isStdin ? std::string("-") : path.toStdString();

    QByteArray chunk = file.read(kChunkSize);
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (looksLikeJson(chunk)) {
        QByteArray all = chunk + file.readAll();
        std::string why;
        auto report = reportFromJsonText(std::string_view(all.constData(), static_cast<std::size_t>(all.size())), &why);
        if (!report)
            *error = QStringLiteral("%1: %2").arg(path, QString::fromStdString(why));
        return report;
    }
    EscapeParser parser(std::move(origin));
    while (!chunk.isEmpty()) {
        parser.feed(std::string_view(chunk.constData(), static_cast<std::size_t>(chunk.size())));
        chunk = file.read(kChunkSize);
    }
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parser.finish();
}

} // namespace heapsight::cli
