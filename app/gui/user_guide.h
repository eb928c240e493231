#pragma once

#include "population/population_method.h"

#include <QDialog>

#include <optional>

class QTextBrowser;

namespace maillage::gui {

// Aide › Guide d'utilisation: a short guide (resources/guide/guide_<fr|en>.html, in the
// interface's language) on how travel times are computed, what the population figures mean,
// the 20-minute rule, plans and closures, and exports; it names the open project and the
// population method its figures use.
class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    // `project`: the open project's file name, empty without one; `method`: the population
    // method of its coverage, none without one.
    UserGuideDialog(const QString& project, std::optional<PopulationMethod> method, QWidget* parent = nullptr);

    QTextBrowser* browser() const { return browser_; }

    // The guide's text with the project and the method filled in.
    static QString html(const QString& project, std::optional<PopulationMethod> method);
    // The words the guide and the statistics use for a method ("Carreaux INSEE").
    static QString methodName(PopulationMethod method);

private:
    QTextBrowser* browser_;
};

}  // namespace maillage::gui
