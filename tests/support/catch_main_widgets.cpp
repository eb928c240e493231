#define CATCH_CONFIG_RUNNER
#include "common/gdal.h"
#include "support/test_data.h"

#include <catch2/catch.hpp>

#include <cpl_error.h>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

// The GUI tests' main: a QApplication on the offscreen platform (test discovery runs the
// program at build time, without a display), and settings kept apart from the user's.
int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Keep the user's settings (window layout, recent projects) out of the tests.
    QStandardPaths::setTestModeEnabled(true);
    maillage::test::ScratchDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path(QStringLiteral("settings")));
    maillage::registerGdal();
    CPLSetErrorHandler(CPLQuietErrorHandler);
    return Catch::Session().run(argc, argv);
}
