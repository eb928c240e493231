#include "new_project_dialog.h"

#include "io/ogr_source.h"
#include "network/extract_osm.h"
#include "network/speed_profile.h"

#include <ogrsf_frmts.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace maillage::gui {
namespace {

QString vectorFilter()
{
    return QCoreApplication::translate(
        "NewProjectDialog",
        "Données vectorielles (*.gpkg *.shp *.geojson *.json *.gml *.kml *.sqlite);;Tous les fichiers (*)");
}

QString networkFilter()
{
    return QCoreApplication::translate(
        "NewProjectDialog",
        "Réseaux routiers (*.osm.pbf *.pbf *.osm *.osm.gz *.gpkg *.shp *.geojson *.json);;Tous les fichiers (*)");
}

QString populationGridFilter()
{
    return QCoreApplication::translate("NewProjectDialog",
                                       "Population carroyée (*.csv *.gpkg *.dbf *.shp *.tif *.tiff);;Tous les fichiers (*)");
}

}  // namespace

NewProjectDialog::NewProjectDialog(const QString& startFolder, QWidget* parent) : QDialog(parent), startFolder_(startFolder)
{
    setWindowTitle(tr("Nouveau projet"));
    auto* form = new QFormLayout;
    addProjectRow(form);
    communes_ = addSourceRow(form, tr("Communes"), vectorFilter(), false);
    communes_.path->setObjectName(QStringLiteral("communesPath"));
    epci_ = addSourceRow(form, tr("EPCI (facultatif)"), vectorFilter(), true);
    outline_ = addSourceRow(form, tr("Département (facultatif)"), vectorFilter(), true);
    network_ = addSourceRow(form, tr("Réseau routier (facultatif)"), networkFilter(), true);
    addNetworkChoices(form);
    addPopulationRows(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Créer"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annuler"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(communeFieldsBox());
    layout->addWidget(buttons);
    resize(620, sizeHint().height());
}

// The project file to create, typed or chosen.
void NewProjectDialog::addProjectRow(QFormLayout* form)
{
    projectPath_ = new QLineEdit;
    projectPath_->setObjectName(QStringLiteral("projectPath"));
    auto* projectRow = new QHBoxLayout;
    auto* browseProject = new QToolButton;
    browseProject->setText(QStringLiteral("…"));
    projectRow->addWidget(projectPath_, 1);
    projectRow->addWidget(browseProject);
    form->addRow(tr("Fichier du projet"), projectRow);
    connect(browseProject, &QToolButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Nouveau projet"), startFolder_, tr("Projet Maillage (*.gpkg)"));
        if (!path.isEmpty())
            projectPath_->setText(path.endsWith(QLatin1String(".gpkg")) ? path : path + QStringLiteral(".gpkg"));
    });
}

// How the road network is read: the speed profile, and the fields of a GIS line layer
// (class, one-way, speed).
void NewProjectDialog::addNetworkChoices(QFormLayout* form)
{
    profile_ = new QComboBox;
    classField_ = new QComboBox;
    onewayField_ = new QComboBox;
    speedField_ = new QComboBox;
    // Automatic (empty data): osm on a detailed network, generalised on a coarse one.
    profile_->addItem(tr("automatique (selon la densité du réseau)"), QString());
    for (const QString& name : builtinProfileNames()) profile_->addItem(name, name);
    profile_->setToolTip(
        tr("« osm » pour un réseau détaillé (OpenStreetMap, BD TOPO), « generalised » pour un réseau "
           "simplifié de routes classées ; automatique : choisi d'après la densité du réseau."));
    form->addRow(tr("Profil de vitesses"), profile_);
    for (QComboBox* field : {classField_, onewayField_, speedField_}) field->setEditable(true);
    classField_->setToolTip(tr("Champ de la classe de route (valeurs OSM ou classes administratives françaises)"));
    onewayField_->setToolTip(
        tr("Champ du sens unique : yes/no, 1/0/-1, true/false, « sens unique », « double sens »… ; "
           "vide : le champ « oneway » s'il existe"));
    speedField_->setToolTip(tr("Champ d'une vitesse en km/h qui remplace celle du profil (facultatif)"));
    auto* networkFields = new QHBoxLayout;
    networkFields->addWidget(new QLabel(tr("classe")));
    networkFields->addWidget(classField_, 1);
    networkFields->addWidget(new QLabel(tr("sens unique")));
    networkFields->addWidget(onewayField_, 1);
    networkFields->addWidget(new QLabel(tr("vitesse")));
    networkFields->addWidget(speedField_, 1);
    form->addRow(tr("Champs du réseau"), networkFields);
    fillNetworkFields();
    connect(network_.layer, &QComboBox::currentTextChanged, this, [this] { fillNetworkFields(); });
}

void NewProjectDialog::addPopulationRows(QFormLayout* form)
{
    // Where people live, to place each commune's population (rescaled to the legal figure).
    populationGrid_ = addSourceRow(form, tr("Population carroyée (facultatif)"), populationGridFilter(), true);
    populationGrid_.path->setObjectName(QStringLiteral("populationGridPath"));
    populationGrid_.path->setToolTip(
        tr("Carreaux INSEE (Filosofi 200 m ou 1 km, CSV ou GeoPackage), raster de "
           "population (GHSL, WorldPop) ou couche avec un champ de population"));
    buildings_ = addSourceRow(form, tr("Bâtiments (facultatif)"), vectorFilter(), true);
    buildings_.path->setObjectName(QStringLiteral("buildingsPath"));
    buildings_.path->setToolTip(tr("Bâtiments (points ou polygones) où placer les habitants de chaque commune"));
    buildingsMinimumArea_ = new QDoubleSpinBox;
    buildingsMinimumArea_->setRange(0.0, 1000.0);
    buildingsMinimumArea_->setDecimals(0);
    buildingsMinimumArea_->setSuffix(QStringLiteral(" m²"));
    buildingsMinimumArea_->setValue(BuildingOptions::kDefaultMinimumBuildingAreaM2);
    buildingsMinimumArea_->setObjectName(QStringLiteral("buildingsMinimumArea"));
    buildingsMinimumArea_->setToolTip(tr("Les emprises plus petites (abris, garages) ne comptent pas comme logements"));
    form->addRow(tr("Surface minimale d'un bâtiment"), buildingsMinimumArea_);
}

// The commune layer's fields, ADMIN EXPRESS's names by default (CommuneFields).
QGroupBox* NewProjectDialog::communeFieldsBox()
{
    auto* fields = new QGroupBox(tr("Champs des communes (ADMIN EXPRESS par défaut)"));
    auto* fieldForm = new QFormLayout(fields);
    const CommuneFields defaults;
    const std::pair<QString CommuneFields::*, QString> rows[] = {{&CommuneFields::insee, tr("Code INSEE")},
                                                                 {&CommuneFields::name, tr("Nom")},
                                                                 {&CommuneFields::population, tr("Population")},
                                                                 {&CommuneFields::epciSiren, tr("SIREN de l'EPCI")}};
    for (const auto& [field, label] : rows) {
        auto* edit = new QLineEdit(defaults.*field);
        fieldForm->addRow(label, edit);
        communeFields_.push_back({field, edit});
    }
    return fields;
}

NewProjectDialog::SourceRow NewProjectDialog::addSourceRow(QFormLayout* form, const QString& label, const QString& filter,
                                                           bool optional)
{
    SourceRow row{new QLineEdit, new QComboBox};
    row.layer->setMinimumContentsLength(12);
    row.layer->setToolTip(tr("Couche du fichier"));
    if (optional) row.path->setPlaceholderText(tr("aucun"));
    auto* browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    auto* line = new QHBoxLayout;
    line->addWidget(row.path, 1);
    line->addWidget(row.layer);
    line->addWidget(browse);
    form->addRow(label, line);
    connect(browse, &QToolButton::clicked, this, [this, row, label, filter] {
        const QString path = QFileDialog::getOpenFileName(this, label, startFolder_, filter);
        if (path.isEmpty()) return;
        row.path->setText(path);
        fillLayers(row);
    });
    connect(row.path, &QLineEdit::editingFinished, this, [this, row] { fillLayers(row); });
    return row;
}

void NewProjectDialog::fillLayers(const SourceRow& row)
{
    row.layer->clear();
    const QString path = row.path->text().trimmed();
    if (path.isEmpty() || !QFileInfo::exists(path)) return;
    try {
        GdalDatasetPtr dataset = openVectorSource(path);
        row.layer->addItems(layerNames(*dataset));
    } catch (const std::exception&) {
        // The file is checked again, with a clear message, when the project is created.
    }
}

void NewProjectDialog::fillNetworkFields()
{
    QStringList fields;
    const QString path = network_.path->text().trimmed();
    if (!path.isEmpty() && QFileInfo::exists(path) && !isOsmFile(path)) {
        try {
            GdalDatasetPtr dataset = openVectorSource(path);
            OGRFeatureDefn* definition = findLayer(*dataset, path, network_.layer->currentText())->GetLayerDefn();
            for (int i = 0; i < definition->GetFieldCount(); ++i)
                fields << QString::fromUtf8(definition->GetFieldDefn(i)->GetNameRef());
        } catch (const std::exception&) {
            // Checked again, with a clear message, when the project is opened.
        }
    }
    const auto fill = [&fields](QComboBox* box, const QString& preferred, bool optional) {
        box->clear();
        if (optional) box->addItem(QString());
        box->addItems(fields);
        if (fields.contains(preferred)) box->setCurrentText(preferred);
        else if (!optional) box->setCurrentText(preferred);
    };
    fill(classField_, QStringLiteral("class"), false);
    fill(onewayField_, QStringLiteral("oneway"), true);
    fill(speedField_, QString(), true);
    for (QComboBox* box : {classField_, onewayField_, speedField_}) box->setEnabled(!isOsmFile(path));
}

QString NewProjectDialog::projectPath() const { return projectPath_->text().trimmed(); }

ProjectInputs NewProjectDialog::inputs() const
{
    ProjectInputs inputs;
    auto absolute = [](const QString& path) { return QFileInfo(path.trimmed()).absoluteFilePath(); };
    inputs.territory.communes = {absolute(communes_.path->text()), communes_.layer->currentText()};
    for (const auto& [field, edit] : communeFields_) inputs.territory.communeFields.*field = edit->text().trimmed();
    if (!epci_.path->text().trimmed().isEmpty())
        inputs.territory.epcis = LayerSource{absolute(epci_.path->text()), epci_.layer->currentText()};
    if (!outline_.path->text().trimmed().isEmpty())
        inputs.territory.outline = LayerSource{absolute(outline_.path->text()), outline_.layer->currentText()};
    if (!network_.path->text().trimmed().isEmpty()) {
        inputs.networkPath = absolute(network_.path->text());
        inputs.networkLayer = network_.layer->currentText();
        inputs.profile = profile_->currentData().toString();
        if (!isOsmFile(inputs.networkPath)) {
            const QString classField = classField_->currentText().trimmed();
            if (classField != QLatin1String("class")) inputs.networkClassField = classField;
            inputs.networkOnewayField = onewayField_->currentText().trimmed();
            inputs.networkSpeedField = speedField_->currentText().trimmed();
        }
    }
    if (!populationGrid_.path->text().trimmed().isEmpty()) {
        inputs.populationGrid.path = absolute(populationGrid_.path->text());
        inputs.populationGrid.layer = populationGrid_.layer->currentText();
    }
    if (!buildings_.path->text().trimmed().isEmpty()) {
        inputs.buildings.path = absolute(buildings_.path->text());
        inputs.buildings.layer = buildings_.layer->currentText();
    }
    inputs.buildings.minimumBuildingAreaM2 = buildingsMinimumArea_->value();
    return inputs;
}

void NewProjectDialog::accept()
{
    QString problem;
    if (projectPath().isEmpty()) problem = tr("Choisissez le fichier du projet.");
    else if (QFileInfo::exists(projectPath()))
        problem = tr("Le fichier %1 existe déjà : choisissez un autre nom.").arg(projectPath());
    else if (communes_.path->text().trimmed().isEmpty()) problem = tr("Choisissez le fichier des communes.");
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Nouveau projet"), problem);
        return;
    }
    QDialog::accept();
}

}  // namespace maillage::gui
