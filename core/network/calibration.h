#pragma once

#include "geo/types.h"
#include "network/extract_lines.h"
#include "network/network_input.h"
#include "network/speed_profile.h"
#include "network/town_connectors.h"

#include <QString>

#include <vector>

namespace maillage {

// A published driving distance and time between two places (e.g. town halls).
struct ReferenceTrip {
    QString fromCode, fromName;
    LonLat from;
    QString toCode, toName;
    LonLat to;
    double km = 0.0;       // 0 when not known
    double minutes = 0.0;  // 0 when not known
};

// Reads reference trips from a CSV file with the columns of lot-46/calibration.csv:
// from_insee, from_name, from_latitude, from_longitude, to_insee, to_name, to_latitude,
// to_longitude, km, minutes (comma-separated, header first, in any order).
// Throws Error naming the file and the line at fault.
std::vector<ReferenceTrip> readReferenceTrips(const QString& csvPath);

// One reference trip computed on the network with a profile.
struct TripCheck {
    ReferenceTrip reference;
    bool reached = false;
    double km = 0.0;                // along the fastest path, access legs included
    double minutes = 0.0;           // terminal times included
    double straightKm = 0.0;        // as the crow flies, town hall to town hall
    double fromOffsetMetres = 0.0;  // distance from each place to the road it joins
    double toOffsetMetres = 0.0;

    // Relative errors (computed / published - 1); 0 when the reference value is unknown.
    double kmError() const { return reference.km > 0 && reached ? km / reference.km - 1.0 : 0.0; }
    double minutesError() const { return reference.minutes > 0 && reached ? minutes / reference.minutes - 1.0 : 0.0; }
};

// The errors of a set of trips, over the reached trips whose reference value is known. The
// errors are relative (|computed / published - 1|, 0.1 = 10 %); one unreached trip makes the
// maxima and the RMS infinite, so that it never wins a search.
struct TripCheckSummary {
    std::vector<TripCheck> trips;
    int unreached = 0;                   // trips with no path on the network
    double medianAbsMinutesError = 0.0;  // relative time error, median over the trips
    double maxAbsMinutesError = 0.0;     // relative time error, worst trip
    double medianAbsKmError = 0.0;       // relative distance error, median over the trips
    double maxAbsKmError = 0.0;          // relative distance error, worst trip
    double rmsLogMinutesError = 0.0;     // root mean square of ln(computed / published)
    double rmsLogKmError = 0.0;          // the same for the distances
};

// Applies a profile's detour factor, class speeds and bend limit to a network extracted with
// a detour of 1 (so that edge metres are shape metres) and speeds from classes only.
NetworkInput retimedNetwork(const NetworkInput& shapeNetwork, const SpeedProfile& profile);

// A network read once for calibration: candidate profiles only re-time its edges, so that a
// grid search of hundreds of profiles takes seconds. Candidates must keep the start profile's
// class_from_ref rules (classes are fixed at extraction); maxspeed and speed fields are not
// used (generalised networks have neither).
class CalibrationNetwork {
public:
    // `towns`: town halls to link with town connectors when the profile asks for them (as the
    // product does for coarse networks); empty: none.
    CalibrationNetwork(const QString& networkPath, const SpeedProfile& profile, const LineLayerOptions& options = {},
                       std::vector<TownAnchor> towns = {});

    // Each place joins its nearest road (snapping as the product does, terminal time included).
    TripCheckSummary check(const SpeedProfile& profile, const std::vector<ReferenceTrip>& trips) const;
    const NetworkInput& shapeNetwork() const { return shapeNetwork_; }

    // The network as the profile makes it: re-timed, with its town connectors.
    NetworkInput networkFor(const SpeedProfile& profile) const;

private:
    NetworkInput shapeNetwork_;
    std::vector<TownAnchor> towns_;
};

// The few parameters a calibration fits; everything else stays at the start profile's
// (physically chosen) values.
struct CalibrationGrid {
    std::vector<double> detourFactors;  // stage 1, from published distances
    RoadClass speedClass = RoadClass::Secondary;
    std::vector<double> speedsKmh;        // stage 2, from published times, with...
    std::vector<double> terminalSeconds;  // ...the terminal time at each end
};

struct CalibrationStep {
    double detour = 0.0;
    double kmh = 0.0;
    double terminalSeconds = 0.0;
    double score = 0.0;  // RMS log error minimised at this stage (km, then minutes)
    double medianAbsError = 0.0;
    double maxAbsError = 0.0;
};

struct CalibrationOutcome {
    SpeedProfile profile;                     // the start profile with the fitted values
    TripCheckSummary summary;                 // of that profile
    std::vector<CalibrationStep> detourScan;  // stage 1: one step per detour factor
    std::vector<CalibrationStep> speedScan;   // stage 2: one step per (speed, terminal time)
};

// Calibration of a profile for detailed networks (OpenStreetMap), where the geometry is
// right (detour 1) and the times are not: one scale on all class speeds, the lateral
// acceleration that bends allow (0: no bend limit) and the terminal time at each end.
struct DetailedCalibrationGrid {
    std::vector<double> speedScales;  // × every class speed of the start profile
    // × the speeds of the minor classes (tertiary and below) instead; empty: the same scale as
    // the main roads.
    std::vector<double> minorSpeedScales;
    std::vector<double> lateralAccelerations;  // m/s²; 0 = bends ignored
    std::vector<double> terminalSeconds;
    // Speeds in built-up areas (SpeedProfile::builtUpKmh, km/h; 0 = none); empty: the start
    // profile's.
    std::vector<double> builtUpSpeeds;
};

// One point of the DetailedCalibrationGrid and how the profile made from it does.
struct DetailedCalibrationStep {
    double speedScale = 1.0;           // × every class speed of the start profile
    double minorSpeedScale = 1.0;      // × the speeds of the minor classes (tertiary and below)
    double lateralAcceleration = 0.0;  // m/s²; 0 = bends ignored
    double terminalSeconds = 0.0;      // added at each end of a trip, seconds
    double builtUpKmh = 0.0;           // speed limit in built-up areas, km/h; 0 = none
    TripCheckSummary summary;
};

struct DetailedCalibrationOutcome {
    SpeedProfile profile;  // the start profile with the fitted values (speeds rounded to 1 km/h)
    TripCheckSummary summary;
    double speedScale = 1.0;
    double minorSpeedScale = 1.0;
    std::vector<DetailedCalibrationStep> scan;  // every grid point
};

// The start profile with the speeds of motorways to secondary roads (and their links) ×
// speedScale, those of tertiary roads and below × minorSpeedScale (rounded to 1 km/h), the
// lateral acceleration and the terminal time given. Speeds are then capped down the hierarchy
// motorway ≥ trunk ≥ primary ≥ secondary ≥ tertiary ≥ unclassified ≥ residential ≥ living street.
SpeedProfile scaledProfile(const SpeedProfile& start, double speedScale, double minorSpeedScale, double lateralAcceleration,
                           double terminalSeconds);

// Grid search minimising the RMS log error of the minutes. The terminal time does not change
// routes, so each (scale, acceleration) is routed once and the terminal times are added.
DetailedCalibrationOutcome calibrateDetailedProfile(const CalibrationNetwork& network, const SpeedProfile& start,
                                                    const std::vector<ReferenceTrip>& trips,
                                                    const DetailedCalibrationGrid& grid);

// Medians, worst and RMS log errors of checked trips.
TripCheckSummary summariseTrips(std::vector<TripCheck> trips);

// Two-stage grid search: (1) the detour factor that best matches the published distances
// (with the start speeds, which only choose the route); (2) with that detour, the speed of
// `speedClass` and the terminal time that best match the published times. Each stage
// minimises the root mean square of log errors (every pair counts, no single pair rules).
CalibrationOutcome calibrateProfile(const CalibrationNetwork& network, const SpeedProfile& start,
                                    const std::vector<ReferenceTrip>& trips, const CalibrationGrid& grid);

}  // namespace maillage
