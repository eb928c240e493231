#include "planning_support.h"

#include "network/snapping.h"

#include "coverage/coverage_run.h"
#include "coverage/grid.h"
#include "coverage/population.h"
#include "coverage/territory_network.h"
#include "network/network_source.h"
#include "network/prepared_network.h"
#include "planning/scenario_coverage.h"

#include <QFileInfo>

#include <cmath>

namespace maillage::cli {

QStringList PlanningProject::inputFiles() const
{
    return projectInputFiles(*store, inputs, {network.path, network.profile});
}

QList<QCommandLineOption> networkSourceOptions(bool withNetwork, bool layerAlias)
{
    QList<QCommandLineOption> options;
    if (withNetwork)
        options.append({QStringLiteral("network"),
                        QStringLiteral("Road network: OpenStreetMap file or any OGR line layer (default: the project's)."),
                        QStringLiteral("file")});
    QStringList layerNames{QStringLiteral("network-layer")};
    if (layerAlias) layerNames << QStringLiteral("layer");
    options.append({layerNames, QStringLiteral("Layer of the network file (default: the first)."), QStringLiteral("layer")});
    options.append({QStringLiteral("class-field"), QStringLiteral("Field holding the road class (default: class)."),
                    QStringLiteral("field")});
    options.append(
        {QStringLiteral("oneway-field"),
         QStringLiteral(
             "Field telling one-way roads: yes/no, 1/0/-1, true/false, \"sens unique\", \"double sens\", "
             "\"sens inverse\"... (default: the layer's \"oneway\" field when it has one; \"none\": all two-way)."),
         QStringLiteral("field")});
    options.append({QStringLiteral("speed-field"),
                    QStringLiteral("Field with a speed in km/h that replaces the profile's class speed."),
                    QStringLiteral("field")});
    options.append(
        {QStringLiteral("profile"),
         QStringLiteral("Speed profile: %1 or a JSON file (default: the project's, else osm on a detailed network, "
                        "generalised on a coarse one).")
             .arg(builtinProfileNames().join(QStringLiteral(", "))),
         QStringLiteral("profile")});
    return options;
}

void applyNetworkOptions(const QCommandLineParser& parser, ProjectInputs& inputs)
{
    if (parser.isSet(QStringLiteral("network")))
        inputs.networkPath = QFileInfo(parser.value(QStringLiteral("network"))).absoluteFilePath();
    overrideIfSet(parser, QStringLiteral("network-layer"), inputs.networkLayer);
    overrideIfSet(parser, QStringLiteral("class-field"), inputs.networkClassField);
    overrideIfSet(parser, QStringLiteral("oneway-field"), inputs.networkOnewayField);
    overrideIfSet(parser, QStringLiteral("speed-field"), inputs.networkSpeedField);
    overrideIfSet(parser, QStringLiteral("profile"), inputs.profile);
}

NetworkSource networkSourceFrom(const QCommandLineParser& parser, const ProjectInputs* project)
{
    NetworkSource source;
    if (project) source = networkSourceOf(*project);
    if (parser.isSet(QStringLiteral("network"))) {
        const QString path = parser.value(QStringLiteral("network"));
        if (!project || QFileInfo(path).absoluteFilePath() != QFileInfo(project->networkPath).absoluteFilePath())
            source = NetworkSource{path, {}, {}, {}, {}, {}};
    }
    overrideIfSet(parser, QStringLiteral("network-layer"), source.layer);
    overrideIfSet(parser, QStringLiteral("class-field"), source.classField);
    overrideIfSet(parser, QStringLiteral("oneway-field"), source.onewayField);
    overrideIfSet(parser, QStringLiteral("speed-field"), source.speedField);
    overrideIfSet(parser, QStringLiteral("profile"), source.profile);
    requireNetworkFile(source.path);
    const ProfileChoice choice = chooseProfile(source);
    source.profile = choice.profile;
    if (!choice.warning.isEmpty()) err() << "warning: " << choice.warning << '\n' << Qt::flush;
    return source;
}

QCommandLineOption thresholdOption()
{
    return {QStringLiteral("threshold"), QStringLiteral("Minutes beyond which a place is a gap (default 20)."),
            QStringLiteral("minutes")};
}

QCommandLineOption cellSizeOption()
{
    return {QStringLiteral("cell"), QStringLiteral("Grid cell size in metres (default 200)."), QStringLiteral("metres")};
}

QList<QCommandLineOption> planningNetworkOptions()
{
    QList<QCommandLineOption> options = networkSourceOptions();
    options.append({
        cellSizeOption(),
        {QStringLiteral("threads"), QStringLiteral("Threads for snapping, searches and clipping (default 2)."),
         QStringLiteral("n")},
    });
    return options;
}

QList<QCommandLineOption> planningCommandOptions(const QList<QCommandLineOption>& options)
{
    const QList<QCommandLineOption> levelOptions{
        levelOption(QStringLiteral("Level of the points: 1, 2 or 3 (default 2).")),
        thresholdOption(),
    };
    return QList<QCommandLineOption>{projectOption()} + options + levelOptions + planningNetworkOptions();
}

double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback)
{
    if (!parser.isSet(name)) return fallback;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value))
        throw UsageError(QStringLiteral("--%1 must be a number, not \"%2\"").arg(name, parser.value(name)));
    return value;
}

CoverageOptions coverageOptionsFrom(const QCommandLineParser& parser)
{
    CoverageOptions options;
    options.level = intOption(parser, QStringLiteral("level"), 1, 3).value_or(2);
    options.thresholdMinutes = doubleValue(parser, QStringLiteral("threshold"), kDefaultThresholdMinutes);
    if (!(options.thresholdMinutes > 0.0) || options.thresholdMinutes > kMaxThresholdMinutes)
        throw UsageError(QStringLiteral("--threshold must be a positive number of minutes, at most %1, not \"%2\"")
                             .arg(kMaxThresholdMinutes)
                             .arg(parser.value(QStringLiteral("threshold"))));
    options.threads = threadsOption(parser);
    try {
        requireValidOptions(options);
    } catch (const Error& e) {
        throw UsageError(e.message());
    }
    return options;
}

std::vector<double> bandsOption(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("bands"))) return defaultBandBreaks();
    const QString text = parser.value(QStringLiteral("bands"));
    const auto refuse = [&] {
        return UsageError(
            QStringLiteral("--bands must be 1 to %1 limits in minutes, increasing, each positive and at most %2 "
                           "(e.g. 10,20,30), not \"%3\"")
                .arg(kMaxBandBreaks)
                .arg(kMaxThresholdMinutes)
                .arg(text.left(80)));
    };
    std::vector<double> breaks;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double minutes = part.trimmed().toDouble(&ok);
        if (!ok || !(minutes > 0.0) || minutes > kMaxThresholdMinutes || (!breaks.empty() && !(minutes > breaks.back())))
            throw refuse();
        breaks.push_back(minutes);
        if (int(breaks.size()) > kMaxBandBreaks) throw refuse();
    }
    if (breaks.empty()) throw refuse();
    return breaks;
}

double cellOption(const QCommandLineParser& parser)
{
    const double cell = doubleValue(parser, QStringLiteral("cell"), CoverageGrid::kDefaultCellSize);
    if (!(cell > 0.0) || cell > kMaxCellMetres)
        throw UsageError(QStringLiteral("--cell must be a positive number of metres, at most %1, not \"%2\"")
                             .arg(kMaxCellMetres)
                             .arg(parser.value(QStringLiteral("cell"))));
    return cell;
}

int threadsOption(const QCommandLineParser& parser)
{
    return intOption(parser, QStringLiteral("threads"), 1, 64).value_or(2);
}

PlanningProject loadPlanningProject(const QCommandLineParser& parser,
                                    const std::function<void(const PlanningProject&)>& beforeNetwork, PhaseTimer* phases)
{
    const auto phase = [phases](const char* name) {
        if (phases) (*phases)(name);
    };
    PlanningProject project;
    project.store = std::make_unique<Store>(openProject(parser));
    const ProjectInputs inputs = loadProjectInputs(*project.store);
    phase("open project");
    // Its load warnings were shown when the project was made (maillage init).
    static_cast<LoadedProject&>(project) = loadProjectTerritory(inputs);
    phase("territory");
    project.network = networkSourceFrom(parser, &project.inputs);
    project.points = project.store->points();
    if (beforeNetwork) beforeNetwork(project);
    if (const QString note = memoryNote(project.network.path); !note.isEmpty()) err() << note << '\n';
    TerminalProgress progress(QStringLiteral("Preparing the network %1").arg(QFileInfo(project.network.path).fileName()));
    loadNetwork(project, project.network, project.points,
                {.preparedPath = preparedNetworkPathFor(project.store->localFilesBase()), .progress = progress.callback()});
    reportPreparedNetwork(project.prepared);
    phase("network (prepared) + graph");
    return project;
}

std::unique_ptr<ScenarioCoverageRunner> scenarioRunner(PlanningProject& project, const QCommandLineParser& parser)
{
    auto runner =
        std::make_unique<ScenarioCoverageRunner>(project.territory, *project.graph, project.profile, project.points,
                                                 CoverageSetup{.cellSize = cellOption(parser),
                                                               .placement = placementOptionsFor(project.inputs),
                                                               .threads = threadsOption(parser),
                                                               .storedLinks = &project.prepared.links},
                                                 Snapper::fromBytes(*project.graph, project.prepared.spatialIndex));
    if (const QString note = keepCoverageLinks(project.prepared, runner->baselineContext()); !note.isEmpty())
        err() << "note: " << note << '\n';
    return runner;
}

QString peopleText(double value) { return groupThousands(qint64(std::llround(value))); }

QString shareText(double share) { return QStringLiteral("%1 %").arg(100.0 * share, 0, 'f', 1); }

QString minutesText(double minutes)
{
    return std::isfinite(minutes) ? QString::number(minutes, 'f', 1) : QStringLiteral("-");
}

QString signedPeople(double value)
{
    const qint64 rounded = std::llround(value);
    return rounded > 0 ? QLatin1Char('+') + groupThousands(rounded) : groupThousands(rounded);
}

void printClosures(const ScenarioCoverage& coverage)
{
    if (coverage.closures.empty()) return;
    out() << "Roads closed in " << coverage.scenario << ":\n";
    for (const ResolvedClosure& closure : coverage.closures)
        out() << "  #" << closure.closure.id << " " << closure.description << '\n';
    out().flush();
}

}  // namespace maillage::cli
