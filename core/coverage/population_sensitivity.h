#pragma once

#include "coverage/population.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace maillage {

// How much the population beyond the threshold depends on the assumptions: one column per
// population method the project can compute and per road-speed variant (±10 %), one row per
// EPCI, the département, and every commune that is beyond under at least one assumption.
// A commune beyond under every assumption is "beyond"; under some only, "borderline".
struct SensitivityColumn {
    QString key;    // "grid", "buildings", "spread", "town-halls", "speeds-10", "speeds+10"
    QString label;  // for tables, e.g. "grid (INSEE squares)", "roads −10 % (grid)"
};

struct SensitivityRow {
    enum class Kind { Epci, Departement, Commune };
    Kind kind = Kind::Epci;
    QString code;  // EPCI SIREN, département or commune INSEE code
    QString name;
    QString epciSiren;  // communes
    qint64 population = 0;
    std::vector<double> beyond;  // per column
    double low() const;
    double high() const;
    // Communes: "beyond" (more than half a person beyond under every assumption),
    // "borderline" (under some) — EPCI and département rows say nothing.
    QString verdict() const;
};

class PopulationSensitivity {
public:
    // Adds a column: the people beyond under `method` in `coverage` (same territory for every column).
    void addColumn(const QString& key, const QString& label, const PopulationCoverage& coverage, PopulationMethod method);

    const std::vector<SensitivityColumn>& columns() const { return columns_; }
    // EPCI rows, the département, then the communes beyond under some assumption (most first).
    std::vector<SensitivityRow> rows() const;

    // As a result table: header then rows (numbers with one decimal), for the project store,
    // the result GeoPackage and CSV.
    QStringList header() const;
    std::vector<QStringList> tableRows() const;

private:
    std::vector<SensitivityColumn> columns_;
    std::vector<SensitivityRow> areas_;     // EPCIs then département
    std::vector<SensitivityRow> communes_;  // every commune
};

// Name of the sensitivity table in the project store and the result GeoPackage.
inline const QString kSensitivityTable = QStringLiteral("population_sensitivity");

}  // namespace maillage
