#include "import_export.h"

#include "coverage/access_table.h"
#include "coverage_controller.h"
#include "import_dialog.h"
#include "pdf_export_dialog.h"
#include "project.h"
#include "project/full_coverage.h"
#include "project_loading.h"
#include "project_session.h"
#include "report/geopackage_export.h"
#include "user_messages.h"
#include "widget_helpers.h"

#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QThread>

namespace maillage::gui {

namespace {

// Whether the town halls of the points differ from those the network was prepared with (the
// live context follows town halls as they move).
bool townHallsMoved(const Project& project)
{
    const TownHalls now = townHallsFor(project.territory(), project.points());
    const TownHalls& prepared = project.data().coverage->townHalls();
    if (now.known != prepared.known) return true;
    for (std::size_t i = 0; i < now.positions.size(); ++i)
        if (now.positions[i].x != prepared.positions[i].x || now.positions[i].y != prepared.positions[i].y) return true;
    return false;
}

}  // namespace

ImportExport::ImportExport(QMainWindow& window, ProjectSession& session, const render::LayerStack& layers,
                           UserMessages& messages)
    : QObject(&window), window_(window), session_(session), layers_(layers), messages_(messages)
{
}

void ImportExport::importPoints()
{
    if (!session_.project()) return;
    const QString file =
        QFileDialog::getOpenFileName(&window_, tr("Importer des points"), ProjectSession::lastFolder(),
                                     tr("Points (*.csv *.geojson *.json *.gpkg *.shp);;Tous les fichiers (*)"));
    if (file.isEmpty()) return;
    // Preview, column mapping and the lines that would be left out, before anything is written.
    ImportDialog dialog(file, &window_);
    if (dialog.exec() == QDialog::Accepted) importPointsFrom(file, dialog.choice());
}

QString ImportExport::importPointsFrom(const QString& file) { return importPointsFrom(file, ImportChoice{}); }

QString ImportExport::importPointsFrom(const QString& file, const ImportChoice& choice)
{
    Project* project = session_.project();
    if (!project) return {};
    QString summary;
    const bool imported = messages_.guarded(tr("Import impossible"), [&] {
        {
            const WaitCursor waiting;
            summary = importPointsWith(project->store(), file, choice, project->territory());
        }
        project->reloadPoints();
        window_.statusBar()->showMessage(summary.section(QLatin1Char('\n'), 0, 0), 10000);
        if (messages_.isInteractive()) QMessageBox::information(&window_, tr("Import terminé"), summary);
        // The network's town connectors and the coverage start from the town halls: when the
        // import changed them, the project is prepared again (in the background).
        if (session_.coverage() && townHallsMoved(*project)) {
            const QString path = project->path();
            session_.closeProject();
            session_.openProject(path);
        }
    });
    return imported ? summary : QString();
}

void ImportExport::chooseAndExportCoverage()
{
    if (!session_.coverage()) return;
    QString path = QFileDialog::getSaveFileName(&window_, tr("Exporter le résultat"), ProjectSession::lastFolder(),
                                                tr("GeoPackage (*.gpkg)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) path += QStringLiteral(".gpkg");
    if (exportCoverage(path)) window_.statusBar()->showMessage(tr("Résultat écrit dans %1.").arg(path), 8000);
}

bool ImportExport::exportCoverage(const QString& path)
{
    const Project* project = session_.project();
    const CoverageController* coverage = session_.coverage();
    if (!project || !coverage) return false;
    return messages_.guarded(tr("Export impossible"), [&] {
        const WaitCursor waiting;
        // The full computation (clipped gap zones, band polygons), as `maillage coverage` does.
        const CoverageContext& context = *coverage->context();
        CoverageOptions options;
        options.level = coverage->level();
        options.thresholdMinutes = coverage->thresholdMinutes();
        options.threads = std::max(1, QThread::idealThreadCount());
        const std::vector<AccueilPoint>& points = project->points();
        const FullCoverage run =
            runFullCoverage(context, points, coveragePoints(points, options.level, coverage->includePlanned()), options);
        const CoverageExport data = run.exportData(
            context, runDescription(project->path(), project->data(),
                                    pointSetDescription(project->planActive() ? project->activeScenario() : QString(),
                                                        coverage->includePlanned())));
        writeCoverageGeoPackage(path, data);
    });
}

void ImportExport::exportPdf()
{
    Project* project = session_.project();
    CoverageController* coverage = session_.coverage();
    if (!project || !coverage) return;
    PdfExportDialog dialog(*project, *coverage, layers_, &window_);
    if (dialog.exec() == QDialog::Accepted)
        window_.statusBar()->showMessage(
            tr("Carte exportée en PDF : %1").arg(QDir::toNativeSeparators(dialog.exportedPath())), 15000);
}

}  // namespace maillage::gui
