// maillage coverage: the 20-minute coverage of a level — travel-time surface, gap zones,
// population beyond the threshold, referral and access tables — written to a GeoPackage.
#include "cli_support.h"
#include "network/network_summary.h"
#include "planning_support.h"

#include "common/atomic_file.h"

#include "coverage/access_table.h"
#include "coverage/coverage_run.h"
#include "coverage/network_engine.h"
#include "coverage/population_sensitivity.h"
#include "coverage/referral.h"
#include "coverage/territory_network.h"
#include "geo/territory.h"
#include "network/extract_lines.h"
#include "network/road_graph.h"
#include "network/speed_profile.h"
#include "planning/road_closures.h"
#include "planning/scenario.h"
#include "project/full_coverage.h"
#include "project/loaded_project.h"
#include "project/project_settings.h"
#include "report/geopackage_export.h"
#include "store/kinds.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>

#include <array>
#include <cmath>
#include <map>
#include <optional>

namespace maillage::cli {
namespace {

const QStringList kCsvFiles{QStringLiteral("communes.csv"),          QStringLiteral("epci.csv"),
                            QStringLiteral("gap_zones.csv"),         QStringLiteral("referrals.csv"),
                            QStringLiteral("access_epci_seats.csv"), QStringLiteral("sensitivity.csv")};

QString percent(double share) { return QStringLiteral("%1 %").arg(100.0 * share, 0, 'f', 1); }
QString people(double value) { return groupThousands(qint64(std::llround(value))); }
QString minutes(double value) { return std::isfinite(value) ? QString::number(value, 'f', 1) : QStringLiteral("-"); }

void writeText(const QString& path, const QString& text) { writeFileAtomically(path, text.toUtf8()); }

QString csvOf(const TextTable& table)
{
    QString text;
    QTextStream stream(&text);
    table.printCsv(stream);
    return text;
}

TextTable communeTable(const CoverageResult& result)
{
    TextTable table({QStringLiteral("insee"), QStringLiteral("commune"), QStringLiteral("epci_siren"),
                     QStringLiteral("population"), QStringLiteral("town_hall_minutes"), QStringLiteral("town_hall_beyond"),
                     QStringLiteral("beyond_town_hall"), QStringLiteral("beyond_spread"), QStringLiteral("max_minutes"),
                     QStringLiteral("mean_minutes")});
    for (const CommuneCoverage& c : result.population.communes)
        table.addRow({c.insee, c.name, c.epciSiren, QString::number(c.population), minutes(c.townHallMinutes),
                      c.townHallBeyond ? QStringLiteral("1") : QStringLiteral("0"),
                      QString::number(c.beyondAtTownHall, 'f', 0), QString::number(c.beyondSpread, 'f', 1),
                      minutes(c.maxCellMinutes), minutes(c.meanCellMinutes)});
    return table;
}

// The column of the people placed on the cells is named after the method that placed them:
// "beyond (spread)" over grid figures would send a planner to quote the wrong method.
QString cellsBeyondHeader(PopulationMethod method)
{
    return method == PopulationMethod::TownHalls ? QStringLiteral("beyond (on cells)")
                                                 : QStringLiteral("beyond (%1)").arg(populationMethodKey(method));
}

TextTable epciTable(const CoverageResult& result, bool forPeople)
{
    TextTable table({QStringLiteral("EPCI"), QStringLiteral("population"), cellsBeyondHeader(result.population.method),
                     QStringLiteral("share"), QStringLiteral("beyond (town hall)"), QStringLiteral("share"),
                     QStringLiteral("town halls beyond")});
    const auto row = [&](const AreaCoverage& area, const QString& name) {
        if (forPeople)
            table.addRow({name, groupThousands(area.population), people(area.beyondSpread), percent(area.shareSpread()),
                          people(area.beyondAtTownHall), percent(area.shareAtTownHall()),
                          QString::number(area.communesTownHallBeyond)});
        else
            table.addRow({name, QString::number(area.population), QString::number(area.beyondSpread, 'f', 1),
                          QString::number(area.shareSpread(), 'f', 4), QString::number(area.beyondAtTownHall, 'f', 0),
                          QString::number(area.shareAtTownHall(), 'f', 4), QString::number(area.communesTownHallBeyond)});
    };
    for (const AreaCoverage& epci : result.population.epcis) row(epci, epci.name.isEmpty() ? epci.code : epci.name);
    row(result.population.departement, QStringLiteral("Département %1").arg(result.population.departement.code));
    return table;
}

TextTable gapTable(const CoverageResult& result)
{
    TextTable table({QStringLiteral("zone"), QStringLiteral("insee"), QStringLiteral("commune"), QStringLiteral("epci"),
                     QStringLiteral("area_km2"), QStringLiteral("max_minutes"), QStringLiteral("mean_minutes")});
    for (const GapZone& zone : result.gapZones)
        table.addRow({QString::number(zone.zone), zone.communeInsee, zone.communeName, zone.epciName,
                      QString::number(zone.areaKm2, 'f', 2), minutes(zone.maxMinutes), minutes(zone.meanMinutes)});
    return table;
}

TextTable referralTable(const std::vector<ReferralLink>& links)
{
    TextTable table({QStringLiteral("from_id"), QStringLiteral("from"), QStringLiteral("from_level"),
                     QStringLiteral("to_level"), QStringLiteral("kind"), QStringLiteral("to"), QStringLiteral("km"),
                     QStringLiteral("minutes"), QStringLiteral("beyond"), QStringLiteral("visio_to"),
                     QStringLiteral("visio_km"), QStringLiteral("visio_minutes"), QStringLiteral("visio_beyond")});
    for (const ReferralLink& link : links) {
        const bool third = link.toLevel == Level::Third;
        table.addRow({QString::number(link.fromId), link.fromName, QString::number(int(link.fromLevel)),
                      QString::number(int(link.toLevel)), link.targetKind, link.toName,
                      link.reachable ? QString::number(link.km, 'f', 1) : QString(), minutes(link.minutes),
                      link.beyond ? QStringLiteral("1") : QStringLiteral("0"), link.visio.toName,
                      link.visio.reachable ? QString::number(link.visio.km, 'f', 1) : QString(),
                      third ? minutes(link.visio.minutes) : QString(),
                      third ? (link.visio.beyond ? QStringLiteral("1") : QStringLiteral("0")) : QString()});
    }
    return table;
}

// "12 beyond 20 min, 3 without": how one kind of access fares over a group of links.
struct AccessCount {
    int beyond = 0;
    int none = 0;
    void add(bool reachable, bool beyond_)
    {
        if (!reachable) ++none;
        else if (beyond_) ++beyond;
    }
};

QString accessText(const AccessCount& count, int links, int targets)
{
    if (count.none == links) return targets == 0 ? QStringLiteral("none in the project") : QStringLiteral("none reachable");
    QString text = QString::number(count.beyond);
    if (count.none > 0) text += QStringLiteral(" (+%1 without)").arg(count.none);
    return text;
}

// Per (origin level, target level): how many links, how many beyond (or without target),
// physically and, towards level 3, by video: side by side.
void printReferralSummary(const std::vector<ReferralLink>& links, const std::vector<AccueilPoint>& points,
                          const QString& threshold)
{
    std::array<int, 4> pointsOfLevel{};  // open points, by level (visio points apart)
    int visioPoints = 0;
    for (const AccueilPoint& point : points) {
        if (point.status == PointStatus::Closed) continue;
        if (!point.serves.isEmpty()) ++visioPoints;
        if (int(point.level) >= 1 && int(point.level) <= 3 && !isVisioKind(point.kind)) ++pointsOfLevel[int(point.level)];
    }
    struct Group {
        int links = 0;
        AccessCount physical, visio, either;
    };
    std::map<std::pair<int, int>, Group> groups;
    for (const ReferralLink& link : links) {
        Group& group = groups[{int(link.fromLevel), int(link.toLevel)}];
        ++group.links;
        group.physical.add(link.reachable, link.beyond);
        group.visio.add(link.visio.reachable, link.visio.beyond);
        const bool within = (link.reachable && !link.beyond) || (link.visio.reachable && !link.visio.beyond);
        group.either.add(link.reachable || link.visio.reachable, !within);
    }
    if (groups.empty()) return;
    out() << "\nReferral links (beyond " << threshold << " min; level 3 by a desk and by visio side by side):\n";
    TextTable table({QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("links"),
                     QStringLiteral("physical beyond"), QStringLiteral("visio beyond"), QStringLiteral("beyond both")});
    for (const auto& [levels, group] : groups) {
        const bool third = levels.second == 3;
        table.addRow({QStringLiteral("level %1").arg(levels.first), QStringLiteral("level %1").arg(levels.second),
                      QString::number(group.links),
                      accessText(group.physical, group.links, pointsOfLevel[std::size_t(levels.second)]),
                      third ? accessText(group.visio, group.links, visioPoints) : QStringLiteral("-"),
                      third ? accessText(group.either, group.links, visioPoints + pointsOfLevel[3]) : QStringLiteral("-")});
    }
    table.print(out());
}

// From each EPCI seat, the minutes to the nearest desk of each operator and, beside it, to
// the nearest place serving it by video.
void printOperatorAccess(const AccessTable& access)
{
    QStringList header{QStringLiteral("EPCI seat")};
    std::vector<std::size_t> shown;
    for (std::size_t c = 0; c < access.columns.size(); ++c) {
        if (!access.columns[c].visio) continue;
        shown.push_back(c);
        header << access.columns[c].label << access.columns[c].label + QStringLiteral(" visio");
    }
    if (shown.empty() || access.origins.empty()) return;
    out() << "\nMinutes from each EPCI seat to the operators, at a desk and by visio (table access_epci_seats):\n";
    TextTable table(header);
    for (std::size_t row = 0; row < access.origins.size(); ++row) {
        QStringList cells{access.origins[row].name};
        for (std::size_t c : shown)
            cells << minutes(access.cells[row][c].minutes) << minutes(access.visioCells[row][c].minutes);
        table.addRow(cells);
    }
    table.print(out());
}

QString levelLabel(int level)
{
    switch (level) {
    case 1: return QStringLiteral("level 1 (inform and orient)");
    case 2: return QStringLiteral("level 2 (France services, CCAS, CMS)");
    default: return QStringLiteral("level 3 (operators' desks)");
    }
}

// What the command line asks, checked before anything is read.
struct CoverageRequest {
    CoverageOptions options;
    double cell = 0.0;
    std::optional<PopulationMethod> populationMethod;
    bool sensitivity = false;
    QString outPath;
    QString csvDir;
    QString scenarioName;
    bool includePlanned = false;
};

CoverageRequest coverageRequest(const QCommandLineParser& parser)
{
    CoverageRequest request;
    request.options = coverageOptionsFrom(parser);
    request.options.bandBreaks = bandsOption(parser);
    request.cell = cellOption(parser);
    if (parser.isSet(QStringLiteral("population"))) {
        request.populationMethod = populationMethodFromKey(parser.value(QStringLiteral("population")));
        if (!request.populationMethod)
            throw UsageError(QStringLiteral("--population must be grid, buildings, spread or town-halls, not \"%1\"")
                                 .arg(parser.value(QStringLiteral("population"))));
    }
    request.sensitivity = parser.isSet(QStringLiteral("sensitivity"));
    request.outPath = requiredOption(parser, QStringLiteral("out"));
    request.csvDir = parser.value(QStringLiteral("csv"));
    request.scenarioName = parser.value(QStringLiteral("scenario"));
    request.includePlanned = parser.isSet(QStringLiteral("include-planned"));
    if (!request.scenarioName.isEmpty() && request.includePlanned)
        throw UsageError(
            QStringLiteral("--include-planned and --scenario cannot go together: a plan holds its planned points"));
    return request;
}

// The population beyond under every method the project has, on the same travel times (only
// where people are changes), then with road speeds ±10 % (people placed as the run's method
// says).
PopulationSensitivity computeSensitivity(const ProjectInputs& inputs, const NetworkSource& network,
                                         const SpeedProfile& profile, const CoverageContext& context,
                                         const CoverageResult& result, const std::vector<AccueilPoint>& points,
                                         const std::vector<AccueilPoint>& levelPoints,
                                         const std::optional<ScenarioView>& scenario, const CoverageRequest& request)
{
    PopulationSensitivity sensitivity;
    const Territory& territory = context.territory();
    const CoverageOptions& options = request.options;
    const PopulationMethod runMethod = context.placement().method();
    for (PopulationMethod method : inputs.availablePopulationMethods())
        sensitivity.addColumn(populationMethodKey(method), populationMethodKey(method),
                              populationBeyondBy(method, inputs, context, result), method);
    const LineLayerOptions lineOptions = lineLayerOptions(network);
    for (const double factor : {0.9, 1.1}) {
        SpeedProfile varied = profile;
        for (double& kmh : varied.classKmh) kmh *= factor;
        varied.maxspeedFactor *= factor;
        RoadGraph variedGraph(loadTerritoryNetwork(network.path, varied, lineOptions,
                                                   townAnchors(territory, townHallsFor(territory, points))));
        const std::vector<ResolvedClosure> variedClosures =
            scenario ? resolveRoadClosures(variedGraph, scenario->roadClosures) : std::vector<ResolvedClosure>{};
        const ScopedRoadClosures variedClosed(variedGraph, variedClosures);
        const GraphTravelEngine variedEngine(variedGraph, varied);
        const CoverageContext variedContext(
            territory, variedEngine, points,
            {.cellSize = request.cell, .placement = {}, .threads = options.threads, .fixedPlacement = &context.placement()});
        CoverageOptions quick = options;
        quick.computeBands = false;
        quick.clipGapsToCommunes = false;
        const CoverageResult variedResult = computeCoverage(variedContext, levelPoints, quick);
        const QString key = factor < 1 ? QStringLiteral("speeds-10") : QStringLiteral("speeds+10");
        sensitivity.addColumn(key, key + QStringLiteral(" (") + populationMethodKey(runMethod) + QLatin1Char(')'),
                              variedResult.population, runMethod);
    }
    return sensitivity;
}

// The tables the application and later runs read from the project.
void saveResultTables(Store& store, const AccessTable& access, const PopulationSensitivity* sensitivity,
                      const CoverageOptions& options)
{
    saveAccessTable(store, access);
    if (!sensitivity) return;
    std::vector<Store::ResultColumn> columns;
    for (const QString& name : sensitivity->header())
        columns.push_back({name, name == QStringLiteral("population") || name.startsWith(QStringLiteral("beyond_"))
                                     || name == QStringLiteral("low") || name == QStringLiteral("high")});
    store.writeResultTable(kSensitivityTable,
                           QStringLiteral("Population beyond %1 min of level %2 under each population method and road "
                                          "speeds ±10 %% (last coverage run)")
                               .arg(options.thresholdMinutes)
                               .arg(options.level),
                           columns, sensitivity->tableRows());
}

void writeCsvTables(const QString& csvDir, const CoverageResult& result, const std::vector<ReferralLink>& referrals,
                    const AccessTable& access, const PopulationSensitivity* sensitivity)
{
    const QDir dir(csvDir);
    if (sensitivity) {
        TextTable table(sensitivity->header());
        for (const QStringList& row : sensitivity->tableRows()) table.addRow(row);
        writeText(dir.filePath(QStringLiteral("sensitivity.csv")), csvOf(table));
    }
    writeText(dir.filePath(QStringLiteral("communes.csv")), csvOf(communeTable(result)));
    writeText(dir.filePath(QStringLiteral("epci.csv")), csvOf(epciTable(result, false)));
    writeText(dir.filePath(QStringLiteral("gap_zones.csv")), csvOf(gapTable(result)));
    writeText(dir.filePath(QStringLiteral("referrals.csv")), csvOf(referralTable(referrals)));
    writeAccessTableCsv(access, dir.filePath(QStringLiteral("access_epci_seats.csv")));
}

// The summary's first lines: what was reached, on which network and grid, and the places the
// network does not reach.
void printRunHeader(const CoverageResult& result, const RoadGraph& graph, const TownConnectorStats& connectors,
                    const QString& networkPath, const QString& profileName, double cell, std::size_t cellCount,
                    const std::vector<AccueilPoint>& levelPoints)
{
    out() << "Coverage of " << levelLabel(result.options.level) << " within "
          << QString::number(result.options.thresholdMinutes) << " min: " << result.points.size() << " points";
    if (result.unjoinedPoints) {
        out() << " (" << result.unjoinedPoints << " too far from any road, left out";
        if (result.unjoinedOutsideTerritory > 0)
            out() << ", " << result.unjoinedOutsideTerritory << " of them outside the territory";
        out() << ")";
    }
    out() << "; network " << QFileInfo(networkPath).fileName() << " (" << graph.nodeCount() << " nodes";
    if (connectors.connectors > 0)
        out() << ", " << connectors.connectors << " town connectors at " << connectors.towns << " town halls";
    out() << "), profile " << profileName << "; grid " << cell << " m, " << groupThousands(qint64(cellCount)) << " cells\n";
    std::vector<XY> places;
    QStringList names;
    for (const AccueilPoint& point : levelPoints) {
        places.push_back(point.lambert93);
        names << point.name;
    }
    std::vector<XY> nodes(graph.nodeCount());
    for (NodeId node = 0; node < graph.nodeCount(); ++node) nodes[node] = graph.nodePosition(node);
    const QString beyond = placesBeyondExtentText(networkExtent(nodes), places, names);
    if (!beyond.isEmpty()) out() << beyond << '\n';
}

// The headline (people beyond by the run's method, which it names) and the other counts.
void printPopulation(const CoverageResult& result, const PopulationPlacement& placement)
{
    const AreaCoverage& d = result.population.departement;
    const PopulationMethod method = result.population.method;
    const double headline = beyondBy(d, method);
    out() << "Population beyond " << QString::number(result.options.thresholdMinutes) << " min ("
          << groupThousands(d.population) << " inhabitants): " << people(headline) << " ("
          << percent(d.population ? headline / double(d.population) : 0.0) << "), population by the "
          << populationMethodKey(method) << " method: " << populationMethodDescription(method) << '\n';
    if (!placement.sourceDescription().isEmpty()) {
        out() << "  from " << placement.sourceDescription();
        if (placement.communesFallenBack() > 0)
            out() << "; " << placement.communesFallenBack() << " communes without any there spread near the roads";
        out() << '\n';
    }
    out() << (method == PopulationMethod::Grid        ? "  on the cells, INSEE grid:        "
              : method == PopulationMethod::Buildings ? "  on the cells, buildings:         "
                                                      : "  spread over the inhabited cells: ")
          << people(d.beyondSpread) << " (" << percent(d.shareSpread()) << ")\n"
          << "  counted at the town hall:        " << people(d.beyondAtTownHall) << " (" << percent(d.shareAtTownHall())
          << "), " << d.communesTownHallBeyond << " communes\n"
          << "  area beyond: " << QString::number(d.areaBeyondKm2, 'f', 0) << " km² of "
          << QString::number(d.areaKm2, 'f', 0) << " km², in " << result.gapZones.size() << " zone pieces\n\n";
}

void printTownHallsBeyond(const CoverageResult& result)
{
    if (result.population.townHallsBeyond.empty()) return;
    out() << "\nCommunes whose town hall is beyond " << QString::number(result.options.thresholdMinutes) << " min:\n";
    TextTable halls(
        {QStringLiteral("commune"), QStringLiteral("INSEE"), QStringLiteral("minutes"), QStringLiteral("population")});
    for (int c : result.population.townHallsBeyond) {
        const CommuneCoverage& commune = result.population.communes[std::size_t(c)];
        halls.addRow({commune.name, commune.insee, minutes(commune.townHallMinutes), groupThousands(commune.population)});
    }
    halls.print(out());
}

void printSensitivity(const PopulationSensitivity& sensitivity, double thresholdMinutes)
{
    out() << "\nSensitivity: people beyond " << QString::number(thresholdMinutes) << " min under each assumption\n";
    QStringList header{QStringLiteral("area")};
    for (const SensitivityColumn& column : sensitivity.columns()) header << column.label;
    header << QStringLiteral("verdict");
    TextTable table(header);
    int borderline = 0, sure = 0;
    for (const SensitivityRow& row : sensitivity.rows()) {
        if (row.kind == SensitivityRow::Kind::Commune) {
            (row.verdict() == QStringLiteral("beyond") ? sure : borderline) += 1;
            continue;
        }
        QStringList cells{row.name.isEmpty() ? row.code : row.name};
        for (double b : row.beyond) cells << people(b);
        cells << QString();
        table.addRow(cells);
    }
    table.print(out());
    out() << "  communes beyond under every assumption: " << sure << ", under some only (borderline): " << borderline
          << " (table " << kSensitivityTable << ")\n";
}

// The points the run reaches (`levelPoints`) and the plan they come from: checked before the
// network is read, so that a plan without a point of the level fails at once.
struct PointsToReach {
    std::optional<ScenarioView> scenario;
    std::vector<AccueilPoint> levelPoints;
};

PointsToReach pointsToReach(Store& store, const std::vector<AccueilPoint>& points, const CoverageRequest& request)
{
    PointsToReach reach;
    const int level = request.options.level;
    // A scenario's points replace the project's as the places to reach; the town halls where
    // people are counted stay the project's (the baseline), whatever the plan changes.
    if (!request.scenarioName.isEmpty()) {
        reach.scenario = loadScenarioView(store, request.scenarioName);
        for (const QString& warning : reach.scenario->warnings) err() << "warning: " << warning << '\n';
    }
    reach.levelPoints =
        reach.scenario ? scenarioLevelPoints(*reach.scenario, level) : coveragePoints(points, level, request.includePlanned);
    if (reach.levelPoints.empty())
        throw Error(reach.scenario
                        ? QStringLiteral("scenario %1 has no open point of level %2").arg(reach.scenario->name).arg(level)
                        : QStringLiteral("the project has no %1point of level %2: import some first (maillage import)")
                              .arg(request.includePlanned ? QString() : QStringLiteral("existing "))
                              .arg(level));
    return reach;
}

// The result tables are saved in the project. A server role that may only read computes and
// exports all the same; only that copy in the project is left out, and it is said.
bool savesInProject(const Store& store) { return !store.isServer() || store.canEdit(); }

// Before any computation: never write over an input, nor fail after the long part.
void checkBeforeComputing(const PlanningProject& project, const CoverageRequest& request)
{
    const QStringList inputFiles = project.inputFiles();
    checkOutputPath(QStringLiteral("--out"), request.outPath, inputFiles);
    if (!request.csvDir.isEmpty()) checkOutputFolder(QStringLiteral("--csv"), request.csvDir, kCsvFiles, inputFiles);
    if (savesInProject(*project.store)) project.store->requireWritable();
    CoverageGrid::requireFits(project.territory, request.cell);
}

void printTimings(const CoverageTimings& timings)
{
    err() << QStringLiteral("timing:   link %1, search %2, surface %3, gaps %4, bands %5, population %6 ms\n")
                 .arg(timings.link, 0, 'f', 1)
                 .arg(timings.search, 0, 'f', 1)
                 .arg(timings.surface, 0, 'f', 1)
                 .arg(timings.gaps, 0, 'f', 1)
                 .arg(timings.bands, 0, 'f', 1)
                 .arg(timings.population, 0, 'f', 1);
}

// What a run computed, and the sensitivity table when asked.
struct ComputedCoverage {
    FullCoverage run;
    std::optional<PopulationSensitivity> sensitivity;
};

// The coverage of the points to reach, with the plan's roads closed (resolved, closed by the
// caller for the whole run): grid links, coverage, referrals, access table, sensitivity.
ComputedCoverage computeRun(PlanningProject& project, const PointsToReach& reach,
                            const std::vector<ResolvedClosure>& closures, const CoverageRequest& request, PhaseTimer& phase)
{
    const std::optional<ScenarioView>& scenario = reach.scenario;
    ComputedCoverage computed;
    TerminalProgress linking(QStringLiteral("Linking the grid cells and town halls to the roads"));
    const QString linksNote = prepareCoverage(project, project.points,
                                              {.cellSize = request.cell,
                                               .placement = placementOptionsFor(project.inputs, request.populationMethod),
                                               .threads = request.options.threads,
                                               .linkProgress = linking.callback()},
                                              closures.empty() ? Roads::AsRead : Roads::WithClosures);
    if (!linksNote.isEmpty()) err() << "note: " << linksNote << '\n';
    phase("closures, engine, context");
    const CoverageContext& context = *project.coverage;
    computed.run =
        runFullCoverage(context, scenario ? scenario->points : project.points, reach.levelPoints, request.options);
    if (phase.enabled()) printTimings(computed.run.result.timings);
    phase("coverage, referrals, access table");
    if (request.sensitivity)
        computed.sensitivity = computeSensitivity(project.inputs, project.network, project.profile, context,
                                                  computed.run.result, project.points, reach.levelPoints, scenario, request);
    return computed;
}

// The run_parameters every output carries: the project, network, profile, points and closures.
RunDescription describeRun(const PlanningProject& project, const PointsToReach& reach,
                           const std::vector<ResolvedClosure>& closures, const CoverageRequest& request)
{
    RunDescription description =
        runDescription(project.store->path(), project,
                       pointSetDescription(reach.scenario ? reach.scenario->name : QString(), request.includePlanned));
    for (const ResolvedClosure& closure : closures)
        description.extra.push_back({QStringLiteral("road_closure"), closure.description});
    return description;
}

// The GeoPackage, the result tables in the project (the application and later runs show
// them) and the CSV tables when asked.
void writeOutputs(const PlanningProject& project, const ComputedCoverage& computed, const RunDescription& description,
                  const CoverageRequest& request)
{
    const FullCoverage& run = computed.run;
    CoverageExport data = run.exportData(*project.coverage, description);
    const PopulationSensitivity* sensitivity = computed.sensitivity ? &*computed.sensitivity : nullptr;
    data.sensitivity = sensitivity;
    writeCoverageGeoPackage(request.outPath, data);
    if (savesInProject(*project.store)) saveResultTables(*project.store, run.access, sensitivity, request.options);
    else
        out() << "note: project " << project.store->path() << " is read-only for " << project.store->editor()
              << ": the result tables are not saved in it (the files are written)\n";
    if (!request.csvDir.isEmpty()) writeCsvTables(request.csvDir, run.result, run.referrals, run.access, sensitivity);
}

// How long the user waited for each part, in milliseconds.
struct RunDurations {
    double load = 0, compute = 0, write = 0;
};

void printSummary(const PlanningProject& project, const PointsToReach& reach, const ComputedCoverage& computed,
                  const std::vector<ResolvedClosure>& closures, const CoverageRequest& request,
                  const RunDurations& durations)
{
    const FullCoverage& run = computed.run;
    const CoverageContext& context = *project.coverage;
    const double threshold = request.options.thresholdMinutes;
    printRunHeader(run.result, *project.graph, project.connectors, project.network.path, project.profile.name, request.cell,
                   context.grid().cellCount(), reach.levelPoints);
    if (reach.scenario) out() << "Scenario " << reach.scenario->name << '\n';
    for (const ResolvedClosure& closure : closures) out() << "  road closed: " << closure.description << '\n';
    out() << '\n';
    printPopulation(run.result, context.placement());
    out() << "Per EPCI:\n";
    epciTable(run.result, true).print(out());
    printTownHallsBeyond(run.result);
    if (computed.sensitivity) printSensitivity(*computed.sensitivity, threshold);
    printReferralSummary(run.referrals, run.points, QString::number(threshold));
    printOperatorAccess(run.access);
    out() << "Written " << request.outPath;
    if (!request.csvDir.isEmpty()) out() << " and CSV tables in " << request.csvDir;
    out() << QStringLiteral(" (load %1 s, compute %2 s, write %3 s)\n")
                 .arg(durations.load / 1000, 0, 'f', 1)
                 .arg(durations.compute / 1000, 0, 'f', 1)
                 .arg(durations.write / 1000, 0, 'f', 1);
    out().flush();
}

}  // namespace

void describeCoverage(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Travel time from every place of the territory to the nearest accueil point of a level:\n"
                       "zones beyond the threshold, population beyond per commune and EPCI, referral links between\n"
                       "levels and the access table from each EPCI seat, written to a GeoPackage that QGIS opens styled."));
    parser.addOption(projectOption());
    parser.addOptions(networkSourceOptions());
    parser.addOptions({
        levelOption(QStringLiteral("Level of the points to reach: 1, 2 or 3 (default 2).")),
        thresholdOption(),
        cellSizeOption(),
        {QStringLiteral("bands"), QStringLiteral("Isochrone band limits in minutes (default 10,20,30)."),
         QStringLiteral("list")},
        {QStringLiteral("include-planned"),
         QStringLiteral("Count planned points too (a scenario), not only existing ones.")},
        scenarioOption(QStringLiteral("Coverage of this scenario: its points and road closures (see maillage "
                                      "scenario; default: the baseline).")),
        outOption(QStringLiteral("Result GeoPackage to write (replaced if it exists).")),
        csvFolderOption(),
        {QStringLiteral("threads"), QStringLiteral("Threads for snapping, searching and shaping the gap zones (default 2)."),
         QStringLiteral("n")},
        {QStringLiteral("population"),
         QStringLiteral(
             "Where people live: grid (INSEE squares or any gridded population), buildings, spread (over the "
             "cells near a road) or town-halls (default: grid when the project has one, else buildings, else spread)."),
         QStringLiteral("method")},
        {QStringLiteral("sensitivity"),
         QStringLiteral("Also compute the population beyond under every population method the project has and with road "
                        "speeds 10 % lower and higher: table population_sensitivity (GeoPackage, project, CSV).")},
    });
}

int runCoverage(const QCommandLineParser& parser)
{
    const CoverageRequest request = coverageRequest(parser);
    Stopwatch stopwatch;
    RunDurations durations;
    PhaseTimer phase;
    PointsToReach reach;
    PlanningProject project = loadPlanningProject(
        parser,
        [&](const PlanningProject& loading) {
            checkBeforeComputing(loading, request);
            reach = pointsToReach(*loading.store, loading.points, request);
        },
        &phase);
    // The run needs the graph only: the roads as read are for drawing (the application, the
    // PDF), and on a regional network they weigh hundreds of megabytes.
    project.roads.reset();
    durations.load = stopwatch.lapMs();

    // The scenario's road closures hold for the whole run (coverage, referrals, tables, outputs).
    const std::vector<ResolvedClosure> closures =
        reach.scenario ? resolveRoadClosures(*project.graph, reach.scenario->roadClosures) : std::vector<ResolvedClosure>{};
    const ScopedRoadClosures closed(*project.graph, closures);
    const ComputedCoverage computed = computeRun(project, reach, closures, request, phase);
    durations.compute = stopwatch.lapMs();

    writeOutputs(project, computed, describeRun(project, reach, closures, request), request);
    durations.write = stopwatch.lapMs();
    phase("write outputs");

    printSummary(project, reach, computed, closures, request, durations);
    phase("summary");
    return 0;
}

}  // namespace maillage::cli
