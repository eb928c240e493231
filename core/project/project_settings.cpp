#include "project/project_settings.h"

#include "common/error.h"
#include "io/ogr_source.h"
#include "network/extract_osm.h"
#include "store/store.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace maillage {
namespace {

// Settings keys. Changing one breaks existing projects: add a migration instead.
const QString kCommunesPath = QStringLiteral("territory.communes.path");
// The keys of an optional layer source: its path (empty: none) and its layer.
struct SourceKeys {
    QString path;
    QString layer;
};
const SourceKeys kEpciKeys{QStringLiteral("territory.epci.path"), QStringLiteral("territory.epci.layer")};
const SourceKeys kOutlineKeys{QStringLiteral("territory.outline.path"), QStringLiteral("territory.outline.layer")};
const QString kBuildingsMinimumArea = QStringLiteral("population.buildings.minimum_area_m2");

// Calls `visit(key, text)` for each text setting of the inputs, with the key it is saved under
// (the same keys rule as above). `Inputs` is ProjectInputs or const ProjectInputs, so that
// saving and loading go through one list.
template <class Inputs, class Visit>
void forEachTextSetting(Inputs& inputs, Visit visit)
{
    auto& t = inputs.territory;
    visit(kCommunesPath, t.communes.path);
    visit(QStringLiteral("territory.communes.layer"), t.communes.layer);
    visit(QStringLiteral("territory.communes.field.insee"), t.communeFields.insee);
    visit(QStringLiteral("territory.communes.field.name"), t.communeFields.name);
    visit(QStringLiteral("territory.communes.field.population"), t.communeFields.population);
    visit(QStringLiteral("territory.communes.field.epci"), t.communeFields.epciSiren);
    visit(QStringLiteral("territory.epci.field.siren"), t.epciFields.siren);
    visit(QStringLiteral("territory.epci.field.name"), t.epciFields.name);
    visit(QStringLiteral("network.path"), inputs.networkPath);
    visit(QStringLiteral("network.layer"), inputs.networkLayer);
    visit(QStringLiteral("network.profile"), inputs.profile);
    visit(QStringLiteral("network.class_field"), inputs.networkClassField);
    visit(QStringLiteral("network.oneway_field"), inputs.networkOnewayField);
    visit(QStringLiteral("network.speed_field"), inputs.networkSpeedField);
    auto& grid = inputs.populationGrid;
    visit(QStringLiteral("population.grid.path"), grid.path);
    visit(QStringLiteral("population.grid.layer"), grid.layer);
    visit(QStringLiteral("population.grid.field"), grid.valueField);
    visit(QStringLiteral("population.grid.rectangles"), grid.rectanglesPath);
    auto& buildings = inputs.buildings;
    visit(QStringLiteral("population.buildings.path"), buildings.path);
    visit(QStringLiteral("population.buildings.layer"), buildings.layer);
}

void saveOptionalSource(Store& store, const SourceKeys& keys, const std::optional<LayerSource>& source)
{
    store.setSetting(keys.path, source ? source->path : QString());
    store.setSetting(keys.layer, source ? source->layer : QString());
}

std::optional<LayerSource> loadOptionalSource(const Store& store, const SourceKeys& keys)
{
    const QString path = store.setting(keys.path).value_or(QString());
    if (path.isEmpty()) return std::nullopt;
    return LayerSource{path, store.setting(keys.layer).value_or(QString())};
}

}  // namespace

void saveProjectInputs(Store& store, const ProjectInputs& inputs)
{
    forEachTextSetting(inputs, [&store](const QString& key, const QString& value) { store.setSetting(key, value); });
    saveOptionalSource(store, kEpciKeys, inputs.territory.epcis);
    saveOptionalSource(store, kOutlineKeys, inputs.territory.outline);
    store.setSetting(kBuildingsMinimumArea, QString::number(inputs.buildings.minimumBuildingAreaM2));
}

NetworkSource networkSourceOf(const ProjectInputs& inputs)
{
    return {inputs.networkPath,        inputs.networkLayer,      inputs.networkClassField,
            inputs.networkOnewayField, inputs.networkSpeedField, inputs.profile};
}

PopulationPlacementOptions placementOptionsFor(const ProjectInputs& inputs, std::optional<PopulationMethod> method)
{
    PopulationPlacementOptions options;
    options.method = method.value_or(inputs.defaultPopulationMethod());
    options.input = inputs.populationInputFor(options.method);
    if ((options.method == PopulationMethod::Grid || options.method == PopulationMethod::Buildings)
        && !options.input.isSet())
        throw Error(
            options.method == PopulationMethod::Grid
                ? QStringLiteral("the project has no gridded population: add one with maillage init --population-grid FILE")
                : QStringLiteral("the project has no buildings: add them with maillage init --buildings FILE"));
    return options;
}

PopulationMethod ProjectInputs::defaultPopulationMethod() const
{
    if (populationGrid.isSet()) return PopulationMethod::Grid;
    if (buildings.isSet()) return PopulationMethod::Buildings;
    return PopulationMethod::Spread;
}

std::vector<PopulationMethod> ProjectInputs::availablePopulationMethods() const
{
    std::vector<PopulationMethod> methods;
    if (populationGrid.isSet()) methods.push_back(PopulationMethod::Grid);
    if (buildings.isSet()) methods.push_back(PopulationMethod::Buildings);
    methods.push_back(PopulationMethod::Spread);
    methods.push_back(PopulationMethod::TownHalls);
    return methods;
}

PopulationInput ProjectInputs::populationInputFor(PopulationMethod method) const
{
    if (method == PopulationMethod::Grid) return populationGrid;
    if (method == PopulationMethod::Buildings) return buildings;
    return PopulationInput{.method = method};
}

ProjectInputs loadProjectInputs(const Store& store)
{
    ProjectInputs inputs;
    inputs.projectPath = store.localFilesBase();
    if (store.setting(kCommunesPath).value_or(QString()).isEmpty())
        throw Error(QStringLiteral("project %1 has no commune layer configured (run `maillage init` with --communes)")
                        .arg(store.path()));
    forEachTextSetting(inputs, [&store](const QString& key, QString& value) { loadSettingInto(store, key, value); });
    inputs.territory.epcis = loadOptionalSource(store, kEpciKeys);
    inputs.territory.outline = loadOptionalSource(store, kOutlineKeys);
    if (auto area = store.setting(kBuildingsMinimumArea)) {
        bool ok = false;
        const double value = area->toDouble(&ok);
        if (ok && value >= 0.0) inputs.buildings.minimumBuildingAreaM2 = value;
    }
    return inputs;
}

QString detectRoadsSource(const QString& networkPath, const QString& layerName)
{
    if (networkPath.isEmpty()) return {};
    if (isOsmFile(networkPath)) return QStringLiteral("OpenStreetMap");
    OGRLayer* layer = nullptr;
    GdalDatasetPtr dataset;
    try {
        dataset = openVectorSource(networkPath);
        layer = findLayer(*dataset, networkPath, layerName);
    } catch (const Error&) {
        return {};
    }
    const int field = layer->GetLayerDefn()->GetFieldIndex("source");
    if (field < 0) return {};
    layer->ResetReading();
    // The first few features are enough: a source field names the whole data set.
    for (int i = 0; i < 20; ++i) {
        std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
        if (!feature) break;
        if (feature->IsFieldSetAndNotNull(field)) {
            const QString value = QString::fromUtf8(feature->GetFieldAsString(field)).trimmed();
            if (!value.isEmpty()) return value;
        }
    }
    return {};
}

}  // namespace maillage
