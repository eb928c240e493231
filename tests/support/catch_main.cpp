#define CATCH_CONFIG_RUNNER
#include "common/gdal.h"
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <gdal.h>

int main(int argc, char* argv[])
{
    // Qt Sql and resource loading want an application object; GDAL wants its drivers.
    QCoreApplication app(argc, argv);
    maillage::registerGdal();
    return Catch::Session().run(argc, argv);
}
