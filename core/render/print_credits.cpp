#include "render/print_credits.h"

#include <QCoreApplication>

#include <set>

namespace maillage::render {
namespace {

class PrintCredits {
    Q_DECLARE_TR_FUNCTIONS(PrintCredits)
};

}  // namespace

QString defaultPointSourceCredit(const QString& tag)
{
    if (tag == QLatin1String("anct-france-services")) return PrintCredits::tr("ANCT, liste des France services");
    if (tag == QLatin1String("laposte")) return PrintCredits::tr("La Poste, points de contact du réseau postal");
    if (tag == QLatin1String("mairies")) return PrintCredits::tr("annuaire des mairies (data.gouv.fr)");
    return tag;
}

QString populationMethodText(PopulationMethod method)
{
    switch (method) {
    case PopulationMethod::Grid:
        return PrintCredits::tr("population placée selon les carreaux INSEE (Filosofi), ramenée aux populations légales");
    case PopulationMethod::Buildings:
        return PrintCredits::tr(
            "population placée sur les bâtiments d'habitation (surface × niveaux), ramenée aux "
            "populations légales");
    case PopulationMethod::Spread:
        return PrintCredits::tr(
            "population de chaque commune répartie également sur ses parties habitables proches d'une route");
    case PopulationMethod::TownHalls: return PrintCredits::tr("population de chaque commune comptée à sa mairie");
    }
    return QString();
}

QString creditText(const ProjectSources& sources, std::span<const AccueilPoint> shownPoints)
{
    QStringList parts;
    parts << PrintCredits::tr("limites administratives : %1")
                 .arg(sources.boundaries.isEmpty() ? PrintCredits::tr("IGN, ADMIN EXPRESS") : sources.boundaries);
    parts << PrintCredits::tr("population : %1")
                 .arg(sources.population.isEmpty() ? PrintCredits::tr("INSEE, populations légales") : sources.population);
    // The points' sources in a stable order; points entered by hand have no source, and
    // planned points are the planner's, not a publisher's.
    std::set<QString> tags;
    for (const AccueilPoint& point : shownPoints)
        if (!point.source.isEmpty() && point.status != PointStatus::Planned) tags.insert(point.source);
    QStringList points;
    for (const QString& tag : tags) {
        const auto it = sources.points.find(tag);
        points << (it != sources.points.end() ? it->second : defaultPointSourceCredit(tag));
    }
    if (!points.isEmpty()) parts << PrintCredits::tr("lieux d'accueil : %1").arg(points.join(QStringLiteral(", ")));
    if (!sources.roads.isEmpty()) {
        // OpenStreetMap data asks for this exact attribution (ODbL).
        const QString roads = sources.roads.compare(QLatin1String("OpenStreetMap"), Qt::CaseInsensitive) == 0
                                  ? PrintCredits::tr("© les contributeurs d'OpenStreetMap (ODbL)")
                                  : sources.roads;
        parts << PrintCredits::tr("réseau routier : %1").arg(roads);
    }
    return PrintCredits::tr("Sources : %1.").arg(parts.join(QStringLiteral(" ; ")));
}

}  // namespace maillage::render
