#include "welcome_panel.h"

#include <QAction>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace maillage::gui {
namespace {
constexpr int kActionRole = Qt::UserRole + 1;
}

WelcomePanel::WelcomePanel(QAction& demo, QAction& newProject, QAction& open, QMenu& recentMenu, QWidget* parent)
    : QWidget(parent), recentMenu_(recentMenu), recent_(new QListWidget), recentBox_(new QWidget)
{
    setObjectName(QStringLiteral("welcomePanel"));
    setAutoFillBackground(true);

    auto* card = new QFrame;
    card->setObjectName(QStringLiteral("welcomeCard"));
    card->setFrameShape(QFrame::StyledPanel);
    // A fixed width lets the wrapped texts take the height they need.
    card->setFixedWidth(600);
    auto* title = new QLabel(tr("<h2>Bienvenue dans Maillage</h2>"));
    auto* intro =
        new QLabel(tr("Planifiez le réseau d'accueil des services publics d'un département : les points "
                      "d'accueil, le temps pour les rejoindre par la route et les habitants à plus de "
                      "20 minutes d'un lieu de deuxième niveau."));
    intro->setWordWrap(true);

    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addWidget(buttonFor(demo, tr("Ouvrir la démo des Alpes-de-Haute-Provence"),
                                tr("Le département 04 avec ses France services, ses mairies et son réseau routier, "
                                   "pour découvrir l'application.")));
    layout->addWidget(buttonFor(newProject, tr("Créer un projet…"),
                                tr("À partir des limites communales, d'un réseau routier et de vos points d'accueil.")));
    layout->addWidget(buttonFor(open, tr("Ouvrir un projet…"), tr("Un projet Maillage (.gpkg) déjà créé.")));

    auto* recentLayout = new QVBoxLayout(recentBox_);
    recentLayout->setContentsMargins(0, 8, 0, 0);
    recentLayout->addWidget(new QLabel(tr("<b>Projets récents</b>")));
    recent_->setObjectName(QStringLiteral("welcomeRecentProjects"));
    recent_->setMaximumHeight(170);
    recent_->setCursor(Qt::PointingHandCursor);
    recentLayout->addWidget(recent_);
    layout->addWidget(recentBox_);
    // One click opens, as a link would: the list holds nothing else to select.
    connect(recent_, &QListWidget::itemClicked, this, [](QListWidgetItem* item) {
        if (auto* action = qobject_cast<QAction*>(item->data(kActionRole).value<QObject*>())) action->trigger();
    });

    // Centred by stretches, not by an alignment: an aligned item loses its height-for-width,
    // and the wrapped introduction would be cut.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card);
    row->addStretch(1);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    refresh();
}

QPushButton* WelcomePanel::buttonFor(QAction& action, const QString& text, const QString& explanation)
{
    auto* button = new QPushButton(action.icon(), text);
    button->setToolTip(explanation);
    button->setMinimumHeight(34);
    button->setStyleSheet(QStringLiteral("text-align: left; padding-left: 10px;"));
    button->setEnabled(action.isEnabled());
    connect(button, &QPushButton::clicked, &action, &QAction::trigger);
    connect(&action, &QAction::changed, button, [button, &action] { button->setEnabled(action.isEnabled()); });
    return button;
}

void WelcomePanel::refresh()
{
    recent_->clear();
    for (QAction* action : recentMenu_.actions()) {
        if (action->isSeparator()) continue;
        // The menu names the file; its status tip holds the full path.
        const QString path = action->statusTip();
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(action->text(), QFileInfo(path).absolutePath()));
        item->setToolTip(path);
        item->setData(kActionRole, QVariant::fromValue<QObject*>(action));
        recent_->addItem(item);
    }
    recentBox_->setVisible(recent_->count() > 0);
}

void WelcomePanel::showEvent(QShowEvent* event)
{
    refresh();
    QWidget::showEvent(event);
}

}  // namespace maillage::gui
