// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace heapsight::gui {

// The sample module bundled with Heapsight (samples/escapes) and its recorded compiler output
// (samples/reports/escapes-*.m2.txt), so that a user without Go sees a fully annotated module.
struct SampleModule {
    QString folder;
    QStringList reports; // absolute paths, by name
    QString defaultReport; // escapes-go1.22.m2.txt when present
};

class SampleLocator {
public:
    // An installed copy (<prefix>/share/heapsight/samples, found from the executable's location) first,
    // then the source tree the program was built from.
    static std::optional<SampleModule> find();
    // The same, below one samples directory (holding escapes/ and reports/).
    static std::optional<SampleModule> findIn(const QString& samplesDirectory);
    // "Go 1.22", "Go 1.22, language 1.22" for escapes-go1.22.m2.txt, escapes-go1.22-lang1.22.m2.txt.
    static QString reportLabel(const QString& reportPath);
};

} // namespace heapsight::gui
