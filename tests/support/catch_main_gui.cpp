#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include "common/gdal.h"

#include <gdal.h>
#include <QGuiApplication>

// Tests that draw (fonts, PDF pages) need a QGuiApplication; they run on the offscreen
// platform unless told otherwise.
int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    maillage::registerGdal();
    return Catch::Session().run(argc, argv);
}
