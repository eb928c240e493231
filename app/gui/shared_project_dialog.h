#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace maillage::gui {

// "Projet › Ouvrir un projet partagé…": asks where a team's project lives on a PostgreSQL/
// PostGIS server, as a URI (postgresql://user@host/db?schema=maillage_04) or the name of a
// pg_service.conf entry. It never asks for a password: the dialog says where libpq reads it
// (~/.pgpass or the service file), so that none is kept by Maillage.
class SharedProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit SharedProjectDialog(QWidget* parent = nullptr);

    // What the project is opened with: the URI, or service=NAME for a bare service name.
    QString location() const;
    // `text` as typed, completed: a bare service name (optionally ?schema=…) becomes service=NAME.
    static QString locationFor(const QString& text);
    // Why `text` cannot be opened as a shared project (empty when it can).
    static QString problemWith(const QString& text);

private:
    void check();

    QLineEdit* location_;
    QLabel* problem_;
    QPushButton* open_;
};

}  // namespace maillage::gui
