#pragma once

#include "coverage/referral.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace maillage::gui {

class CoverageController;

// How people are sent on from one level to the next, on the points and roads shown (the active
// scenario, its closed roads included): from each EPCI seat, the nearest place of each kind with
// its time by road — at a desk and, for the level-3 operators, by video (visio points) side by
// side; and for each first- and second-level point, the nearest place of the level above (the
// referral 1 → 2 → 3). The same tables as `maillage coverage` writes (access_epci_seats.csv,
// referrals.csv), computed when the dialog opens; times beyond the threshold stand out.
class AccessDialog : public QDialog {
    Q_OBJECT
public:
    explicit AccessDialog(CoverageController& coverage, QWidget* parent = nullptr);
    ~AccessDialog() override;

    QTableWidget* accessTable() const { return access_; }
    QTableWidget* referralTable() const { return referrals_; }
    QCheckBox* beyondOnly() const { return beyondOnly_; }

private:
    void fillAccess(CoverageController& coverage, const std::vector<AccueilPoint>& points);
    void fillReferrals();

    double thresholdMinutes_ = 0.0;
    bool withVisio_ = false;  // the points shown hold a visio point: the visio side is shown
    std::vector<ReferralLink> links_;
    QLabel* note_;
    QTableWidget* access_;
    QTableWidget* referrals_;
    QCheckBox* beyondOnly_;
};

}  // namespace maillage::gui
