#pragma once

// The one place GDAL is set up and its datasets are owned: every reader and writer of the
// program calls registerGdal() before its first GDAL call, and holds datasets in a
// GdalDatasetPtr so that an exception on the way out still closes them.
#include <memory>

class GDALDataset;

namespace maillage {

// Registers GDAL's drivers once per process and sets the options every use of the program
// shares: GDAL must never write beside the user's data (its gzip reader otherwise leaves a
// "<file>.gz.properties" index next to an OpenStreetMap extract it reads).
void registerGdal();

struct GdalDatasetCloser {
    void operator()(GDALDataset* dataset) const;
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

}  // namespace maillage
