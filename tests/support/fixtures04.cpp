#include "support/fixtures04.h"

#include "importers/point_importers.h"
#include "io/territory_loader.h"
#include "support/test_data.h"

#include <ogr_geometry.h>

namespace maillage::test {

Territory territory04()
{
    TerritorySources sources;
    sources.communes = {sharedData("04/limites-04.gpkg"), QStringLiteral("commune")};
    sources.epcis = LayerSource{sharedData("04/limites-04.gpkg"), QStringLiteral("epci")};
    return loadTerritory(sources);
}

std::vector<AccueilPoint> townHallsAndFranceServices04()
{
    std::vector<AccueilPoint> points = readMairiesCsv(sharedData("04/mairies-04.csv")).points;
    const auto franceServices = readFranceServicesCsv(sharedData("04/france-services-2024.csv")).points;
    points.insert(points.end(), franceServices.begin(), franceServices.end());
    for (std::size_t i = 0; i < points.size(); ++i) points[i].id = qint64(i + 1);
    return points;
}

SharedGeometry rectangle(double minX, double minY, double maxX, double maxY)
{
    auto ring = std::make_unique<OGRLinearRing>();
    ring->addPoint(minX, minY);
    ring->addPoint(maxX, minY);
    ring->addPoint(maxX, maxY);
    ring->addPoint(minX, maxY);
    ring->closeRings();
    auto polygon = std::make_shared<OGRPolygon>();
    polygon->addRingDirectly(ring.release());
    return polygon;
}

}  // namespace maillage::test
