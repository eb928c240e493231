#include "network/calibration.h"

#include "common/error.h"
#include "geo/crs.h"
#include "network/built_up.h"
#include "network/curvature.h"
#include "network/nearest_search.h"
#include "network/profile_snapping.h"
#include "network/road_graph.h"
#include "network/snapping.h"
#include "network/travel_matrix.h"

#include <QFile>
#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <limits>

namespace maillage {
namespace {

double median(std::vector<double> values)
{
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

void summarise(TripCheckSummary& summary)
{
    std::vector<double> minutes, km;
    double logMinutes = 0.0, logKm = 0.0;
    for (const TripCheck& trip : summary.trips) {
        if (!trip.reached) {
            ++summary.unreached;
            continue;
        }
        if (trip.reference.minutes > 0) {
            minutes.push_back(std::abs(trip.minutesError()));
            logMinutes += std::pow(std::log(trip.minutes / trip.reference.minutes), 2);
        }
        if (trip.reference.km > 0) {
            km.push_back(std::abs(trip.kmError()));
            logKm += std::pow(std::log(trip.km / trip.reference.km), 2);
        }
    }
    summary.medianAbsMinutesError = median(minutes);
    summary.maxAbsMinutesError = minutes.empty() ? 0.0 : *std::max_element(minutes.begin(), minutes.end());
    summary.medianAbsKmError = median(km);
    summary.maxAbsKmError = km.empty() ? 0.0 : *std::max_element(km.begin(), km.end());
    summary.rmsLogMinutesError = minutes.empty() ? 0.0 : std::sqrt(logMinutes / minutes.size());
    summary.rmsLogKmError = km.empty() ? 0.0 : std::sqrt(logKm / km.size());
    // An unreached pair is as bad as it gets: it must never win a grid search.
    if (summary.unreached > 0) {
        summary.rmsLogMinutesError = summary.rmsLogKmError = std::numeric_limits<double>::infinity();
        summary.maxAbsMinutesError = summary.maxAbsKmError = std::numeric_limits<double>::infinity();
    }
}

double distanceMetres(XY a, XY b) { return std::hypot(b.x - a.x, b.y - a.y); }

}  // namespace

std::vector<ReferenceTrip> readReferenceTrips(const QString& csvPath)
{
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw Error(QStringLiteral("cannot read %1: %2").arg(csvPath, file.errorString()));
    QTextStream in(&file);
    const QStringList header = in.readLine().trimmed().split(QLatin1Char(','));
    const QStringList required{
        QStringLiteral("from_insee"),     QStringLiteral("from_name"),    QStringLiteral("from_latitude"),
        QStringLiteral("from_longitude"), QStringLiteral("to_insee"),     QStringLiteral("to_name"),
        QStringLiteral("to_latitude"),    QStringLiteral("to_longitude"), QStringLiteral("km"),
        QStringLiteral("minutes")};
    QHash<QString, int> column;
    for (const QString& name : required) {
        const int index = header.indexOf(name);
        if (index < 0)
            throw Error(QStringLiteral("%1, line 1: missing column \"%2\" (columns: %3)")
                            .arg(csvPath, name, header.join(QStringLiteral(", "))));
        column.insert(name, index);
    }
    std::vector<ReferenceTrip> trips;
    int lineNumber = 1;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty()) continue;
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() != header.size())
            throw Error(QStringLiteral("%1, line %2: %3 values for %4 columns")
                            .arg(csvPath)
                            .arg(lineNumber)
                            .arg(cells.size())
                            .arg(header.size()));
        auto number = [&](const QString& name) {
            bool ok = false;
            const double value = cells[column[name]].trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(value))
                throw Error(QStringLiteral("%1, line %2: \"%3\" is not a number in column %4")
                                .arg(csvPath)
                                .arg(lineNumber)
                                .arg(cells[column[name]], name));
            return value;
        };
        ReferenceTrip trip;
        trip.fromCode = cells[column[QStringLiteral("from_insee")]].trimmed();
        trip.fromName = cells[column[QStringLiteral("from_name")]].trimmed();
        trip.from = {number(QStringLiteral("from_longitude")), number(QStringLiteral("from_latitude"))};
        trip.toCode = cells[column[QStringLiteral("to_insee")]].trimmed();
        trip.toName = cells[column[QStringLiteral("to_name")]].trimmed();
        trip.to = {number(QStringLiteral("to_longitude")), number(QStringLiteral("to_latitude"))};
        trip.km = number(QStringLiteral("km"));
        trip.minutes = number(QStringLiteral("minutes"));
        if (!isValidLonLat(trip.from) || !isValidLonLat(trip.to))
            throw Error(QStringLiteral("%1, line %2: coordinates out of range").arg(csvPath).arg(lineNumber));
        trips.push_back(trip);
    }
    if (trips.empty()) throw Error(QStringLiteral("%1 holds no trip").arg(csvPath));
    return trips;
}

NetworkInput retimedNetwork(const NetworkInput& shapeNetwork, const SpeedProfile& profile)
{
    NetworkInput network = shapeNetwork;
    std::vector<double> kmh;
    kmh.reserve(network.edges.size());
    for (NetworkEdge& edge : network.edges) {
        edge.metres = profile.roadMetres(edge.metres);
        kmh.push_back(profile.speedKmh(edge.roadClass));
    }
    timeEdges(network, kmh, profile);
    return network;
}

CalibrationNetwork::CalibrationNetwork(const QString& networkPath, const SpeedProfile& profile,
                                       const LineLayerOptions& options, std::vector<TownAnchor> towns)
    : towns_(std::move(towns))
{
    SpeedProfile unitDetour = profile;
    unitDetour.detourFactor = 1.0;
    shapeNetwork_ = extractLines(networkPath, unitDetour, options);
}

NetworkInput CalibrationNetwork::networkFor(const SpeedProfile& profile) const
{
    NetworkInput network = retimedNetwork(shapeNetwork_, profile);
    addTownConnectors(network, towns_, profile);
    return network;
}

TripCheckSummary CalibrationNetwork::check(const SpeedProfile& profile, const std::vector<ReferenceTrip>& trips) const
{
    const RoadGraph graph(networkFor(profile));
    const Snapper snapper(graph);
    NearestSearch workspace(graph);
    TripCheckSummary summary;
    for (const ReferenceTrip& reference : trips) {
        TripCheck check;
        check.reference = reference;
        const XY from = toLambert93(reference.from);
        const XY to = toLambert93(reference.to);
        check.straightKm = distanceMetres(from, to) / 1000.0;
        const Snap origin = snapWithProfile(snapper, from, profile);
        const Snap destination = snapWithProfile(snapper, to, profile);
        check.fromOffsetMetres = origin.offsetMetres;
        check.toOffsetMetres = destination.offsetMetres;
        if (origin.ok() && destination.ok()) {
            const Trip trip = travelFrom(workspace, origin, {&destination, 1}).front();
            check.reached = trip.reached();
            check.km = trip.km();
            check.minutes = trip.minutes();
        }
        summary.trips.push_back(check);
    }
    summarise(summary);
    return summary;
}

TripCheckSummary summariseTrips(std::vector<TripCheck> trips)
{
    TripCheckSummary summary;
    summary.trips = std::move(trips);
    summarise(summary);
    return summary;
}

SpeedProfile scaledProfile(const SpeedProfile& start, double speedScale, double minorSpeedScale, double lateralAcceleration,
                           double terminalSeconds)
{
    SpeedProfile profile = start;
    for (int c = 0; c < kRoadClassCount; ++c) {
        const bool minor = c >= static_cast<int>(RoadClass::Tertiary);
        profile.classKmh[c] = std::max(5.0, std::round(profile.classKmh[c] * (minor ? minorSpeedScale : speedScale)));
    }
    // A lower class is never faster than a higher one: separate scales would otherwise make
    // tertiary roads faster than secondary ones, which fits a few trips and no road network.
    const RoadClass hierarchy[] = {RoadClass::Motorway,    RoadClass::Trunk,       RoadClass::Primary,
                                   RoadClass::Secondary,   RoadClass::Tertiary,    RoadClass::Unclassified,
                                   RoadClass::Residential, RoadClass::LivingStreet};
    for (std::size_t i = 1; i < std::size(hierarchy); ++i) {
        const double above = profile.classKmh[static_cast<int>(hierarchy[i - 1])];
        double& speed = profile.classKmh[static_cast<int>(hierarchy[i])];
        speed = std::min(speed, above);
    }
    profile.lateralAccelerationMs2 = lateralAcceleration;
    profile.terminalSeconds = terminalSeconds;
    return profile;
}

DetailedCalibrationOutcome calibrateDetailedProfile(const CalibrationNetwork& network, const SpeedProfile& start,
                                                    const std::vector<ReferenceTrip>& trips,
                                                    const DetailedCalibrationGrid& grid)
{
    if (grid.speedScales.empty() || grid.lateralAccelerations.empty() || grid.terminalSeconds.empty())
        throw Error(QStringLiteral("calibration grid: every parameter needs at least one value"));
    DetailedCalibrationOutcome outcome;
    double bestScore = std::numeric_limits<double>::infinity();
    const std::vector<double> builtUpSpeeds =
        grid.builtUpSpeeds.empty() ? std::vector<double>{start.builtUpKmh} : grid.builtUpSpeeds;
    for (const double scale : grid.speedScales) {
        const std::vector<double> minorScales =
            grid.minorSpeedScales.empty() ? std::vector<double>{scale} : grid.minorSpeedScales;
        for (const double minorScale : minorScales) {
            for (const double lateral : grid.lateralAccelerations) {
                for (const double builtUp : builtUpSpeeds) {
                    SpeedProfile candidate = scaledProfile(start, scale, minorScale, lateral, 0.0);
                    candidate.builtUpKmh = builtUp;
                    const TripCheckSummary routed = network.check(candidate, trips);
                    for (const double terminal : grid.terminalSeconds) {
                        std::vector<TripCheck> checks = routed.trips;
                        for (TripCheck& check : checks)
                            if (check.reached) check.minutes += 2.0 * terminal / 60.0;
                        DetailedCalibrationStep step{scale,    minorScale, lateral,
                                                     terminal, builtUp,    summariseTrips(std::move(checks))};
                        if (step.summary.rmsLogMinutesError < bestScore) {
                            bestScore = step.summary.rmsLogMinutesError;
                            outcome.speedScale = scale;
                            outcome.minorSpeedScale = minorScale;
                            outcome.profile = candidate;
                            outcome.profile.terminalSeconds = terminal;
                            outcome.summary = step.summary;
                        }
                        outcome.scan.push_back(std::move(step));
                    }
                }
            }
        }
    }
    return outcome;
}

CalibrationOutcome calibrateProfile(const CalibrationNetwork& network, const SpeedProfile& start,
                                    const std::vector<ReferenceTrip>& trips, const CalibrationGrid& grid)
{
    if (grid.detourFactors.empty() || grid.speedsKmh.empty() || grid.terminalSeconds.empty())
        throw Error(QStringLiteral("calibration grid: every parameter needs at least one value"));
    CalibrationOutcome outcome;
    SpeedProfile candidate = start;

    // Stage 1: the detour factor from distances. Speeds only pick the route here.
    double bestScore = std::numeric_limits<double>::infinity();
    double bestDetour = start.detourFactor;
    for (const double detour : grid.detourFactors) {
        candidate.detourFactor = detour;
        const TripCheckSummary summary = network.check(candidate, trips);
        outcome.detourScan.push_back({detour, start.speedKmh(grid.speedClass), start.terminalSeconds, summary.rmsLogKmError,
                                      summary.medianAbsKmError, summary.maxAbsKmError});
        if (summary.rmsLogKmError < bestScore) {
            bestScore = summary.rmsLogKmError;
            bestDetour = detour;
        }
    }
    candidate.detourFactor = bestDetour;

    // Stage 2: the speed of the class the trips mostly use, and the terminal time, from times.
    const int classIndex = static_cast<int>(grid.speedClass);
    bestScore = std::numeric_limits<double>::infinity();
    SpeedProfile best = candidate;
    for (const double kmh : grid.speedsKmh) {
        for (const double terminal : grid.terminalSeconds) {
            candidate.classKmh[classIndex] = kmh;
            candidate.terminalSeconds = terminal;
            const TripCheckSummary summary = network.check(candidate, trips);
            outcome.speedScan.push_back({bestDetour, kmh, terminal, summary.rmsLogMinutesError,
                                         summary.medianAbsMinutesError, summary.maxAbsMinutesError});
            if (summary.rmsLogMinutesError < bestScore) {
                bestScore = summary.rmsLogMinutesError;
                best = candidate;
            }
        }
    }
    outcome.profile = best;
    outcome.summary = network.check(best, trips);
    return outcome;
}

}  // namespace maillage
