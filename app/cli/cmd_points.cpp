#include "cli_support.h"

#include "geo/territory.h"
#include "store/kinds.h"
#include "store/store.h"

namespace maillage::cli {
namespace {

// Communes whose INSEE code or name matches (case-insensitive name).
QStringList communesMatching(const Territory& territory, const QString& wanted)
{
    QStringList codes;
    for (const Commune& c : territory.communes)
        if (c.insee == wanted || c.name.compare(wanted, Qt::CaseInsensitive) == 0) codes << c.insee;
    if (codes.isEmpty()) throw Error(QStringLiteral("no commune \"%1\" in the territory").arg(wanted));
    return codes;
}

// Communes of the EPCI whose SIREN matches or whose name contains the text.
QStringList communesOfEpci(const Territory& territory, const QString& wanted)
{
    QStringList sirens;
    for (const Epci& e : territory.epcis)
        if (e.siren == wanted || e.name.contains(wanted, Qt::CaseInsensitive)) sirens << e.siren;
    if (sirens.isEmpty()) throw Error(QStringLiteral("no EPCI \"%1\" in the territory").arg(wanted));
    QStringList codes;
    for (const Commune& c : territory.communes)
        if (sirens.contains(c.epciSiren)) codes << c.insee;
    return codes;
}

PointFilter filterFrom(const QCommandLineParser& parser, const Territory& territory)
{
    PointFilter filter;
    if (auto level = intOption(parser, QStringLiteral("level"), 1, 3)) filter.level = levelFromInt(*level);
    if (parser.isSet(QStringLiteral("kind"))) {
        const QString kind = parser.value(QStringLiteral("kind"));
        if (!findKind(kind)) throw UsageError(QStringLiteral("unknown kind \"%1\"").arg(kind));
        filter.kind = kind;
    }
    if (parser.isSet(QStringLiteral("status"))) {
        filter.status = statusFromCode(parser.value(QStringLiteral("status")));
        if (!filter.status) throw UsageError(QStringLiteral("--status must be existing, planned or closed"));
    }
    if (parser.isSet(QStringLiteral("commune")))
        filter.communeInsee = communesMatching(territory, parser.value(QStringLiteral("commune")));
    if (parser.isSet(QStringLiteral("epci")))
        filter.communeInsee = communesOfEpci(territory, parser.value(QStringLiteral("epci")));
    if (parser.isSet(QStringLiteral("outside"))) filter.outsideTerritory = true;
    if (parser.isSet(QStringLiteral("inside"))) filter.outsideTerritory = false;
    return filter;
}

}  // namespace

void describePoints(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral("List the accueil points of a project."));
    parser.addOption(projectOption());
    parser.addOptions({
        levelOption(QStringLiteral("Only this level (1, 2 or 3).")),
        kindOption(QStringLiteral("Only this kind (e.g. mairie, france_services).")),
        {QStringLiteral("status"), QStringLiteral("Only this status: existing, planned, closed."), QStringLiteral("status")},
        {QStringLiteral("commune"), QStringLiteral("Only in this commune (INSEE code or name)."), QStringLiteral("commune")},
        {QStringLiteral("epci"), QStringLiteral("Only in this EPCI (SIREN or part of its name)."), QStringLiteral("epci")},
        {QStringLiteral("inside"), QStringLiteral("Only points inside the territory.")},
        {QStringLiteral("outside"), QStringLiteral("Only points outside the territory.")},
        {QStringLiteral("csv"), QStringLiteral("Write CSV instead of a table.")},
    });
}

int runPoints(const QCommandLineParser& parser)
{
    Store store = openProject(parser);
    const Territory territory = loadProjectTerritory(store);
    const std::vector<AccueilPoint> points = store.points(filterFrom(parser, territory));

    TextTable table({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("level"), QStringLiteral("kind"),
                     QStringLiteral("status"), QStringLiteral("commune"), QStringLiteral("epci"),
                     QStringLiteral("longitude"), QStringLiteral("latitude"), QStringLiteral("hours/week"),
                     QStringLiteral("source"), QStringLiteral("serves by visio")});
    for (const AccueilPoint& p : points) {
        const Commune* commune = territory.commune(p.communeInsee);
        const Epci* epci = commune ? territory.epci(commune->epciSiren) : nullptr;
        table.addRow(
            {QString::number(p.id), p.name, QString::number(static_cast<int>(p.level)), p.kind, statusCode(p.status),
             commune ? commune->name : (p.outsideTerritory ? QStringLiteral("(outside) ") + p.communeInsee : p.communeInsee),
             epci ? epci->name : QString(), QString::number(p.wgs84.lon, 'f', 6), QString::number(p.wgs84.lat, 'f', 6),
             p.weeklyHours ? QString::number(*p.weeklyHours, 'f', 1) : QString(), p.source, servesText(p.serves)});
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        table.printCsv(out());
    } else {
        table.print(out());
        out() << points.size() << " points\n" << Qt::flush;
    }
    return 0;
}

}  // namespace maillage::cli
