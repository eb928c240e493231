#include "cli_support.h"
#include "planning_support.h"

#include "io/territory_loader.h"
#include "project/project_settings.h"
#include "store/store.h"

#include <QFileInfo>

namespace maillage::cli {
namespace {

QString absolute(const QString& path) { return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath(); }

std::optional<LayerSource> optionalSource(const QCommandLineParser& parser, const QString& pathOption,
                                          const QString& layerOption)
{
    if (!parser.isSet(pathOption)) return std::nullopt;
    return LayerSource{absolute(parser.value(pathOption)), parser.value(layerOption)};
}

// The territory's sources (boundaries and their fields), the network and the population, as
// the options give them: paths made absolute, since the project is used from other folders.
ProjectInputs projectInputsFrom(const QCommandLineParser& parser)
{
    ProjectInputs inputs;
    TerritorySources& sources = inputs.territory;
    sources.communes = {absolute(requiredOption(parser, QStringLiteral("communes"))),
                        parser.value(QStringLiteral("communes-layer"))};
    overrideIfSet(parser, QStringLiteral("insee-field"), sources.communeFields.insee);
    overrideIfSet(parser, QStringLiteral("name-field"), sources.communeFields.name);
    overrideIfSet(parser, QStringLiteral("population-field"), sources.communeFields.population);
    overrideIfSet(parser, QStringLiteral("epci-field"), sources.communeFields.epciSiren);
    sources.epcis = optionalSource(parser, QStringLiteral("epci"), QStringLiteral("epci-layer"));
    overrideIfSet(parser, QStringLiteral("epci-siren-field"), sources.epciFields.siren);
    overrideIfSet(parser, QStringLiteral("epci-name-field"), sources.epciFields.name);
    sources.outline = optionalSource(parser, QStringLiteral("outline"), QStringLiteral("outline-layer"));
    applyNetworkOptions(parser, inputs);

    inputs.populationGrid.path = absolute(parser.value(QStringLiteral("population-grid")));
    inputs.populationGrid.layer = parser.value(QStringLiteral("population-grid-layer"));
    inputs.populationGrid.valueField = parser.value(QStringLiteral("population-grid-field"));
    inputs.populationGrid.rectanglesPath = absolute(parser.value(QStringLiteral("population-rectangles")));
    inputs.buildings.path = absolute(parser.value(QStringLiteral("buildings")));
    inputs.buildings.layer = parser.value(QStringLiteral("buildings-layer"));
    if (parser.isSet(QStringLiteral("buildings-min-area"))) {
        bool ok = false;
        inputs.buildings.minimumBuildingAreaM2 = parser.value(QStringLiteral("buildings-min-area")).toDouble(&ok);
        if (!ok || inputs.buildings.minimumBuildingAreaM2 < 0)
            throw UsageError(QStringLiteral("--buildings-min-area must be a number of square metres"));
    }
    return inputs;
}

// Reads the gridded population and the buildings the inputs name, as a coverage will: a
// file that holds no one in the territory is refused. Returns what each holds, to print.
QStringList checkPopulationInputs(const ProjectInputs& inputs, const Territory& territory)
{
    QStringList descriptions;
    for (const PopulationInput* input : {&inputs.populationGrid, &inputs.buildings}) {
        if (!input->isSet()) continue;
        const PopulationPieces pieces = readPopulationInput(*input, territory.bbox);
        if (pieces.size() == 0)
            throw Error(QStringLiteral("%1 holds no one in the territory: is it the right file?").arg(input->path));
        descriptions << pieces.description;
    }
    return descriptions;
}

// The credits maps and PDFs print; the roads' is read from the network file unless given.
ProjectSources creditsFrom(const QCommandLineParser& parser, const ProjectInputs& inputs)
{
    ProjectSources credits;
    credits.boundaries = parser.value(QStringLiteral("boundaries-source"));
    credits.population = parser.value(QStringLiteral("population-source"));
    credits.roads = parser.isSet(QStringLiteral("roads-source"))
                        ? parser.value(QStringLiteral("roads-source"))
                        : detectRoadsSource(inputs.networkPath, inputs.networkLayer);
    return credits;
}

}  // namespace

void describeInit(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Create a project file (a GeoPackage) for a territory. The boundary layers are checked\n"
                       "now and read again each time the project is used; field names default to IGN ADMIN EXPRESS."));
    parser.addOption(projectOption());
    const auto file = QStringLiteral("file"), layer = QStringLiteral("layer"), field = QStringLiteral("field");
    parser.addOptions({
        {QStringLiteral("communes"), QStringLiteral("Commune boundaries (any OGR vector format and CRS)."), file},
        {QStringLiteral("communes-layer"), QStringLiteral("Layer of the commune file (default: the first)."), layer},
        {QStringLiteral("insee-field"), QStringLiteral("Commune INSEE code field (default INSEE_COM)."), field},
        {QStringLiteral("name-field"), QStringLiteral("Commune name field (default NOM)."), field},
        {QStringLiteral("population-field"), QStringLiteral("Commune population field (default POPULATION)."), field},
        {QStringLiteral("epci-field"), QStringLiteral("Commune field with the EPCI SIREN (default SIREN_EPCI)."), field},
        {QStringLiteral("epci"), QStringLiteral("EPCI boundaries (optional: derived from the communes otherwise)."), file},
        {QStringLiteral("epci-layer"), QStringLiteral("Layer of the EPCI file."), layer},
        {QStringLiteral("epci-siren-field"), QStringLiteral("EPCI SIREN field (default CODE_SIREN)."), field},
        {QStringLiteral("epci-name-field"), QStringLiteral("EPCI name field (default NOM)."), field},
        {QStringLiteral("outline"), QStringLiteral("Département outline (optional: union of the communes otherwise)."),
         file},
        {QStringLiteral("outline-layer"), QStringLiteral("Layer of the outline file."), layer},
        {QStringLiteral("population-grid"),
         QStringLiteral(
             "Gridded population: INSEE squares (Filosofi 200 m or 1 km, 2010 carroyage; CSV, GeoPackage, dBase), "
             "a raster of people per pixel (GHSL, WorldPop) or a point/polygon layer with a population field."),
         file},
        {QStringLiteral("population-grid-layer"), QStringLiteral("Layer of the gridded population file."), layer},
        {QStringLiteral("population-grid-field"),
         QStringLiteral("People field of the gridded population (default: ind, ind_c, population)."), field},
        {QStringLiteral("population-rectangles"),
         QStringLiteral("INSEE 2010 carroyage: the rectangles file of the squares."), file},
        {QStringLiteral("buildings"),
         QStringLiteral("Buildings (points or polygons, any OGR format) to place people where they live."), file},
        {QStringLiteral("buildings-layer"), QStringLiteral("Layer of the buildings file."), layer},
        {QStringLiteral("buildings-min-area"),
         QStringLiteral("Footprints smaller than this (m²) are sheds, left out (default 20)."), QStringLiteral("m2")},
        {QStringLiteral("boundaries-source"),
         QStringLiteral("Credit for the boundaries on maps, with the vintage (default: IGN ADMIN EXPRESS)."),
         QStringLiteral("text")},
        {QStringLiteral("population-source"),
         QStringLiteral("Credit for the population, with the vintage (default: INSEE, populations légales)."),
         QStringLiteral("text")},
        {QStringLiteral("roads-source"),
         QStringLiteral("Credit for the road network (default: read from the file: OpenStreetMap, or its source field)."),
         QStringLiteral("text")},
    });
    parser.addOptions(networkSourceOptions());
}

int runInit(const QCommandLineParser& parser)
{
    const QString projectPath = requiredOption(parser, QStringLiteral("project"));
    const ProjectInputs inputs = projectInputsFrom(parser);

    // Load first: a project is only created for a territory (and population) that can be read.
    const Territory territory = loadTerritory(inputs.territory);
    const QStringList populationLines = checkPopulationInputs(inputs, territory);
    Store store = Store::create(projectPath);
    saveProjectInputs(store, inputs);
    saveProjectSources(store, creditsFrom(parser, inputs));

    out() << "Created project " << projectPath << ": " << territory.communes.size() << " communes, "
          << territory.epcis.size() << " EPCI, population " << groupThousands(territory.population()) << '\n';
    for (const QString& line : populationLines) out() << "Population: " << line << '\n';
    out() << "Population method of coverages: " << populationMethodKey(inputs.defaultPopulationMethod()) << '\n';
    for (const LoadWarning& w : territory.warnings)
        out() << "warning: " << w.file << ", layer " << w.layer << ", " << w.feature << ": " << w.message << '\n';
    out().flush();
    return 0;
}

}  // namespace maillage::cli
