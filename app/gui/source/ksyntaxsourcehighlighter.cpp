// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "source/ksyntaxsourcehighlighter.h"

#if HEAPSIGHT_HAVE_KSYNTAXHIGHLIGHTING

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <QPalette>
#include <QTextDocument>

namespace heapsight::gui {

KSyntaxHighlighting::Repository& KSyntaxSourceHighlighter::repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

std::unique_ptr<KSyntaxSourceHighlighter> KSyntaxSourceHighlighter::create(const QString& definitionName)
{
    const KSyntaxHighlighting::Definition definition = repository().definitionForName(definitionName);
    if (!definition.isValid())
        return nullptr;
    return std::unique_ptr<KSyntaxSourceHighlighter>(new KSyntaxSourceHighlighter(definition));
}

KSyntaxSourceHighlighter::KSyntaxSourceHighlighter(const KSyntaxHighlighting::Definition& definition)
    : m_definition(definition)
{
}

KSyntaxSourceHighlighter::~KSyntaxSourceHighlighter() = default;

void KSyntaxSourceHighlighter::attachTo(QTextDocument* document)
{
    m_highlighter = std::make_unique<KSyntaxHighlighting::SyntaxHighlighter>();
    m_highlighter->setDefinition(m_definition);
    m_highlighter->setDocument(document);
}

void KSyntaxSourceHighlighter::applyPalette(const QPalette& palette)
{
    if (!m_highlighter)
        return;
    m_highlighter->setTheme(repository().themeForPalette(palette));
    // setTheme() does not re-highlight by itself.
    m_highlighter->rehighlight();
}

QString KSyntaxSourceHighlighter::engineName() const
{
    return QStringLiteral("KSyntaxHighlighting");
}

} // namespace heapsight::gui

#endif // HEAPSIGHT_HAVE_KSYNTAXHIGHLIGHTING
