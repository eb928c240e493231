#include "identify_panel.h"

#include "coverage_controller.h"
#include "labels.h"
#include "map/map_canvas.h"
#include "project.h"
#include "render/geometry_path.h"

#include <QLabel>
#include <QLocale>

#include <algorithm>

namespace maillage::gui {
using render::areaPath;
using render::labelPoint;

IdentifyPanel::IdentifyPanel(MapCanvas& canvas, QWidget* parent)
    : QDockWidget(tr("Informations"), parent),
      canvas_(canvas),
      label_(new QLabel(tr("Cliquez sur une commune pour voir ses temps d'accès.")))
{
    setObjectName(QStringLiteral("identifyDock"));
    label_->setWordWrap(true);
    label_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label_->setMargin(8);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setWidget(label_);
}

void IdentifyPanel::setProject(Project* project, CoverageController* coverage)
{
    if (coverage_) disconnect(coverage_, nullptr, this, nullptr);
    project_ = project;
    coverage_ = coverage;
    identifiedCommune_ = -1;
    if (!project_) {
        canvas_.setHighlight({});
        label_->setText(tr("Cliquez sur une commune pour voir ses temps d'accès."));
        return;
    }
    if (coverage_)
        connect(coverage_, &CoverageController::updated, this, [this] {
            // The panel compares every level: refreshed when the drag is over.
            if (project_ && !project_->hasPreview()) refresh();
        });
}

QString IdentifyPanel::text() const { return label_->text(); }

void IdentifyPanel::identifyAt(XY position)
{
    const Territory& territory = project_->territory();
    const maillage::Commune* commune = territory.communeAt(position);
    identifiedCommune_ = commune ? static_cast<int>(commune - territory.communes.data()) : -1;
    canvas_.setHighlight(commune && commune->geometry ? areaPath(*commune->geometry) : QPainterPath());
    refresh();
    if (commune) {
        show();
        raise();
    }
}

bool IdentifyPanel::identifyCommune(const QString& nameOrInsee)
{
    if (!project_) return false;
    for (const maillage::Commune& c : project_->territory().communes) {
        if (c.insee != nameOrInsee && c.name.compare(nameOrInsee, Qt::CaseInsensitive) != 0) continue;
        BBox box = c.bbox;
        const double margin = std::max(box.width(), box.height()) * 0.6;
        box.expand(XY{box.minX - margin, box.minY - margin});
        box.expand(XY{box.maxX + margin, box.maxY + margin});
        canvas_.zoomToExtent(box);
        identifyAt(c.geometry ? labelPoint(*c.geometry, c.bbox)
                              : XY{(c.bbox.minX + c.bbox.maxX) / 2, (c.bbox.minY + c.bbox.maxY) / 2});
        return true;
    }
    return false;
}

void IdentifyPanel::refresh()
{
    if (!project_ || identifiedCommune_ < 0) {
        label_->setText(tr("Cliquez sur une commune pour voir ses temps d'accès."));
        return;
    }
    const Territory& territory = project_->territory();
    const maillage::Commune& commune = territory.communes[identifiedCommune_];
    const Epci* epci = territory.epci(commune.epciSiren);
    QString html = tr("<h3>%1</h3><p>INSEE %2 · %3 habitants<br>EPCI : %4</p>")
                       .arg(commune.name.toHtmlEscaped(), commune.insee, formatCount(commune.population),
                            epci ? epci->name.toHtmlEscaped() : tr("aucun"));
    if (!coverage_) {
        label_->setText(html + tr("<p>Pas de réseau routier : temps d'accès non calculés.</p>"));
        return;
    }
    const TownHalls& townHalls = coverage_->context()->townHalls();
    html += townHalls.known[identifiedCommune_] ? tr("<p>Depuis la mairie :</p>")
                                                : tr("<p>Depuis un point central de la commune (mairie inconnue) :</p>");
    html += QStringLiteral("<table cellspacing='4'>");
    for (int level = 1; level <= 3; ++level) {
        const CoverageResult& result = coverage_->resultFor(level);
        const float minutes =
            result.townHallTimes.minutes.empty() ? kUnreachable : result.townHallTimes.minutes[identifiedCommune_];
        const std::uint32_t nearest =
            result.townHallTimes.nearest.empty() ? kNoPoint : result.townHallTimes.nearest[identifiedCommune_];
        const bool beyond = !(minutes <= coverage_->thresholdMinutes());
        const QString place =
            nearest < result.points.size() ? result.points[nearest].name.toHtmlEscaped() : tr("aucun lieu accessible");
        html += tr("<tr><td>Niveau %1</td><td align='right'><b>%2</b></td><td>%3</td></tr>")
                    .arg(level)
                    .arg(beyond ? QStringLiteral("<span style='color:#c2185b'>%1</span>").arg(formatMinutes(minutes))
                                : formatMinutes(minutes))
                    .arg(place);
    }
    html += QStringLiteral("</table>");
    const CommuneCoverage& c = coverage_->result().population.communes[identifiedCommune_];
    const double surfaceBeyond = c.cells > 0 ? 100.0 * c.cellsBeyond / c.cells : 0.0;
    html += tr("<p>Niveau %1, seuil %2 min : %3 habitants au-delà (population placée selon la méthode du projet), "
               "%4 % de la surface de la commune au-delà.</p>")
                .arg(coverage_->level())
                .arg(coverage_->thresholdMinutes())
                .arg(formatCount(std::llround(c.beyondSpread)))
                .arg(QLocale().toString(surfaceBeyond, 'f', 0));
    label_->setText(html);
}

}  // namespace maillage::gui
