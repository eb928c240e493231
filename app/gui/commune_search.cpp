#include "commune_search.h"

#include "project.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>

namespace maillage::gui {
namespace {
constexpr int kFoldedRole = Qt::UserRole + 1;
constexpr int kInseeRole = Qt::UserRole + 2;
}  // namespace

CommuneSearch::CommuneSearch(QWidget* parent)
    : QLineEdit(parent), communes_(new QStandardItemModel(this)), completer_(new QCompleter(communes_, this))
{
    setObjectName(QStringLiteral("communeSearch"));
    setPlaceholderText(tr("Rechercher une commune"));
    setToolTip(tr("Tapez le début du nom d'une commune (les accents sont facultatifs) pour zoomer sur elle"));
    setClearButtonEnabled(true);
    setMaximumWidth(240);
    setEnabled(false);
    // The completer matches the folded names against the folded text typed; it is driven by
    // hand (not QLineEdit::setCompleter) so that the box keeps the name as written.
    completer_->setWidget(this);
    completer_->setCompletionRole(kFoldedRole);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setFilterMode(Qt::MatchContains);
    completer_->setMaxVisibleItems(12);
    connect(this, &QLineEdit::textEdited, this, &CommuneSearch::complete);
    connect(this, &QLineEdit::returnPressed, this, &CommuneSearch::chooseTyped);
    connect(completer_, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) { choose(index.data(kInseeRole).toString(), index.data().toString()); });
}

QString CommuneSearch::folded(const QString& text)
{
    QString out;
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing) continue;
        if (c == QLatin1Char('-') || c == QLatin1Char('\'') || c == QChar(0x2019)) out += QLatin1Char(' ');
        else out += c.toLower();
    }
    return out.simplified();
}

void CommuneSearch::setProject(const Project* project)
{
    communes_->clear();
    clear();
    setEnabled(project != nullptr);
    if (!project) return;
    for (const maillage::Commune& commune : project->territory().communes) {
        auto* item = new QStandardItem(commune.name);
        item->setData(folded(commune.name), kFoldedRole);
        item->setData(commune.insee, kInseeRole);
        item->setToolTip(tr("INSEE %1").arg(commune.insee));
        communes_->appendRow(item);
    }
    communes_->setSortRole(kFoldedRole);
    communes_->sort(0);
}

void CommuneSearch::complete(const QString& typed)
{
    const QString key = folded(typed);
    if (key.isEmpty()) {
        completer_->popup()->hide();
        return;
    }
    completer_->setCompletionPrefix(key);
    if (completer_->completionCount() == 0) completer_->popup()->hide();
    else completer_->complete();
}

// Entrée without picking in the list: the commune named exactly, else the first proposed.
void CommuneSearch::chooseTyped()
{
    const QString key = folded(text());
    if (key.isEmpty()) return;
    for (int row = 0; row < communes_->rowCount(); ++row) {
        const QStandardItem* item = communes_->item(row);
        if (item->data(kFoldedRole).toString() == key) return choose(item->data(kInseeRole).toString(), item->text());
    }
    completer_->setCompletionPrefix(key);
    if (completer_->completionCount() == 0) return;
    completer_->setCurrentRow(0);
    const QModelIndex first = completer_->currentIndex();
    choose(first.data(kInseeRole).toString(), first.data().toString());
}

void CommuneSearch::choose(const QString& insee, const QString& name)
{
    completer_->popup()->hide();
    setText(name);
    Q_EMIT communeChosen(insee);
}

}  // namespace maillage::gui
