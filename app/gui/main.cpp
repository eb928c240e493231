// maillage-gui — the desktop application planners open every day.
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cpl_error.h>
#include <gdal.h>

#include <cstdio>

using maillage::gui::MainWindow;

namespace {

// French is the source language; English comes from resources/translations/maillage_en.ts.
void installTranslation(QApplication& app, const QString& language)
{
    if (language != QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        // Qt's own dialogs and buttons (Annuler, Enregistrer...) when qt6-translations-l10n
        // is installed (the package recommends it); English otherwise.
        auto* qtTranslator = new QTranslator(&app);
        if (qtTranslator->load(QLocale(QLocale::French, QLocale::France), QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app.installTranslator(qtTranslator);
        else
            delete qtTranslator;
        return;
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    auto* translator = new QTranslator(&app);
    if (translator->load(QStringLiteral(":/i18n/maillage_en.qm"))) app.installTranslator(translator);
}

QSize parseSize(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2) return {};
    return {parts[0].toInt(), parts[1].toInt()};
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Maillage"));
    QApplication::setApplicationName(QStringLiteral("maillage"));
    QApplication::setApplicationDisplayName(QStringLiteral("Maillage"));
    QApplication::setApplicationVersion(QStringLiteral(MAILLAGE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("fr.maillage.Maillage"));
    GDALAllRegister();
    // GDAL's messages would only duplicate ours; errors reach the user through maillage::Error.
    CPLSetErrorHandler(CPLQuietErrorHandler);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Maillage: plan the réseau d'accueil of a département."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file to open (.gpkg)."));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("Open the Alpes-de-Haute-Provence (04) demo."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the window once the project is shown, then quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("Interface language: fr or en."),
                                      QStringLiteral("code"));
    const QCommandLineOption identify(QStringLiteral("identify"),
                                      QStringLiteral("Once open, zoom to a commune (name or INSEE code) and show its access times."),
                                      QStringLiteral("commune"));
    const QCommandLineOption level(QStringLiteral("level"), QStringLiteral("Level whose coverage is shown: 1, 2 or 3."),
                                   QStringLiteral("level"));
    const QCommandLineOption addPoint(QStringLiteral("add-point"),
                                      QStringLiteral("Once open, add a planned France services at a commune's town hall."),
                                      QStringLiteral("commune"));
    parser.addOptions({demo, screenshot, size, language, identify, level, addPoint});
    parser.process(app);

    installTranslation(app, parser.isSet(language) ? parser.value(language)
                                                   : QSettings().value(QStringLiteral("ui/language"), QStringLiteral("fr")).toString());

    MainWindow window;
    if (parser.isSet(size)) {
        const QSize wanted = parseSize(parser.value(size));
        if (wanted.isValid()) window.resize(wanted);
    }
    window.show();

    if (parser.isSet(level)) window.setCoverageLevel(parser.value(level).toInt(), false);
    if (parser.isSet(identify)) {
        QObject::connect(&window, &MainWindow::projectOpened, &window, [&window, name = parser.value(identify)] {
            if (!window.identifyCommune(name)) std::fprintf(stderr, "maillage-gui: no commune \"%s\"\n", qPrintable(name));
        });
    }
    if (parser.isSet(addPoint)) {
        QObject::connect(&window, &MainWindow::projectOpened, &window, [&window, name = parser.value(addPoint)] {
            if (!window.addPointAtTownHall(name)) std::fprintf(stderr, "maillage-gui: no commune \"%s\"\n", qPrintable(name));
        });
    }
    if (parser.isSet(screenshot)) {
        window.setInteractive(false);
        const QString file = QFileInfo(parser.value(screenshot)).absoluteFilePath();
        auto grab = [&window, file] {
            // Give the docks and the map one more event loop turn to settle before grabbing.
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "wrote" : "cannot write", qPrintable(file));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        QObject::connect(&window, &MainWindow::projectOpened, &window, grab);
        QObject::connect(&window, &MainWindow::loadFailed, &window, [](const QString& message) {
            std::fprintf(stderr, "maillage-gui: %s\n", qPrintable(message));
            QApplication::exit(1);
        });
        if (!parser.isSet(demo) && parser.positionalArguments().isEmpty()) grab();
    }

    if (parser.isSet(demo)) window.openDemo();
    else if (!parser.positionalArguments().isEmpty()) window.openProject(parser.positionalArguments().first());
    return app.exec();
}
