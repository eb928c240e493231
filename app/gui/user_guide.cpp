#include "user_guide.h"

#include "labels.h"
#include "widget_helpers.h"

#include <QFile>
#include <QTextBrowser>

namespace maillage::gui {

UserGuideDialog::UserGuideDialog(const QString& project, std::optional<PopulationMethod> method, QWidget* parent)
    : QDialog(parent), browser_(new QTextBrowser)
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("Guide d'utilisation"));
    browser_->setObjectName(QStringLiteral("userGuideText"));
    browser_->setOpenExternalLinks(true);
    browser_->document()->setDefaultStyleSheet(
        QStringLiteral("h1 { font-size: x-large; } h2 { font-size: large; margin-top: 14px; }"
                       "p.method { background: #fff3e0; }"));
    browser_->setHtml(html(project, method));
    layOutAboveCloseButton(this, {browser_});
    resize(720, 760);
}

QString UserGuideDialog::methodName(PopulationMethod method)
{
    switch (method) {
    case PopulationMethod::Grid: return tr("Carreaux INSEE");
    case PopulationMethod::Buildings: return tr("Bâtiments");
    case PopulationMethod::Spread: return tr("Répartie près des routes");
    case PopulationMethod::TownHalls: return tr("À la mairie");
    }
    return QString();
}

QString UserGuideDialog::html(const QString& project, std::optional<PopulationMethod> method)
{
    QFile file(interfaceIsEnglish() ? QStringLiteral(":/guide/guide_en.html") : QStringLiteral(":/guide/guide_fr.html"));
    if (!file.open(QIODevice::ReadOnly))
        return tr("<p>Le guide est introuvable dans l'application (%1).</p>").arg(file.fileName());
    QString text = QString::fromUtf8(file.readAll());
    const QString methodText = method ? methodName(*method).toHtmlEscaped() : tr("aucune, pas de couverture calculée");
    text.replace(QStringLiteral("{{METHOD}}"), methodText);
    text.replace(QStringLiteral("{{PROJECT}}"), project.isEmpty() ? tr("aucun") : project.toHtmlEscaped());
    return text;
}

}  // namespace maillage::gui
