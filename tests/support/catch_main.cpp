#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include "common/gdal.h"

#include <gdal.h>
#include <QCoreApplication>

int main(int argc, char* argv[])
{
    // Qt Sql and resource loading want an application object; GDAL wants its drivers.
    QCoreApplication app(argc, argv);
    maillage::registerGdal();
    return Catch::Session().run(argc, argv);
}
