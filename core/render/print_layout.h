#pragma once

#include "geo/territory.h"
#include "network/network_input.h"
#include "store/accueil_point.h"

#include <QCoreApplication>
#include <QDate>
#include <QImage>
#include <QPageLayout>
#include <QPainterPath>
#include <QString>

#include <memory>
#include <set>
#include <vector>

class QPainter;

namespace maillage {
class CoverageGrid;
struct CoverageResult;
struct ScenarioComparison;
}  // namespace maillage

namespace maillage::render {

enum class PaperSize { A4, A3 };

// A layer's state in the application, by layer id (see the ids of render/*_layer.h).
struct LayerState {
    QString id;
    bool visible = true;
    double opacity = 1.0;
};

struct PrintOptions {
    PaperSize paper = PaperSize::A4;
    bool landscape = false;
    // A cover page for the whole territory, then one page per EPCI zoomed to it.
    bool atlas = false;
    QDate date = QDate::currentDate();
    QString title;  // of the territory page; empty: made from the territory, level and threshold
    // The layers as the application shows them, bottom first: visibility, opacity and order.
    // Layers it does not name keep their default; empty: the defaults (defaultLayerStates).
    std::vector<LayerState> layers;
    // Levels of the accueil points drawn; empty: the coverage level and the levels above it.
    std::set<int> pointLevels;
    // At most this many communes in an EPCI page's table (those with the most people beyond).
    int communeRows = 14;
};

// What is printed. Everything pointed to must outlive the layout.
struct PrintContent {
    const Territory* territory = nullptr;
    std::shared_ptr<const NetworkInput> roads;  // may be null: no road layer
    std::vector<AccueilPoint> points;           // the scenario's points, every level
    const CoverageGrid* grid = nullptr;
    const CoverageResult* coverage = nullptr;  // level, threshold, surface, population
    QString scenario;                          // shown in the subtitle; kBaselineScenario or a plan
    QPainterPath closedRoads;                  // the plan's closed roads (map coordinates), drawn over the roads
    // The sites suggested for the scenario shown, as the application rings them (with their
    // rank); empty: none drawn.
    struct SuggestedSite {
        XY position;
        int rank = 0;
        bool chosen = true;  // unchecked ones are drawn grey, as on screen
    };
    std::vector<SuggestedSite> suggestedSites;
    QString credits;  // the sources paragraph (creditText)
    // Optional: a comparison page, `coverage` against `reference` (same grid, level and
    // threshold), e.g. a plan against the baseline; `comparison` = compareCoverage(reference,
    // coverage) for the figures.
    const CoverageResult* reference = nullptr;
    const ScenarioComparison* comparison = nullptr;
    QString referenceName;
};

// The layer stack a printed map draws, bottom first, with the application's defaults.
std::vector<LayerState> defaultLayerStates();

// The points a layout draws: those of PrintOptions::pointLevels, by default the coverage
// level and the levels above it (e.g. for the credits of their sources).
std::vector<AccueilPoint> printedPoints(const std::vector<AccueilPoint>& points, const PrintOptions& options,
                                        int coverageLevel);

// A print layout in the manner of a cartographer's: title and subtitle, the map in a frame
// with a scale bar, a north arrow and (for an EPCI) an inset locating it in the territory,
// the legend of what the frame shows, a statistics table, the sources and the program.
// Pages: the territory; the comparison when asked; one page per EPCI in an atlas. The same
// code paints a PDF (vector: text, lines and areas stay sharp and searchable) and the
// preview images of the application.
// Pages are painted on a device of kDotsPerInch (QPdfWriter set to it): the map layers'
// widths and symbols are in those nominal pixels, as on screen.
class PrintLayout {
    Q_DECLARE_TR_FUNCTIONS(PrintLayout)
public:
    static constexpr int kDotsPerInch = 96;

    // Prepares the layers (the coverage as polygons: takes a fraction of a second on a
    // département). Throws Error when the content lacks the territory or the coverage.
    PrintLayout(const PrintContent& content, const PrintOptions& options);
    ~PrintLayout();
    Q_DISABLE_COPY(PrintLayout)

    int pageCount() const;
    QString pageName(int page) const;  // "Alpes-de-Haute-Provence", "Comparaison", an EPCI name
    QPageLayout pageLayout() const;
    QSizeF pageSizePixels() const;  // at kDotsPerInch

    // The ids of the layers of the territory's map, bottom first, as they are drawn.
    std::vector<QString> mapLayerIds() const;

    void paintPage(QPainter& painter, int page) const;
    // A page as an image `scale` times kDotsPerInch, for a preview.
    QImage pageImage(int page, double scale = 1.0) const;
    // Writes every page; throws Error naming the file when it cannot be written.
    void writePdf(const QString& path) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace maillage::render
