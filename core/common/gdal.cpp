#include "common/gdal.h"

#include <cpl_conv.h>
#include <gdal_priv.h>

#include <mutex>

namespace maillage {

void registerGdal()
{
    static std::once_flag registered;
    std::call_once(registered, [] {
        // Input folders are often read-only or shared: a reader leaves nothing in them.
        CPLSetConfigOption("CPL_VSIL_GZIP_WRITE_PROPERTIES", "NO");
        GDALAllRegister();
    });
}

void GdalDatasetCloser::operator()(GDALDataset* dataset) const { GDALClose(dataset); }

}  // namespace maillage
