#pragma once

#include "annotationpalette.h"
#include "comparison.h"

#include <QFutureWatcher>
#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;
class QTextBrowser;

namespace heapsight::gui {

class ChangesModel;
class ChangesProxy;
class ReportLoader;

// The compare view: two reports of the module (side A and side B: recorded compiler output or Heapsight
// JSON), the changes between them as a filterable list, and for the selected change both reason chains
// side by side. Parsing and diffing run off the GUI thread.
class ComparePanel : public QWidget {
    Q_OBJECT

public:
    explicit ComparePanel(QWidget* parent = nullptr);
    ~ComparePanel() override;

    // The module whose reports are compared (relative names in them are relative to it), and report
    // files offered in the two choosers.
    void setModule(const QString& moduleRoot, const QStringList& reportFiles);
    void compareFiles(const QString& pathA, const QString& pathB);

    const std::shared_ptr<const Comparison>& comparison() const { return m_comparison; }
    QTableView* changesView() const { return m_table; }
    ChangesProxy* proxy() const { return m_proxy; }
    QTextBrowser* sideBrowser(bool sideB) const { return sideB ? m_sideB : m_sideA; }
    QString statusText() const;
    // Both reports are being read or compared.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void comparisonChanged(std::shared_ptr<const heapsight::gui::Comparison> comparison);
    void positionActivated(const QString& diskPath, int line, int column);

private:
    QWidget* createChooser(const QString& label, QComboBox** combo);
    void onSideLoaded();
    void onCompared();
    void onCurrentChanged();
    void onActivated(const QModelIndex& index);
    void onLink(const QUrl& url, bool sideB);
    QString sideHtml(const Change& change, bool sideB) const;

    QString m_moduleRoot;
    QComboBox* m_comboA;
    QComboBox* m_comboB;
    QLabel* m_status;
    QCheckBox* m_heapOnly;
    ChangesModel* m_model;
    ChangesProxy* m_proxy;
    QTableView* m_table;
    QTextBrowser* m_sideA;
    QTextBrowser* m_sideB;
    ReportLoader* m_loaderA;
    ReportLoader* m_loaderB;
    std::shared_ptr<const ReportIndex> m_indexA, m_indexB;
    std::shared_ptr<const Comparison> m_comparison;
    QFutureWatcher<std::shared_ptr<const Comparison>> m_diffWatcher;
    AnnotationPalette m_palette;
    bool m_busy = false;
};

} // namespace heapsight::gui
