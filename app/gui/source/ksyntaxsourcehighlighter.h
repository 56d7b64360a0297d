// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "heapsightguiconfig.h"

#if HEAPSIGHT_HAVE_KSYNTAXHIGHLIGHTING

#include "source/sourcehighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <memory>

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace heapsight::gui {

// KDE's highlighting engine (the one Kate uses), with the theme chosen to match the palette.
class KSyntaxSourceHighlighter : public SourceHighlighter {
public:
    // nullptr when the repository has no definition of that name.
    static std::unique_ptr<KSyntaxSourceHighlighter> create(const QString& definitionName);
    ~KSyntaxSourceHighlighter() override;

    void attachTo(QTextDocument* document) override;
    void applyPalette(const QPalette& palette) override;
    QString engineName() const override;

private:
    explicit KSyntaxSourceHighlighter(const KSyntaxHighlighting::Definition& definition);
    // Loading the definitions is expensive: one repository per application.
    static KSyntaxHighlighting::Repository& repository();

    KSyntaxHighlighting::Definition m_definition;
    std::unique_ptr<KSyntaxHighlighting::SyntaxHighlighter> m_highlighter;
};

} // namespace heapsight::gui

#endif // HEAPSIGHT_HAVE_KSYNTAXHIGHLIGHTING
