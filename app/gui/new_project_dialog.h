#pragma once

#include "project/project_settings.h"

#include <QDialog>

#include <utility>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLineEdit;

namespace maillage::gui {

// Asks for a new project's file and inputs: commune boundaries (required), EPCI and
// département layers (optional), road network with its class, one-way and speed fields and
// the speed profile (optional; automatic: osm on a detailed network), where people live
// (optional: INSEE's gridded population, buildings; as `maillage init --population-grid`
// and `--buildings`), and the field names when they differ from IGN ADMIN EXPRESS.
class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(const QString& startFolder, QWidget* parent = nullptr);

    QString projectPath() const;
    ProjectInputs inputs() const;

    void accept() override;

private:
    struct SourceRow {
        QLineEdit* path = nullptr;
        QComboBox* layer = nullptr;
    };
    void addProjectRow(QFormLayout* form);
    void addNetworkChoices(QFormLayout* form);
    void addPopulationRows(QFormLayout* form);
    QGroupBox* communeFieldsBox();
    SourceRow addSourceRow(QFormLayout* form, const QString& label, const QString& filter, bool optional);
    void fillLayers(const SourceRow& row);
    // The network layer's fields in the class / one-way / speed choices, the usual ones preselected.
    void fillNetworkFields();

    QString startFolder_;
    QLineEdit* projectPath_ = nullptr;
    SourceRow communes_;
    SourceRow epci_;
    SourceRow outline_;
    SourceRow network_;
    SourceRow populationGrid_;
    SourceRow buildings_;
    QDoubleSpinBox* buildingsMinimumArea_ = nullptr;
    QComboBox* profile_ = nullptr;
    QComboBox* classField_ = nullptr;
    QComboBox* onewayField_ = nullptr;
    QComboBox* speedField_ = nullptr;
    // The commune layer's field names, each with its box.
    std::vector<std::pair<QString CommuneFields::*, QLineEdit*>> communeFields_;
};

}  // namespace maillage::gui
