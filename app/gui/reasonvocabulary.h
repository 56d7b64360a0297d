// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/findingkind.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <string_view>

namespace heapsight::gui {

// Plain words for what the compiler says: one entry per REASON word of the `from EXPR (REASON) at POS`
// lines (the closed vocabulary of cmd/compile/internal/escape, identical in Go 1.21–1.23 except
// "callee operand", 1.22+) and one per verdict kind. `meaning` says what the step is; `remedy` what
// usually avoids the escape. The texts live here only, so the why panel, tool tips and a future
// documentation page say the same thing.
struct VocabularyEntry {
    QString meaning;
    QString remedy;
};

class ReasonVocabulary {
public:
    // nullopt for a reason word this build does not know (a newer compiler): show it verbatim.
    static std::optional<VocabularyEntry> reason(std::string_view word);
    static VocabularyEntry verdict(FindingKind kind);
    // Every reason word with an entry, in the order of the compiler's source.
    static QStringList knownReasons();
};

} // namespace heapsight::gui
