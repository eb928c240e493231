#pragma once

// The QGIS `layer_styles` table of a GeoPackage result: the style QGIS applies to each layer
// when it opens the file. Written once by the coverage export and added to by the comparison.

#include <QDateTime>
#include <QString>

#include <vector>

class GDALDataset;

namespace maillage {

// A row of the table: the style of one layer.
struct LayerStyle {
    QString layer;
    QString qml;
    QDateTime updated;
};

// The QML style of a layer from resources/styles (":/styles/<layer>.qml"); empty when the
// layer has none.
QString readStyleResource(const QString& layerName);

// Adds `styles` to the file's layer_styles table, created when the file has none yet, each as
// its layer's default style. `path` is the file's name for messages. Throws Error naming the
// file and the table.
void writeLayerStyles(GDALDataset& dataset, const QString& path, const std::vector<LayerStyle>& styles);

}  // namespace maillage
