#include "report/qgis_layer_styles.h"

#include "report/geopackage_export.h"
#include "report/gpkg_layer_writer.h"

#include <QFile>

#include <gdal_priv.h>

#include <optional>

namespace maillage {

namespace {

// QGIS's own table: its fields have no titles, and "ui" stays null.
std::vector<Column<LayerStyle>> styleColumns()
{
    using Row = LayerStyle;
    const auto text = [](const QString& value) { return [value](const Row&) { return value; }; };
    return {
        textColumn<Row>("f_table_catalog", {}, text(QString())),
        textColumn<Row>("f_table_schema", {}, text(QString())),
        textColumn<Row>("f_table_name", {}, &Row::layer),
        textColumn<Row>("f_geometry_column", {}, text(QStringLiteral("geom"))),
        textColumn<Row>("styleName", {}, &Row::layer),
        textColumn<Row>("styleQML", {}, &Row::qml),
        textColumn<Row>("styleSLD", {}, text(QString())),
        boolColumn<Row>("useAsDefault", {}, [](const Row&) { return true; }),
        textColumn<Row>("description", {}, text(QStringLiteral("Maillage %1").arg(QStringLiteral(MAILLAGE_VERSION)))),
        textColumn<Row>("owner", {}, text(QString())),
        textColumn<Row>("ui", {}, [](const Row&) { return std::optional<QString>(); }),
        dateTimeColumn<Row>("update_time", {}, &Row::updated),
    };
}

}  // namespace

QString readStyleResource(const QString& layerName)
{
    QFile file(QStringLiteral(":/styles/%1.qml").arg(layerName));
    if (!file.open(QIODevice::ReadOnly)) return QString();
    return QString::fromUtf8(file.readAll());
}

void writeLayerStyles(GDALDataset& dataset, const QString& path, const std::vector<LayerStyle>& styles)
{
    std::optional<RowWriter<LayerStyle>> table;
    if (dataset.GetLayerByName(gpkg_layers::styles.toUtf8().constData()))
        table.emplace(dataset, path, gpkg_layers::styles, styleColumns());
    else
        table.emplace(dataset, path, gpkg_layers::styles, wkbNone, QStringLiteral("layer_styles"),
                      QStringLiteral("QGIS styles of the layers of this file"), styleColumns());
    for (const LayerStyle& style : styles) table->write(style);
}

}  // namespace maillage
