// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <string>

namespace heapsight::cli {

/// Core's UTF-8 text as a QString, for writing it to a QTextStream (the CLI's output streams).
inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace heapsight::cli
