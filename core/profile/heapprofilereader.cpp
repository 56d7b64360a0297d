// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "heapprofilereader.h"

#include "gzipinflate.h"
#include "profile/profile.pb.h" // generated from profile.proto

#include <QFile>
#include <unordered_map>

namespace heapsight {

namespace {

// Turns the decoded message into plain values, checking every index it follows.
class ProfileResolver {
public:
    explicit ProfileResolver(const pprof::Profile& message)
        : m_message(message)
    {
    }

    std::optional<HeapProfile> resolve(QString* error)
    {
        for (const pprof::Function& f : m_message.function())
            m_functions.emplace(f.id(), &f);
        for (const pprof::Location& l : m_message.location())
            m_locations.emplace(l.id(), &l);

        HeapProfile profile;
        profile.timeNanos = m_message.time_nanos();
        for (const pprof::ValueType& t : m_message.sample_type())
            profile.sampleTypes.push_back({ string(t.type()), string(t.unit()) });
        profile.samples.reserve(static_cast<std::size_t>(m_message.sample_size()));
        for (const pprof::Sample& s : m_message.sample()) {
            if (!m_error.isEmpty())
                break;
            if (s.value_size() != m_message.sample_type_size()) {
                m_error = QStringLiteral("a sample has %1 values for %2 sample types")
                              .arg(s.value_size())
                              .arg(m_message.sample_type_size());
                break;
            }
            ProfileSample sample;
            sample.values.assign(s.value().begin(), s.value().end());
            for (const std::uint64_t id : s.location_id())
                appendLocation(id, sample.stack);
            profile.samples.push_back(std::move(sample));
        }
        if (!m_error.isEmpty()) {
            if (error)
                *error = m_error;
            return std::nullopt;
        }
        return profile;
    }

private:
    std::string string(std::int64_t index)
    {
        if (index < 0 || index >= m_message.string_table_size()) {
            m_error = QStringLiteral("string index %1 outside the string table (%2 entries)")
                          .arg(index)
                          .arg(m_message.string_table_size());
            return {};
        }
        return m_message.string_table(static_cast<int>(index));
    }

    void appendLocation(std::uint64_t id, std::vector<ProfileFrame>& stack)
    {
        const auto location = m_locations.find(id);
        if (location == m_locations.end()) {
            m_error = QStringLiteral("a sample refers to location %1, which the profile does not define").arg(id);
            return;
        }
        for (const pprof::Line& line : location->second->line()) {
            ProfileFrame frame;
            frame.line = line.line();
            const auto function = m_functions.find(line.function_id());
            if (function != m_functions.end()) {
                frame.function = string(function->second->name());
                frame.file = string(function->second->filename());
            } else if (line.function_id() != 0) {
                m_error = QStringLiteral("location %1 refers to function %2, which the profile does not define")
                              .arg(id)
                              .arg(line.function_id());
                return;
            }
            stack.push_back(std::move(frame));
        }
    }

    const pprof::Profile& m_message;
    std::unordered_map<std::uint64_t, const pprof::Function*> m_functions;
    std::unordered_map<std::uint64_t, const pprof::Location*> m_locations;
    QString m_error;
};

std::optional<HeapProfile> fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace

std::optional<HeapProfile> HeapProfileReader::read(const QByteArray& bytes, QString* error)
{
    if (bytes.isEmpty())
        return fail(error, QStringLiteral("the file is empty"));
    if (bytes.size() > MaxProfileBytes)
        return fail(error, QStringLiteral("the file is larger than %1 MB").arg(MaxProfileBytes / (1024 * 1024)));
    QByteArray plain;
    const bool compressed = isGzip(bytes);
    if (compressed) {
        QString why;
        auto inflated = gunzip(bytes, MaxProfileBytes, &why);
        if (!inflated)
            return fail(error, QStringLiteral("not a heap profile: %1").arg(why));
        plain = std::move(*inflated);
    } else {
        plain = bytes;
    }

    pprof::Profile message;
    if (!message.ParseFromArray(plain.constData(), static_cast<int>(plain.size())))
        return fail(error,
            compressed ? QStringLiteral("not a heap profile: the gzip data inside is not a pprof protocol buffer")
                       : QStringLiteral("not a heap profile: neither gzip data nor a pprof protocol buffer"));
    if (message.string_table_size() == 0 || !message.string_table(0).empty())
        return fail(error, QStringLiteral("not a heap profile: the pprof string table does not start with \"\""));

    QString why;
    auto profile = ProfileResolver(message).resolve(&why);
    if (!profile)
        return fail(error, QStringLiteral("damaged profile: %1").arg(why));
    if (profile->valueIndex("alloc_space") < 0) {
        QStringList types;
        for (const ProfileValueType& t : profile->sampleTypes)
            types << QString::fromStdString(t.type);
        return fail(error,
            QStringLiteral("not a memory profile with allocations: it has no alloc_space sample type (it has: %1)")
                .arg(types.isEmpty() ? QStringLiteral("none") : types.join(QLatin1String(", "))));
    }
    return profile;
}

std::optional<HeapProfile> HeapProfileReader::readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > MaxProfileBytes)
        return fail(error, QStringLiteral("%1 is larger than %2 MB").arg(path).arg(MaxProfileBytes / (1024 * 1024)));
    QString why;
    auto profile = read(file.readAll(), &why);
    if (!profile)
        return fail(error, QStringLiteral("%1: %2").arg(path, why));
    return profile;
}

} // namespace heapsight
