#pragma once

#include "background_task_panel.h"
#include "planning/site_suggestion.h"

#include <QFutureWatcher>
#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace maillage::render {
class SuggestionsLayer;
}

namespace maillage::gui {

using render::SuggestionsLayer;

// "Suggérer des sites": where the next k places of a level should go, among the active
// scenario's town halls and/or La Poste points (planning/site_suggestion.h: greedy choice and
// exchanges, existing places kept, at most one per commune). Runs off the GUI thread on the
// active scenario's network; shows the sites with their marginal gain and the running total,
// in a table and on the map; the sites checked are added to the active plan (or to a new
// plan when the baseline is shown) as planned points of the level, in one undoable edit.
class SuggestionPanel : public BackgroundTaskPanel {
    Q_OBJECT
public:
    // What the background work hands back.
    struct Outcome {
        SiteSuggestions suggestions;
        QString error;
    };

    enum class Candidates { TownHalls, LaPoste, Both };

    explicit SuggestionPanel(QWidget* parent = nullptr);
    ~SuggestionPanel() override;
    void setProject(Project* project, CoverageController* coverage);
    void setLayer(SuggestionsLayer* layer);
    void setInteractive(bool interactive) { interactive_ = interactive; }
    // A read-only project: suggesting still works, adding the sites to a plan is greyed with
    // `reason` as its tip and refused (empty: editable again).
    void setReadOnlyReason(const QString& reason);

    // The settings of the form.
    void setCount(int k);
    void setLevel(int level);
    void setThreshold(int minutes);
    void setCandidates(Candidates candidates);
    void setOnePerCommune(bool one);

    // Starts the suggestion in the background; false (with lastError()) when it cannot.
    bool run();

    // The last result, with the scenario it was computed on.
    const SiteSuggestions* result() const { return result_ ? &*result_ : nullptr; }
    QString resultScenario() const { return resultScenario_; }
    // People beyond the threshold (spread over cells) before the sites, as counted by the
    // suggestion (cells demand).
    double beyondBefore() const;
    // Chooses which suggested sites to add (all are checked after a run).
    void setChosen(int row, bool chosen);
    // Adds the sites checked to the active plan, or to a new plan (created from the baseline)
    // when the baseline is shown; returns the plan's name, empty on failure.
    QString addChosenToPlan();

private:
    void createChoices();
    void createTable();
    void layOut();
    void dropStaleResult();
    void showResult();
    void updateLayer();
    void updateButtons();
    std::vector<AccueilPoint> candidatePoints() const;

    QPointer<SuggestionsLayer> layer_;
    QSpinBox* count_ = nullptr;
    QComboBox* level_ = nullptr;
    QSpinBox* threshold_ = nullptr;
    QComboBox* candidates_ = nullptr;
    QComboBox* demand_ = nullptr;
    QCheckBox* onePerCommune_ = nullptr;
    QCheckBox* allowServed_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* summary_ = nullptr;
    QPushButton* add_ = nullptr;
    QFutureWatcher<Outcome>* watcher_;
    bool adding_ = false;  // in addChosenToPlan, which may show the plan it creates
    QString runningScenario_;
    std::optional<SiteSuggestions> result_;
    QString resultScenario_;
    QString readOnlyReason_;
    bool interactive_ = true;
    bool filling_ = false;
};

}  // namespace maillage::gui
