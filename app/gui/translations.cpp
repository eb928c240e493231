#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace maillage::gui {

bool installTranslations(QCoreApplication& app, const QString& language)
{
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        auto* translator = new QTranslator(&app);
        if (translator->load(QStringLiteral(":/i18n/maillage_en.qm"))) app.installTranslator(translator);
        else delete translator;
        return true;
    }
    const QLocale french(QLocale::French, QLocale::France);
    QLocale::setDefault(french);
    auto* qtTranslator = new QTranslator(&app);
    if (!qtTranslator->load(french, QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qtTranslator;
        return false;
    }
    app.installTranslator(qtTranslator);
    return true;
}

}  // namespace maillage::gui
