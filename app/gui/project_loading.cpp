#include "project_loading.h"

#include "project/loaded_project.h"

#include "common/error.h"
#include "importers/point_format.h"
#include "importers/point_importers.h"
#include "network/network_source.h"
#include "network/prepared_network.h"
#include "population/population_input.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

namespace maillage::gui {
namespace {

void removeProjectFile(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
    if (QFileInfo::exists(path))
        throw Error(QCoreApplication::translate("ProjectLoading", "impossible de remplacer %1 (fichier protégé ou ouvert ?)")
                        .arg(path));
}

// The store keeps settings as NOT NULL text; a null QString would be refused.
ProjectInputs withoutNullStrings(ProjectInputs inputs)
{
    auto fix = [](QString& s) {
        if (s.isNull()) s = QLatin1String("");
    };
    TerritorySources& t = inputs.territory;
    for (QString* s : {&t.communes.path, &t.communes.layer, &t.communeFields.insee, &t.communeFields.name,
                       &t.communeFields.population, &t.communeFields.epciSiren, &t.epciFields.siren, &t.epciFields.name,
                       &inputs.networkPath, &inputs.networkLayer, &inputs.profile})
        fix(*s);
    for (std::optional<LayerSource>* source : {&t.epcis, &t.outline})
        if (*source) {
            fix((*source)->path);
            fix((*source)->layer);
        }
    return inputs;
}

}  // namespace

void LoadProgress::step(int percent, const QString& text)
{
    if (cancelled_()) throw LoadCancelled{};
    report_(percent, text);
}

void LoadProgress::fraction(int from, int to, double done)
{
    report_(from + static_cast<int>((to - from) * std::clamp(done, 0.0, 1.0)), QString());
}

void loadNetworkAndCoverage(ProjectData& data, const std::vector<AccueilPoint>& points, LoadProgress& progress)
{
    progress.step(30, QCoreApplication::translate("ProjectLoading", "Lecture du réseau routier…"));
    // The project's profile, else the one that suits the network (osm on a detailed network).
    NetworkSource source = networkSourceOf(data.inputs);
    const ProfileChoice profileChoice = chooseProfile(source);
    if (!profileChoice.warning.isEmpty()) data.warnings << profileChoice.warning;
    source.profile = profileChoice.profile;
    // From the project's prepared network when it is up to date (built and saved otherwise).
    NetworkLoadOptions network;
    if (!data.inputs.projectPath.isEmpty()) network.preparedPath = preparedNetworkPathFor(data.inputs.projectPath);
    network.progress = [&progress](double done) {
        progress.fraction(30, 70, done);
        return !progress.isCancelled();
    };
    CoverageSetup setup;
    setup.threads = std::max(1, QThread::idealThreadCount());
    // Where people live, as the project says (INSEE grid, buildings or the spread); read once, then cached.
    setup.placement = placementOptionsFor(data.inputs);
    // Linking every cell takes seconds on a detailed network when the prepared file does not
    // hold this grid's links yet: shown, and cancellable (nothing is kept then).
    setup.linkProgress = [&progress](double done) {
        progress.fraction(78, 98, done);
        return !progress.isCancelled();
    };
    // Only the notes that the prepared network could not be written concern the user here.
    const auto warnIfUnwritten = [&data](const QString& note) {
        if (note.contains(QLatin1String("cannot write"))) data.warnings << note;
    };
    try {
        loadRoads(data, source, points, network);
        if (!data.prepared.reused) warnIfUnwritten(data.prepared.note);
        progress.step(72, QCoreApplication::translate("ProjectLoading", "Construction du graphe routier…"));
        buildGraph(data);
        progress.step(78, QCoreApplication::translate("ProjectLoading", "Préparation de la grille de couverture…"));
        warnIfUnwritten(prepareCoverage(data, points, setup));
    } catch (const Error&) {
        if (progress.isCancelled()) throw LoadCancelled{};
        throw;
    }
}

std::shared_ptr<ProjectData> loadProjectData(const ProjectInputs& inputs, const std::vector<AccueilPoint>& points,
                                             LoadProgress& progress)
{
    progress.step(5, QCoreApplication::translate("ProjectLoading", "Lecture des limites communales…"));
    auto data = std::make_shared<ProjectData>(loadProjectTerritory(inputs));

    if (!inputs.networkPath.isEmpty()) loadNetworkAndCoverage(*data, points, progress);
    progress.step(100, QCoreApplication::translate("ProjectLoading", "Projet chargé"));
    return data;
}

std::shared_ptr<ProjectData> createProject(const QString& path, const ProjectInputs& inputs, LoadProgress& progress)
{
    progress.step(1, QCoreApplication::translate("ProjectLoading", "Création du projet…"));
    // Check the inputs before writing anything, so a bad file leaves no half-made project.
    auto data = loadProjectData(inputs, {}, progress);
    // The population sources too, as `maillage init` checks them: readable, and holding people here.
    for (const PopulationInput* input : {&inputs.populationGrid, &inputs.buildings}) {
        if (!input->isSet()) continue;
        progress.step(
            90, QCoreApplication::translate("ProjectLoading", "Lecture de %1…").arg(QFileInfo(input->path).fileName()));
        if (readPopulationInput(*input, data->territory.bbox).size() == 0)
            throw Error(QCoreApplication::translate("ProjectLoading",
                                                    "%1 ne contient personne dans le territoire : est-ce le bon fichier ?")
                            .arg(input->path));
    }
    Store store = Store::create(path);
    saveProjectInputs(store, withoutNullStrings(inputs));
    // Maps credit the road network as its file says (OpenStreetMap, or a source field).
    saveProjectSources(store, {.boundaries = {},
                               .population = {},
                               .roads = detectRoadsSource(inputs.networkPath, inputs.networkLayer),
                               .points = {}});
    return data;
}

std::shared_ptr<ProjectData> createDemoProject(const QString& path, const QString& dataFolder, LoadProgress& progress)
{
    ProjectInputs inputs = demoInputs(dataFolder);
    // The coverage needs the town halls: prepared once the points are imported.
    ProjectInputs withoutNetwork = inputs;
    withoutNetwork.networkPath.clear();
    auto data = loadProjectData(withoutNetwork, {}, progress);
    data->inputs = inputs;
    progress.step(40, QCoreApplication::translate("ProjectLoading", "Création du projet de démonstration…"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    removeProjectFile(path);
    Store store = Store::create(path);
    saveProjectInputs(store, withoutNullStrings(inputs));
    // The credits of the reference data, with their vintages (see the data folder's README); the
    // roads are those of the network the demo actually uses.
    saveProjectSources(store,
                       {.boundaries = QStringLiteral("IGN, ADMIN EXPRESS COG 2018"),
                        .population = QStringLiteral("INSEE, populations légales 2025"),
                        .roads = inputs.profile == QLatin1String("osm")
                                     ? QStringLiteral("© les contributeurs d'OpenStreetMap (ODbL), extrait Geofabrik 2021")
                                     : QStringLiteral("TravelMapping HighwayData, 2026"),
                        .points = {{QStringLiteral("mairies"), QStringLiteral("Communes et villes de France, 2025")},
                                   {QStringLiteral("anct-france-services"), QStringLiteral("ANCT, liste du 1er août 2024")},
                                   {QStringLiteral("laposte"), QStringLiteral("La Poste, points de contact, 2020")},
                                   {QStringLiteral("operateurs"),
                                    QStringLiteral("DILA, Annuaire de l'administration (2016), Région Sud (2023)")}}});
    const QDir folder(QDir(dataFolder).filePath(QStringLiteral("04")));
    // The same lists as scripts/demo.sh, the third-level operators included (when the data folder has them).
    QStringList files{QStringLiteral("mairies-04.csv"), QStringLiteral("france-services-2024.csv"),
                      QStringLiteral("laposte-2020.csv")};
    if (QFileInfo::exists(folder.filePath(QStringLiteral("operateurs-04.csv"))))
        files << QStringLiteral("operateurs-04.csv");
    int percent = 42;
    for (const QString& name : files) {
        progress.step(percent, QCoreApplication::translate("ProjectLoading", "Import de %1…").arg(name));
        importBatch(store, readPointFile(folder.filePath(name), detectPointFormat(folder.filePath(name))), &data->territory);
        percent += 4;
    }
    loadNetworkAndCoverage(*data, store.points(), progress);
    progress.step(100, QCoreApplication::translate("ProjectLoading", "Démonstration prête"));
    return data;
}

QString sharedDataFolder()
{
    const QByteArray fromEnv = qgetenv("MAILLAGE_SHARED_DATA");
    return fromEnv.isEmpty() ? QStringLiteral(MAILLAGE_DEFAULT_SHARED_DATA) : QString::fromLocal8Bit(fromEnv);
}

ProjectInputs demoInputs(const QString& dataFolder)
{
    const QDir folder(QDir(dataFolder).filePath(QStringLiteral("04")));
    const QString limits = folder.filePath(QStringLiteral("limites-04.gpkg"));
    // The detailed OpenStreetMap network, or the coarse classified roads where it is missing.
    const bool detailed = QFileInfo::exists(folder.filePath(QStringLiteral("routes-osm-04.gpkg")));
    const QString network = detailed ? QStringLiteral("routes-osm-04.gpkg") : QStringLiteral("routes-04.geojson");
    for (const QString& name : {QStringLiteral("limites-04.gpkg"), network, QStringLiteral("mairies-04.csv"),
                                QStringLiteral("france-services-2024.csv"), QStringLiteral("laposte-2020.csv")}) {
        if (!QFileInfo::exists(folder.filePath(name)))
            throw Error(QCoreApplication::translate("ProjectLoading",
                                                    "données de démonstration introuvables : %1 n'existe pas "
                                                    "(indiquez le dossier des données avec MAILLAGE_SHARED_DATA)")
                            .arg(folder.filePath(name)));
    }
    ProjectInputs inputs;
    inputs.territory.communes = {limits, QStringLiteral("commune")};
    inputs.territory.epcis = LayerSource{limits, QStringLiteral("epci")};
    inputs.territory.outline = LayerSource{limits, QStringLiteral("departement")};
    inputs.networkPath = folder.filePath(network);
    inputs.profile = detailed ? QStringLiteral("osm") : QStringLiteral("generalised");
    // People placed as scripts/demo.sh places them: by INSEE's 200 m grid, with the buildings as
    // the second method of the sensitivity table; without those files, spread over the cells.
    const QString grid = folder.filePath(QStringLiteral("filosofi-2021-carreaux-200m-04.csv"));
    if (QFileInfo::exists(grid)) inputs.populationGrid.path = grid;
    const QString buildings = folder.filePath(QStringLiteral("batiments-osm-04.gpkg"));
    if (QFileInfo::exists(buildings)) inputs.buildings.path = buildings;
    return inputs;
}

QString defaultDemoPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(folder.isEmpty() ? QDir::tempPath() : folder).filePath(QStringLiteral("demo-04.gpkg"));
}

LoadOutcome runLoadJob(const std::function<std::shared_ptr<ProjectData>(LoadProgress&)>& job, LoadProgress& progress)
{
    LoadOutcome outcome;
    try {
        outcome.data = job(progress);
    } catch (const LoadCancelled&) {
        outcome.cancelled = true;
    } catch (const Error& e) {
        outcome.error = e.message();
    } catch (const std::exception& e) {
        outcome.error = QString::fromLocal8Bit(e.what());
    } catch (...) {
        outcome.error = QCoreApplication::translate("ProjectLoading", "erreur inconnue");
    }
    return outcome;
}

}  // namespace maillage::gui
