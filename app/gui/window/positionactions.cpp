// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "window/positionactions.h"

#include "session/modulesession.h"
#include "source/sourcepane.h"
#include "source/sourceview.h"
#include "window/editorlauncher.h"

#include <QApplication>
#include <QClipboard>
#include <QTextBlock>

namespace heapsight::gui {

PositionActions::PositionActions(ModuleSession* session, SourcePane* source, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_source(source)
{
}

void PositionActions::copyPosition()
{
    const QString& path = m_source->currentPath();
    if (path.isEmpty())
        return;
    const QTextCursor cursor = m_source->view()->textCursor();
    // Compiler positions count bytes; so does this column.
    const int column = static_cast<int>(cursor.block().text().left(cursor.positionInBlock()).toUtf8().size()) + 1;
    const QString position
        = QStringLiteral("%1:%2:%3").arg(m_session->relativePath(path)).arg(cursor.blockNumber() + 1).arg(column);
    QApplication::clipboard()->setText(position);
    Q_EMIT statusMessage(tr("Copied %1").arg(position), 3000);
}

void PositionActions::openInEditor()
{
    const QString& path = m_source->currentPath();
    if (path.isEmpty())
        return;
    const QTextCursor cursor = m_source->view()->textCursor();
    QString error;
    if (!EditorLauncher::launch(path, cursor.blockNumber() + 1, cursor.positionInBlock() + 1, &error))
        Q_EMIT statusMessage(error, 8000);
}

} // namespace heapsight::gui
