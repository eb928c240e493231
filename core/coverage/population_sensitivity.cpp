#include "coverage/population_sensitivity.h"

#include "common/error.h"

#include <algorithm>

namespace maillage {

namespace {
constexpr double kHalfPerson = 0.5;  // below, a commune has no one beyond (cells share people fractionally)
}

double SensitivityRow::low() const { return beyond.empty() ? 0.0 : *std::min_element(beyond.begin(), beyond.end()); }
double SensitivityRow::high() const { return beyond.empty() ? 0.0 : *std::max_element(beyond.begin(), beyond.end()); }

QString SensitivityRow::verdict() const
{
    if (kind != Kind::Commune) return QString();
    if (low() >= kHalfPerson) return QStringLiteral("beyond");
    if (high() >= kHalfPerson) return QStringLiteral("borderline");
    return QStringLiteral("covered");
}

void PopulationSensitivity::addColumn(const QString& key, const QString& label, const PopulationCoverage& coverage,
                                      PopulationMethod method)
{
    const bool first = columns_.empty();
    if (!first && (coverage.communes.size() != communes_.size() || coverage.epcis.size() + 1 != areas_.size()))
        throw Error(QStringLiteral("sensitivity column %1 is not for the same territory").arg(key));
    columns_.push_back({key, label});
    const auto fill = [&](SensitivityRow& row, double beyond) { row.beyond.push_back(beyond); };
    if (first) {
        for (const AreaCoverage& epci : coverage.epcis)
            areas_.push_back({SensitivityRow::Kind::Epci, epci.code, epci.name, QString(), epci.population, {}});
        const AreaCoverage& d = coverage.departement;
        areas_.push_back({SensitivityRow::Kind::Departement,
                          d.code,
                          QStringLiteral("Département %1").arg(d.code),
                          QString(),
                          d.population,
                          {}});
        for (const CommuneCoverage& c : coverage.communes)
            communes_.push_back({SensitivityRow::Kind::Commune, c.insee, c.name, c.epciSiren, c.population, {}});
    }
    for (std::size_t e = 0; e < coverage.epcis.size(); ++e) fill(areas_[e], beyondBy(coverage.epcis[e], method));
    fill(areas_.back(), beyondBy(coverage.departement, method));
    for (std::size_t c = 0; c < coverage.communes.size(); ++c) fill(communes_[c], beyondBy(coverage.communes[c], method));
}

std::vector<SensitivityRow> PopulationSensitivity::rows() const
{
    std::vector<SensitivityRow> rows = areas_;
    std::vector<SensitivityRow> communes;
    for (const SensitivityRow& c : communes_)
        if (c.high() >= kHalfPerson) communes.push_back(c);
    std::stable_sort(communes.begin(), communes.end(), [](const SensitivityRow& a, const SensitivityRow& b) {
        const bool aSure = a.verdict() == QStringLiteral("beyond"), bSure = b.verdict() == QStringLiteral("beyond");
        if (aSure != bSure) return aSure;
        return a.high() > b.high();
    });
    rows.insert(rows.end(), communes.begin(), communes.end());
    return rows;
}

QStringList PopulationSensitivity::header() const
{
    QStringList header{QStringLiteral("kind"), QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("population")};
    for (const SensitivityColumn& column : columns_) header << QStringLiteral("beyond_") + column.key;
    header << QStringLiteral("low") << QStringLiteral("high") << QStringLiteral("verdict");
    return header;
}

std::vector<QStringList> PopulationSensitivity::tableRows() const
{
    std::vector<QStringList> table;
    for (const SensitivityRow& row : rows()) {
        QStringList cells{row.kind == SensitivityRow::Kind::Epci          ? QStringLiteral("epci")
                          : row.kind == SensitivityRow::Kind::Departement ? QStringLiteral("departement")
                                                                          : QStringLiteral("commune"),
                          row.code, row.name, QString::number(row.population)};
        for (double b : row.beyond) cells << QString::number(b, 'f', 1);
        cells << QString::number(row.low(), 'f', 1) << QString::number(row.high(), 'f', 1) << row.verdict();
        table.push_back(cells);
    }
    return table;
}

}  // namespace maillage
