#pragma once

#include "store/accueil_point.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace maillage::gui {

class Project;

// The attributes of the selected accueil point (name, level, kind, status, hours, notes),
// edited in place; "Appliquer" turns the changes into one undoable edit of the project. The
// docks put it in a scroll area, which becomes its parent.
class PointForm : public QWidget {
    Q_OBJECT
public:
    PointForm();
    void setProject(Project* project);

    // Puts the keyboard in the name field (after a double-click on the point).
    void focusName();
    // A read-only project: the fields and buttons are greyed, with `reason` as their tip and
    // above them (empty: editable again).
    void setReadOnlyReason(const QString& reason);

private:
    void createFields();
    void createNotes();
    void layOut();
    void connectFields();
    void showSelection();
    void showPoint(const AccueilPoint* point);
    AccueilPoint edited() const;
    // The operators typed in the visio field, or nullopt when one is no level-3 operator.
    std::optional<QStringList> servesEntered() const;
    void updateButtons();

    QPointer<Project> project_;
    std::optional<AccueilPoint> shown_;
    QLabel* title_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* level_ = nullptr;
    QComboBox* kind_ = nullptr;
    QComboBox* status_ = nullptr;
    QDoubleSpinBox* weeklyHours_ = nullptr;
    QLineEdit* openingHours_ = nullptr;
    QLineEdit* address_ = nullptr;
    QLineEdit* serves_ = nullptr;  // the level-3 operators a visio point serves, "caf;cpam"
    QPlainTextEdit* notes_ = nullptr;
    QLabel* place_ = nullptr;
    QLabel* planNote_ = nullptr;
    QLabel* readOnlyNote_ = nullptr;
    QString readOnlyReason_;
    QPushButton* apply_ = nullptr;
    QPushButton* revert_ = nullptr;
    QWidget* fields_ = nullptr;
    bool filling_ = false;
    // A baseline point shown while a plan is active: only its level, kind and closure change.
    bool planBaseline_ = false;
};

}  // namespace maillage::gui
