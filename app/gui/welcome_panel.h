#pragma once

#include <QWidget>

class QAction;
class QListWidget;
class QMenu;
class QPushButton;

namespace maillage::gui {

// What the window shows in place of the map while no project is open: the first steps
// (open the demo, create a project, open one) and the recent projects, one click each.
// It only triggers the window's own actions, so it does what the menus do, and its buttons
// follow the actions' state (disabled while a project loads).
class WelcomePanel : public QWidget {
    Q_OBJECT
public:
    WelcomePanel(QAction& demo, QAction& newProject, QAction& open, QMenu& recentMenu, QWidget* parent = nullptr);

    // Re-reads the recent projects from the menu "Projets récents".
    void refresh();
    QListWidget* recentList() const { return recent_; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    QPushButton* buttonFor(QAction& action, const QString& text, const QString& explanation);

    QMenu& recentMenu_;
    QListWidget* recent_;
    QWidget* recentBox_;
};

}  // namespace maillage::gui
