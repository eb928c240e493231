#include "shared_project_dialog.h"

#include "common/error.h"
#include "store/store_location.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace maillage::gui {

SharedProjectDialog::SharedProjectDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Ouvrir un projet partagé"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Un projet partagé par une équipe est enregistré dans une base PostgreSQL/PostGIS. "
                      "Indiquez son adresse ou le nom de son service :"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    location_ = new QLineEdit;
    location_->setObjectName(QStringLiteral("sharedProjectLocation"));
    location_->setPlaceholderText(QStringLiteral("postgresql://planificateur@serveur/base?schema=maillage_04"));
    location_->setMinimumWidth(520);
    layout->addWidget(location_);

    auto* examples =
        new QLabel(tr("Exemples : <tt>postgresql://planificateur@serveur.example.fr/sig?schema=maillage_04</tt> "
                      "ou un nom de service, <tt>maillage04</tt> (entrée de <tt>~/.pg_service.conf</tt>), "
                      "suivi au besoin de <tt>?schema=…</tt>."));
    examples->setWordWrap(true);
    layout->addWidget(examples);

    // Credentials are never typed here: libpq finds them, and Maillage keeps none.
    auto* password =
        new QLabel(tr("Aucun mot de passe n'est demandé ni enregistré par Maillage : PostgreSQL le lit "
                      "dans <tt>~/.pgpass</tt> ou dans le fichier des services (<tt>~/.pg_service.conf</tt>). "
                      "Une adresse contenant un mot de passe est refusée."));
    password->setObjectName(QStringLiteral("sharedProjectPasswordNote"));
    password->setWordWrap(true);
    layout->addWidget(password);

    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("sharedProjectProblem"));
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(problem_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    open_ = buttons->button(QDialogButtonBox::Ok);
    open_->setText(tr("Ouvrir"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuler"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(location_, &QLineEdit::textChanged, this, &SharedProjectDialog::check);
    check();
}

QString SharedProjectDialog::location() const { return locationFor(location_->text()); }

QString SharedProjectDialog::locationFor(const QString& text)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression bareService(QStringLiteral("^[A-Za-z0-9_.-]+(\\?.*)?$"));
    if (bareService.match(trimmed).hasMatch() && !trimmed.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive))
        return QStringLiteral("service=") + trimmed;
    return trimmed;
}

QString SharedProjectDialog::problemWith(const QString& text)
{
    if (text.trimmed().isEmpty()) return tr("Indiquez l'adresse du projet ou le nom de son service.");
    try {
        if (!StoreLocation::parse(locationFor(text)).isPostgres())
            return tr("Ce n'est pas l'adresse d'un serveur : un fichier de projet s'ouvre par Projet › Ouvrir….");
    } catch (const Error& e) {
        return tr("Adresse non reconnue : %1").arg(e.message());
    }
    return {};
}

void SharedProjectDialog::check()
{
    // Nothing to correct before anything is typed: the button waits, without a red message.
    const QString problem = problemWith(location_->text());
    problem_->setText(location_->text().trimmed().isEmpty() ? QString() : problem);
    open_->setEnabled(problem.isEmpty());
}

}  // namespace maillage::gui
