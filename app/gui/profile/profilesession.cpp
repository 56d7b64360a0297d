// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "profile/profilesession.h"

#include "core/profile/heapprofilereader.h"
#include "session/reportindex.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace heapsight::gui {

ProfileSession::ProfileSession(QObject* parent)
    : QObject(parent)
{
    connect(&m_reading, &QFutureWatcher<Read>::finished, this, &ProfileSession::onRead);
}

ProfileSession::~ProfileSession()
{
    m_reading.waitForFinished();
}

void ProfileSession::loadFile(const QString& path)
{
    m_readGeneration = ++m_generation;
    m_reading.setFuture(QtConcurrent::run([path] {
        Read read;
        read.path = path;
        read.profile = HeapProfileReader::readFile(path, &read.error);
        return read;
    }));
}

void ProfileSession::onRead()
{
    if (m_readGeneration != m_generation)
        return; // a profile set meanwhile wins
    Read read = m_reading.result();
    if (!read.profile) {
        Q_EMIT loadFailed(read.error);
        return;
    }
    setProfile(std::make_shared<const HeapProfile>(std::move(*read.profile)), QFileInfo(read.path).fileName());
}

void ProfileSession::setProfile(std::shared_ptr<const HeapProfile> profile, const QString& sourceName)
{
    ++m_generation;
    m_profile = std::move(profile);
    m_sourceName = sourceName;
    attribute();
}

void ProfileSession::setReport(std::shared_ptr<const ReportIndex> report)
{
    m_report = std::move(report);
    attribute();
}

void ProfileSession::clear()
{
    ++m_generation;
    m_profile.reset();
    m_sourceName.clear();
    attribute();
}

// Attribution is a pass over the samples with a hash look-up per distinct file: milliseconds even for
// large profiles, so it runs here rather than in a task.
void ProfileSession::attribute()
{
    if (m_profile && m_report)
        m_allocations = std::make_shared<const AllocationProfile>(
            AllocationProfile::attribute(*m_profile, m_report->report(), m_report->moduleRoot().toStdString()));
    else
        m_allocations.reset();
    Q_EMIT allocationsChanged(m_allocations);
}

} // namespace heapsight::gui
