#pragma once

#include <QLineEdit>

class QCompleter;
class QStandardItemModel;

namespace maillage::gui {

class Project;

// The toolbar's search box: type a few letters of a commune's name, with or without accents
// or hyphens ("ceres", "saint etienne"), pick it in the list (or press Entrée) and the window
// zooms to it and outlines it (communeChosen).
class CommuneSearch : public QLineEdit {
    Q_OBJECT
public:
    explicit CommuneSearch(QWidget* parent = nullptr);

    // The communes offered (none without a project).
    void setProject(const Project* project);
    QCompleter* completer() const { return completer_; }

    // "Saint-Étienne-les-Orgues" -> "saint etienne les orgues": what names are compared on.
    static QString folded(const QString& text);

Q_SIGNALS:
    // The INSEE code of the commune chosen.
    void communeChosen(const QString& insee);

private:
    void complete(const QString& typed);
    void chooseTyped();
    void choose(const QString& insee, const QString& name);

    QStandardItemModel* communes_;
    QCompleter* completer_;
};

}  // namespace maillage::gui
