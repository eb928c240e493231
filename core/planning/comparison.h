#pragma once

#include "coverage/gap_zones.h"
#include "coverage/population.h"

#include <QString>

#include <vector>

namespace maillage {

class CoverageContext;
struct CoverageResult;

// One scenario's figures for an area (EPCI or département), from its PopulationCoverage.
struct AreaFigures {
    double beyondSpread = 0.0;      // people beyond, spread over the inhabited cells (method b)
    double beyondAtTownHall = 0.0;  // people beyond, counted at the town hall (method a)
    double areaBeyondKm2 = 0.0;
    int communesTownHallBeyond = 0;
};

struct AreaComparison {
    QString code;  // EPCI SIREN or département code
    QString name;
    qint64 population = 0;
    AreaFigures a;
    AreaFigures b;
    // Positive: fewer people beyond in B than in A.
    double gainSpread() const { return a.beyondSpread - b.beyondSpread; }
    double gainAtTownHall() const { return a.beyondAtTownHall - b.beyondAtTownHall; }
};

struct CommuneComparison : CommuneIdentity {
    // Its figures in scenario A and in B, each as the CommuneCoverage field of the same name.
    float townHallMinutesA = 0.0f;
    float townHallMinutesB = 0.0f;
    bool townHallBeyondA = false;
    bool townHallBeyondB = false;
    double beyondSpreadA = 0.0;
    double beyondSpreadB = 0.0;
    double beyondAtTownHallA = 0.0;
    double beyondAtTownHallB = 0.0;
    int cellsBeyondA = 0;
    int cellsBeyondB = 0;
    bool changed() const;  // any of the figures above differs
};

// A piece of the difference layer: grid cells that change side of the threshold between A and
// B, as 4-connected zones cut and clipped by commune (the same shaping as gap zones).
enum class CoverageChange {
    Covered,    // beyond the threshold in A, within it in B
    Uncovered,  // within in A, beyond in B (a point closed, a road closed)
};
QString coverageChangeCode(CoverageChange change);  // "covered", "uncovered"

// A piece of the difference layer; its zone number counts within its kind of change.
struct ChangeZone : ZonePiece {
    CoverageChange change = CoverageChange::Covered;
    double people = 0.0;  // people on its cells (population spread over the inhabited cells)
};

struct ScenarioComparison {
    QString nameA;
    QString nameB;
    int level = 2;
    double thresholdMinutes = 0.0;
    AreaComparison departement;
    std::vector<AreaComparison> epcis;        // Territory::epcis order (as PopulationCoverage)
    std::vector<CommuneComparison> communes;  // Territory::communes order
    std::vector<ChangeZone> changes;          // covered zones first, then uncovered
    // Totals of the difference layer, from its cells (so that coveredKm2 - uncoveredKm2 is
    // exactly the change of the area beyond; the pieces' own areas are of clipped polygons).
    double coveredKm2 = 0.0;
    double uncoveredKm2 = 0.0;
    double peopleCovered = 0.0;
    double peopleUncovered = 0.0;
    int cellsCovered = 0;
    int cellsUncovered = 0;
};

struct ComparisonOptions {
    bool changeZones = true;     // shape the difference layer (polygons); off: only the figures
    bool clipToCommunes = true;  // as GapZoneOptions::clipToCommunes
    int threads = 1;
};

// Compares two coverages of the same territory, grid, level and threshold (Error otherwise).
// `context` gives the territory, grid and population placement (the demand side, which
// scenarios share; see ScenarioCoverageRunner).
ScenarioComparison compareCoverage(const CoverageContext& context, const CoverageResult& a, const CoverageResult& b,
                                   const QString& nameA, const QString& nameB, const ComparisonOptions& options = {});

}  // namespace maillage
