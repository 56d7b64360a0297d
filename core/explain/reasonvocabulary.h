// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/findingkind.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <string_view>

namespace heapsight {

// Plain words for what the compiler says: one entry per REASON word of the `from EXPR (REASON) at POS`
// lines (the closed vocabulary of cmd/compile/internal/escape, identical in Go 1.21–1.27 except
// "callee operand", 1.22+) and one per verdict kind. `meaning` says what the step is; `remedy` what
// usually avoids the escape. The texts live here only, so the why panel, tool tips, the command line's
// report and SARIF help say the same thing.
//
// The English source text, as the command line and the JSON/SARIF output print it. Both views point into
// static storage and are NUL-terminated (they are translation keys of the context "ReasonVocabulary").
struct VocabularyText {
    std::string_view meaning;
    std::string_view remedy;
};

// The same, translated for the user interface (QCoreApplication::translate, context "ReasonVocabulary").
struct VocabularyEntry {
    QString meaning;
    QString remedy;
};

class ReasonVocabulary {
public:
    // nullopt for a reason word this build does not know (a newer compiler): show it verbatim.
    static std::optional<VocabularyText> reasonText(std::string_view word);
    static VocabularyText verdictText(FindingKind kind);
    static std::optional<VocabularyEntry> reason(std::string_view word);
    static VocabularyEntry verdict(FindingKind kind);
    static VocabularyEntry translated(const VocabularyText& text);
    // Every reason word with an entry, in the order of the compiler's source.
    static QStringList knownReasons();
};

} // namespace heapsight
