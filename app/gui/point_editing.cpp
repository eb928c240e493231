#include "point_editing.h"

#include "coverage_controller.h"
#include "labels.h"
#include "map/map_canvas.h"
#include "map/point_symbols.h"
#include "network/snapping.h"
#include "point_commands.h"
#include "project.h"
#include "render/geometry_path.h"
#include "store/kinds.h"
#include "user_messages.h"

#include <QComboBox>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include <limits>

namespace maillage::gui {
using render::labelPoint;

namespace {

const QString kNewPointKindKey = QStringLiteral("editing/newPointKind");

}  // namespace

PointEditing::PointEditing(QMainWindow& window, MapCanvas& canvas, UserMessages& messages)
    : QObject(&window), window_(window), canvas_(canvas), messages_(messages), newPointKind_(new QComboBox)
{
    newPointKind_->setObjectName(QStringLiteral("newPointKind"));
    newPointKind_->setToolTip(tr("Type des points ajoutés sur la carte"));
    for (const KindInfo& kind : kindReferential())
        newPointKind_->addItem(QIcon(pointSymbolPixmap({kind.defaultLevel, kind.code, PointStatus::Planned}, 16)),
                               interfaceIsEnglish() ? kind.labelEn : kind.labelFr, kind.code);
}

void PointEditing::setProject(Project* project, CoverageController* coverage)
{
    project_ = project;
    coverage_ = coverage;
}

void PointEditing::readSettings()
{
    const int kind = newPointKind_->findData(QSettings().value(kNewPointKindKey, QStringLiteral("france_services")));
    newPointKind_->setCurrentIndex(std::max(kind, 0));
}

void PointEditing::writeSettings() const { QSettings().setValue(kNewPointKindKey, newPointKind_->currentData()); }

std::optional<PointEditing::FarFromRoad> PointEditing::farFromRoad(XY position) const
{
    if (!project_ || !project_->data().engine) return std::nullopt;
    const GraphTravelEngine& engine = *project_->data().engine;
    const double limit = engine.snapOptions().maxSnapMetres;
    if (engine.snapper().snap(position, engine.snapOptions()).ok()) return std::nullopt;
    SnapOptions anyDistance = engine.snapOptions();
    anyDistance.maxSnapMetres = std::numeric_limits<double>::infinity();
    const Snap nearest = engine.snapper().snap(position, anyDistance);
    if (!nearest.ok()) return std::nullopt;  // no road at all: nothing better to offer
    return FarFromRoad{nearest.onRoad, nearest.offsetMetres, limit};
}

void PointEditing::addPointAt(XY position)
{
    if (!project_) return;
    // Beyond the snap limit a point joins no road and counts for nobody: said at once, with
    // the nearest road offered.
    if (const auto far = farFromRoad(position)) {
        const QString message = tr("Ce point est à %1 km de la route la plus proche, au-delà de la limite de %2 km : "
                                   "il ne sera pas pris en compte dans la couverture.")
                                    .arg(QLocale().toString(far->metres / 1000.0, 'f', 1),
                                         QLocale().toString(far->limitMetres / 1000.0, 'f', 0));
        window_.statusBar()->showMessage(message, 20000);
        if (messages_.isInteractive()) {
            QMessageBox box(QMessageBox::Warning, tr("Point loin de toute route"), message, QMessageBox::NoButton, &window_);
            QPushButton* onRoad = box.addButton(tr("Placer sur la route la plus proche"), QMessageBox::AcceptRole);
            box.addButton(tr("Garder ici (laissé de côté)"), QMessageBox::RejectRole);
            box.setDefaultButton(onRoad);
            box.exec();
            if (box.clickedButton() == onRoad) position = far->onRoad;
        }
    }
    const QString kind = newPointKind_->currentData().toString();
    const KindInfo* info = findKind(kind);
    AccueilPoint point;
    point.kind = kind;
    point.level = info ? info->defaultLevel : Level::Second;
    point.status = PointStatus::Planned;
    point.source = QStringLiteral("maillage");
    point = project_->placedAt(point, position);
    const maillage::Commune* commune = project_->territory().commune(point.communeInsee);
    point.name =
        commune ? tr("%1 (projet) — %2").arg(kindLabel(kind), commune->name) : tr("%1 (projet)").arg(kindLabel(kind));
    auto* command = new AddPointCommand(*project_, point);
    project_->undoStack()->push(command);
    if (const qint64 id = command->pointId()) project_->setSelection({id});
}

bool PointEditing::addPointAtTownHall(const QString& nameOrInsee)
{
    if (!project_) return false;
    const auto& communes = project_->territory().communes;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        const maillage::Commune& c = communes[i];
        if (c.insee != nameOrInsee && c.name.compare(nameOrInsee, Qt::CaseInsensitive) != 0) continue;
        const XY at = coverage_ ? coverage_->context()->townHalls().positions[i]
                                : (c.geometry ? labelPoint(*c.geometry, c.bbox) : XY{c.bbox.minX, c.bbox.minY});
        addPointAt(at);
        return true;
    }
    return false;
}

void PointEditing::dropPoints(const QList<qint64>& ids, const QList<XY>& from, const QList<XY>& to)
{
    if (!project_) return;
    std::vector<PointMove> moves;
    for (int i = 0; i < ids.size(); ++i) moves.push_back({ids[i], from[i], to[i]});
    project_->undoStack()->push(new MovePointsCommand(*project_, std::move(moves)));
}

void PointEditing::deleteSelection()
{
    if (!project_ || project_->selection().isEmpty()) return;
    const auto& selection = project_->selection();
    project_->undoStack()->push(new DeletePointsCommand(*project_, std::vector<qint64>(selection.begin(), selection.end())));
}

void PointEditing::selectAll()
{
    if (!project_) return;
    QSet<qint64> all;
    for (const AccueilPoint& p : project_->points()) all.insert(p.id);
    project_->setSelection(all);
}

void PointEditing::zoomToSelection()
{
    if (!project_ || project_->selection().isEmpty()) return;
    BBox box;
    for (qint64 id : project_->selection())
        if (const AccueilPoint* p = project_->point(id)) box.expand(p->lambert93);
    const double margin = 2500;  // metres, so a single point shows its surroundings
    box.expand(XY{box.minX - margin, box.minY - margin});
    box.expand(XY{box.maxX + margin, box.maxY + margin});
    canvas_.zoomToExtent(box);
}

}  // namespace maillage::gui
