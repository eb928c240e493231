#pragma once

#include <QObject>
#include <QPointer>
#include <QProgressBar>
#include <QStatusBar>

namespace maillage::gui {

class CoverageController;

// While the closed network of a plan is rebuilt in the background (after roads are closed or
// reopened), a busy bar and a message in the status bar say so; the map stays usable and
// shows the previous result until the new one is ready.
class NetworkBuildIndicator : public QObject {
    Q_OBJECT
public:
    NetworkBuildIndicator(CoverageController& coverage, QStatusBar& statusBar, QObject* parent = nullptr);
    ~NetworkBuildIndicator() override;

    bool isShown() const;

private:
    void started();
    void finished();

    // Either may go first when the window closes.
    QPointer<QStatusBar> statusBar_;
    QPointer<QProgressBar> bar_;
};

}  // namespace maillage::gui
