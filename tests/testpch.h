// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Precompiled for every test executable (tests/CMakeLists.txt): the headers nearly all of them include.
// Parsing QtTest and QtCore again took ~3.5 s of the ~4 s a test file needed to compile.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTest>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
