// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLocale>
#include <QString>

namespace heapsight::gui {

// "12.5 MB": bytes as a developer reads them in pprof (powers of 1024, one decimal).
inline QString allocatedBytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace heapsight::gui
