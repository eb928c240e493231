#pragma once

#include "geo/types.h"

#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class OGRGeometry;

namespace maillage {

// Where people are, as a source gives them, before they are put on the project's grid, in
// Lambert-93: squares or pixels (reprojected corner by corner, so a little rotated),
// other polygons, and points. Each carries a number of people or, for buildings, a weight
// (only the proportions inside a commune matter: every method is rescaled per commune).
struct PopulationPieces {
    std::vector<std::array<XY, 4>> quads;  // convex quadrilaterals, corners in order around them
    std::vector<double> quadValues;
    std::vector<std::shared_ptr<const OGRGeometry>> polygons;  // any other (multi)polygon
    std::vector<double> polygonValues;
    std::vector<XY> points;
    std::vector<double> pointValues;

    int imputed = 0;       // squares INSEE flags as imputed (statistical secrecy)
    int skipped = 0;       // features left out (outside the area, empty, below a threshold, not residential)
    QString description;   // one line for summaries, e.g. "INSEE 200 m squares: 10,610, 146,958.5 people"
    QStringList warnings;  // one line each, naming the file and feature

    double total() const;
    std::size_t size() const { return quads.size() + polygons.size() + points.size(); }
};

// Options for a gridded-population source.
struct PopulationGridOptions {
    QString layer;           // vector layer (default: the first)
    QString valueField;      // people field (default: ind, ind_c for INSEE 2010, else population/pop)
    QString rectanglesPath;  // INSEE 2010: the rectangles file (rect_*.dbf/csv) of the squares file
    // Only what falls in this Lambert-93 box is read (a national file holds millions of squares).
    std::optional<BBox> area;
};

// Reads gridded population, recognising the format:
// - INSEE squares, as INSEE publishes them, CSV or any OGR format (GeoPackage, shapefile/dBase):
//   a square id `CRS3035RES200mN{y}E{x}` or `CRS3035RES1000mN{y}E{x}` (south-west corner in
//   EPSG:3035) in `idcar_200m`, `idcar_1km` or `idINSPIRE`, people in `ind` (Filosofi) or
//   `ind_c` (2010), imputed flag `i_est_200`/`i_est_1km`/`i_est_cr`; field names in any case.
//   The 2010 squares file points to its rectangle with `idk`; with `rectanglesPath`, a square
//   without its own count gets its rectangle's `ind_r` shared over the rectangle's `nbcar`
//   squares, and squares of rectangles of several squares count as imputed.
// - any raster GDAL reads with people per pixel in band 1 (GHSL, WorldPop), in any CRS;
// - any OGR point or polygon layer with a population field, in any CRS.
// Throws Error with a one-line message naming the file (and the feature or field) on bad input.
PopulationPieces readPopulationGrid(const QString& path, const PopulationGridOptions& options = {});

// Options for buildings (dasymetric placement).
struct BuildingOptions {
    QString layer;
    // Footprints smaller than this are sheds, garages and tile-cut slivers: no one lives there.
    double minimumAreaM2 = kDefaultMinimumBuildingAreaM2;
    std::optional<BBox> area;
    static constexpr double kDefaultMinimumBuildingAreaM2 = 20.0;
};

// Reads buildings, points or polygons, any OGR format and CRS. Weight = footprint area ×
// levels: area from `area_m2`/`surface` when present (points), else the polygon's own area;
// levels from `levels`, `building:levels` or `nombre_d_etages` (BD TOPO), 1 when unknown.
// Buildings an OSM `building` or BD TOPO `usage_1` field says are not dwellings (industrial,
// commercial, agricultural, religious…) are left out.
PopulationPieces readBuildings(const QString& path, const BuildingOptions& options = {});

// Parses an INSEE square id: south-west corner (EPSG:3035) and size in metres.
struct InseeSquare {
    double east = 0.0;
    double north = 0.0;
    double size = 0.0;
};
std::optional<InseeSquare> parseInseeSquareId(const QString& id);

}  // namespace maillage
