#pragma once

#include <QString>

class QCoreApplication;

namespace maillage::gui {

// The interface language: French (the source language) unless `language` is "en". Sets the
// default locale (numbers, dates) to match, loads Qt's own translations (qtbase_fr from
// Qt's translations folder, package qt6-translations-l10n) so that standard buttons and
// file dialogs speak French, and the application's English from resources/translations.
// Returns false when Qt's French translations were not found (buttons stay in English).
bool installTranslations(QCoreApplication& app, const QString& language);

}  // namespace maillage::gui
