#pragma once

#include <QObject>
#include <QString>

#include <exception>
#include <functional>

class QMainWindow;

namespace maillage::gui {

// What an exception says to the user: a maillage::Error's message (it names the file,
// layer, field or feature at fault), else the exception's own text.
QString userMessage(const std::exception& error);

// How the main window tells the user that something failed: the message in the status bar
// and, in interactive runs, in a window-modal box; the last one kept for tests and scripts.
class UserMessages : public QObject {
    Q_OBJECT
public:
    explicit UserMessages(QMainWindow& window);

    void showError(const QString& title, const QString& message);
    // Runs `action`; if it throws, shows the error under `title` and returns false.
    bool guarded(const QString& title, const std::function<void()>& action);
    QString lastError() const { return lastError_; }

    // Message boxes are skipped when false (scripted runs); errors still reach lastError().
    bool isInteractive() const { return interactive_; }
    void setInteractive(bool interactive) { interactive_ = interactive; }

private:
    QMainWindow& window_;
    QString lastError_;
    bool interactive_ = true;
};

}  // namespace maillage::gui
