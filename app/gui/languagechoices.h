#pragma once

#include <QString>

class QComboBox;

namespace heapsight::gui {

// Fills a combo box with the language versions an analysis can run under: first "as go.mod says" (item
// data empty), then the other `go` lines Heapsight can pass through a temporary go.mod (item data "1.22").
void fillLanguageChoices(QComboBox* box, const QString& goModVersion);

// "go1.22.12" or "go1.22.12, go 1.21 language": how a run is named in the window.
QString runDescription(const QString& toolchainVersion, const QString& languageVersion);

} // namespace heapsight::gui
