#pragma once

#include <QObject>
#include <QString>

class QMainWindow;

namespace maillage::render {
class LayerStack;
}

namespace maillage::gui {

struct ImportChoice;
class ProjectSession;
class UserMessages;

// Files in and out of the open project: points imported from a file, the coverage result
// written to a GeoPackage, the map laid out in a PDF.
class ImportExport : public QObject {
    Q_OBJECT
public:
    ImportExport(QMainWindow& window, ProjectSession& session, const render::LayerStack& layers, UserMessages& messages);

    // The menu commands, with their file dialogs.
    void importPoints();
    void chooseAndExportCoverage();
    void exportPdf();

    // Imports a points file into the open project (as Projet › Importer des points does
    // after its file dialog); returns the summary shown to the user, empty on failure.
    QString importPointsFrom(const QString& file);
    // Same, read as the import dialog's choice says (column mapping, kind and level).
    QString importPointsFrom(const QString& file, const ImportChoice& choice);
    // Writes the coverage of the shown level and threshold to a result GeoPackage (the
    // layers and QGIS styles `maillage coverage --out` writes); false on failure.
    bool exportCoverage(const QString& path);

private:
    QMainWindow& window_;
    ProjectSession& session_;
    const render::LayerStack& layers_;
    UserMessages& messages_;
};

}  // namespace maillage::gui
