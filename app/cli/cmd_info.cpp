#include "cli_support.h"

#include "geo/territory.h"
#include "store/kinds.h"
#include "store/store.h"

#include <array>
#include <map>

namespace maillage::cli {
namespace {

void printTerritory(const Territory& territory)
{
    out() << "Territory: " << territory.communes.size() << " communes, " << territory.epcis.size() << " EPCI, population "
          << groupThousands(territory.population()) << "\n\n";
}

// Points inside the territory per level and kind; those outside are counted apart because
// they serve the territory from across its border but are not part of its network.
void printPointsByKind(const std::vector<AccueilPoint>& points)
{
    TextTable table({QStringLiteral("level"), QStringLiteral("kind"), QStringLiteral("inside"), QStringLiteral("outside")});
    std::map<std::pair<int, QString>, std::pair<int, int>> counts;
    int inside = 0, outside = 0;
    for (const AccueilPoint& p : points) {
        auto& count = counts[{static_cast<int>(p.level), p.kind}];
        (p.outsideTerritory ? count.second : count.first)++;
        (p.outsideTerritory ? outside : inside)++;
    }
    for (const auto& [key, count] : counts) {
        const KindInfo* kind = findKind(key.second);
        table.addRow({QString::number(key.first), kind ? kind->labelFr : key.second, QString::number(count.first),
                      QString::number(count.second)});
    }
    table.addRow({QString(), QStringLiteral("total"), QString::number(inside), QString::number(outside)});
    out() << "Accueil points by level and kind:\n";
    table.print(out());
    out() << '\n';
}

void printEpcis(const Territory& territory, const std::vector<AccueilPoint>& points)
{
    std::map<QString, std::array<int, 3>> perEpci;  // SIREN -> points of level 1, 2, 3
    for (const AccueilPoint& p : points) {
        if (p.outsideTerritory) continue;
        const Commune* commune = territory.commune(p.communeInsee);
        if (commune) perEpci[commune->epciSiren][static_cast<int>(p.level) - 1]++;
    }
    TextTable table({QStringLiteral("EPCI"), QStringLiteral("SIREN"), QStringLiteral("communes"),
                     QStringLiteral("population"), QStringLiteral("level 1"), QStringLiteral("level 2"),
                     QStringLiteral("level 3")});
    for (const Epci& e : territory.epcis) {
        const auto counts = perEpci[e.siren];
        table.addRow({e.name, e.siren, QString::number(e.communeCount), groupThousands(e.population),
                      QString::number(counts[0]), QString::number(counts[1]), QString::number(counts[2])});
    }
    out() << "Per EPCI (points inside the territory):\n";
    table.print(out());
}

}  // namespace

void describeInfo(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Summarise a project: communes, EPCI, population, accueil points per level and kind and per EPCI."));
    parser.addOption(projectOption());
}

int runInfo(const QCommandLineParser& parser)
{
    Store store = openProject(parser);
    const Territory territory = loadProjectTerritory(store);
    const std::vector<AccueilPoint> points = store.points();
    out() << "Project " << store.path() << " (schema version " << store.schemaVersion() << ")\n";
    printTerritory(territory);
    printPointsByKind(points);
    printEpcis(territory, points);
    out().flush();
    return 0;
}

}  // namespace maillage::cli
