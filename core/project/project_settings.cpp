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
const QString kCommunesLayer = QStringLiteral("territory.communes.layer");
const QString kFieldInsee = QStringLiteral("territory.communes.field.insee");
const QString kFieldName = QStringLiteral("territory.communes.field.name");
const QString kFieldPopulation = QStringLiteral("territory.communes.field.population");
const QString kFieldEpci = QStringLiteral("territory.communes.field.epci");
const QString kEpciPath = QStringLiteral("territory.epci.path");
const QString kEpciLayer = QStringLiteral("territory.epci.layer");
const QString kEpciFieldSiren = QStringLiteral("territory.epci.field.siren");
const QString kEpciFieldName = QStringLiteral("territory.epci.field.name");
const QString kOutlinePath = QStringLiteral("territory.outline.path");
const QString kOutlineLayer = QStringLiteral("territory.outline.layer");
const QString kNetworkPath = QStringLiteral("network.path");
const QString kNetworkLayer = QStringLiteral("network.layer");
const QString kProfile = QStringLiteral("network.profile");
const QString kNetworkClassField = QStringLiteral("network.class_field");
const QString kNetworkOnewayField = QStringLiteral("network.oneway_field");
const QString kNetworkSpeedField = QStringLiteral("network.speed_field");
const QString kPopulationGridPath = QStringLiteral("population.grid.path");
const QString kPopulationGridLayer = QStringLiteral("population.grid.layer");
const QString kPopulationGridField = QStringLiteral("population.grid.field");
const QString kPopulationGridRectangles = QStringLiteral("population.grid.rectangles");
const QString kBuildingsPath = QStringLiteral("population.buildings.path");
const QString kBuildingsLayer = QStringLiteral("population.buildings.layer");
const QString kBuildingsMinimumArea = QStringLiteral("population.buildings.minimum_area_m2");

void saveOptionalSource(Store& store, const QString& pathKey, const QString& layerKey,
                        const std::optional<LayerSource>& source)
{
    store.setSetting(pathKey, source ? source->path : QString());
    store.setSetting(layerKey, source ? source->layer : QString());
}

std::optional<LayerSource> loadOptionalSource(const Store& store, const QString& pathKey, const QString& layerKey)
{
    const QString path = store.setting(pathKey).value_or(QString());
    if (path.isEmpty()) return std::nullopt;
    return LayerSource{path, store.setting(layerKey).value_or(QString())};
}

}  // namespace

void saveProjectInputs(Store& store, const ProjectInputs& inputs)
{
    const TerritorySources& t = inputs.territory;
    store.setSetting(kCommunesPath, t.communes.path);
    store.setSetting(kCommunesLayer, t.communes.layer);
    store.setSetting(kFieldInsee, t.communeFields.insee);
    store.setSetting(kFieldName, t.communeFields.name);
    store.setSetting(kFieldPopulation, t.communeFields.population);
    store.setSetting(kFieldEpci, t.communeFields.epciSiren);
    saveOptionalSource(store, kEpciPath, kEpciLayer, t.epcis);
    store.setSetting(kEpciFieldSiren, t.epciFields.siren);
    store.setSetting(kEpciFieldName, t.epciFields.name);
    saveOptionalSource(store, kOutlinePath, kOutlineLayer, t.outline);
    store.setSetting(kNetworkPath, inputs.networkPath);
    store.setSetting(kNetworkLayer, inputs.networkLayer);
    store.setSetting(kProfile, inputs.profile);
    store.setSetting(kNetworkClassField, inputs.networkClassField);
    store.setSetting(kNetworkOnewayField, inputs.networkOnewayField);
    store.setSetting(kNetworkSpeedField, inputs.networkSpeedField);
    store.setSetting(kPopulationGridPath, inputs.populationGrid.path);
    store.setSetting(kPopulationGridLayer, inputs.populationGrid.layer);
    store.setSetting(kPopulationGridField, inputs.populationGrid.valueField);
    store.setSetting(kPopulationGridRectangles, inputs.populationGrid.rectanglesPath);
    store.setSetting(kBuildingsPath, inputs.buildings.path);
    store.setSetting(kBuildingsLayer, inputs.buildings.layer);
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
    TerritorySources& t = inputs.territory;
    t.communes.path = store.setting(kCommunesPath).value_or(QString());
    if (t.communes.path.isEmpty())
        throw Error(QStringLiteral("project %1 has no commune layer configured (run `maillage init` with --communes)")
                        .arg(store.path()));
    loadSettingInto(store, kCommunesLayer, t.communes.layer);
    loadSettingInto(store, kFieldInsee, t.communeFields.insee);
    loadSettingInto(store, kFieldName, t.communeFields.name);
    loadSettingInto(store, kFieldPopulation, t.communeFields.population);
    loadSettingInto(store, kFieldEpci, t.communeFields.epciSiren);
    t.epcis = loadOptionalSource(store, kEpciPath, kEpciLayer);
    loadSettingInto(store, kEpciFieldSiren, t.epciFields.siren);
    loadSettingInto(store, kEpciFieldName, t.epciFields.name);
    t.outline = loadOptionalSource(store, kOutlinePath, kOutlineLayer);
    loadSettingInto(store, kNetworkPath, inputs.networkPath);
    loadSettingInto(store, kNetworkLayer, inputs.networkLayer);
    loadSettingInto(store, kProfile, inputs.profile);
    loadSettingInto(store, kNetworkClassField, inputs.networkClassField);
    loadSettingInto(store, kNetworkOnewayField, inputs.networkOnewayField);
    loadSettingInto(store, kNetworkSpeedField, inputs.networkSpeedField);
    loadSettingInto(store, kPopulationGridPath, inputs.populationGrid.path);
    loadSettingInto(store, kPopulationGridLayer, inputs.populationGrid.layer);
    loadSettingInto(store, kPopulationGridField, inputs.populationGrid.valueField);
    loadSettingInto(store, kPopulationGridRectangles, inputs.populationGrid.rectanglesPath);
    loadSettingInto(store, kBuildingsPath, inputs.buildings.path);
    loadSettingInto(store, kBuildingsLayer, inputs.buildings.layer);
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
