#pragma once

#include "importers/point_format.h"
#include "importers/point_importers.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QRadioButton;
class QTableWidget;
class QTimer;

namespace maillage {
class Store;
class Territory;
}  // namespace maillage

namespace maillage::gui {

// How a points file is read: a published list by its known columns (no mapping), or any
// file with a column mapping, as `maillage import` does with its --*-field options.
struct ImportChoice {
    std::optional<PointMapping> mapping;  // empty: the format recognised from the columns
};

// Reads the file as the choice says (the core importers; nothing is written).
ImportBatch readPointsFile(const QString& file, const ImportChoice& choice);

// Reads and writes the points into the project's store; the summary shown to the user, with
// the first bad lines. Throws Error when the file cannot be read.
QString importPointsWith(Store& store, const QString& file, const ImportChoice& choice, const Territory& territory);

// "Importer des points": the first rows of the file, the mapping of its columns (name,
// identifier, position as longitude/latitude or Lambert-93 x/y, kind, level, commune), a kind
// and a level for the whole file when no column gives them, and the report of the lines that
// would be left out, checked again at every change, before anything is imported.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // The fields a column can be chosen for (also the object names of their boxes).
    enum class Field { Name, Id, X, Y, Kind, Level, Commune };

    explicit ImportDialog(const QString& file, QWidget* parent = nullptr);

    // False when the file cannot be read at all (error() says why; the dialog shows it).
    bool isReadable() const { return error_.isEmpty(); }
    QString error() const { return error_; }

    // The column chosen for a field, empty for none.
    QString column(Field field) const;
    void setColumn(Field field, const QString& column);
    // Positions in Lambert-93 metres (x/y) rather than WGS84 degrees (lon/lat).
    void setLambert93(bool lambert93);
    // Kind (code) and level (1 to 3, 0 = the kind's own) of every point when no column gives them.
    void setFixedKind(const QString& code);
    void setFixedLevel(int level);
    // Reads the file with the published format's own columns instead of the mapping.
    void setUseKnownFormat(bool known);

    ImportChoice choice() const;
    // The check of the current choice: rows read, points, lines left out (what the report shows).
    int rowsRead() const { return rowsRead_; }
    int pointsRead() const { return pointsRead_; }
    int linesLeftOut() const { return linesLeftOut_; }
    QString reportText() const;
    // Checks the current choice now (otherwise done shortly after each change).
    void checkNow();

private:
    // The file's format and first rows; error_ says why when it cannot be read.
    PointFilePreview readPreview();
    QFormLayout* createFormatChoice();
    QGroupBox* createPreviewBox();
    // A box per field, the coordinates' system beside the longitude, and the kind and level of
    // every point when no column gives them.
    QGroupBox* createMappingBox(const QStringList& columns);
    QHBoxLayout* createCoordinateChoice();
    void addFixedKindAndLevel(QFormLayout& mapping);
    QGroupBox* createReportBox();
    void buildPreview(const PointFilePreview& preview);
    void guessColumns(const PointFilePreview& preview);
    void scheduleCheck();
    void updateEnabled();
    QComboBox* box(Field field) const;

    QString file_;
    QString error_;
    std::optional<PointFormat> knownFormat_;
    bool positionsFromGeometry_ = false;
    QComboBox* format_ = nullptr;
    QTableWidget* preview_ = nullptr;
    QComboBox* boxes_[7] = {};
    QRadioButton* lonLat_ = nullptr;
    QRadioButton* lambert93_ = nullptr;
    QComboBox* fixedKind_ = nullptr;
    QComboBox* fixedLevel_ = nullptr;
    QLabel* summary_ = nullptr;
    QTableWidget* issues_ = nullptr;
    QTimer* checkTimer_ = nullptr;
    int rowsRead_ = 0;
    int pointsRead_ = 0;
    int linesLeftOut_ = 0;
};

}  // namespace maillage::gui
