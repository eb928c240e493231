#include "user_messages.h"

#include "common/error.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace maillage::gui {

QString userMessage(const std::exception& error)
{
    if (const auto* own = dynamic_cast<const Error*>(&error)) return own->message();
    return QString::fromLocal8Bit(error.what());
}

UserMessages::UserMessages(QMainWindow& window) : QObject(&window), window_(window) {}

void UserMessages::showError(const QString& title, const QString& message)
{
    lastError_ = message;
    window_.statusBar()->showMessage(message, 10000);
    if (!interactive_) return;
    // Window-modal but not blocking: the application keeps running behind the message.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, &window_);
    box->button(QMessageBox::Ok)->setText(tr("OK"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool UserMessages::guarded(const QString& title, const std::function<void()>& action)
{
    try {
        action();
        return true;
    } catch (const std::exception& e) {
        showError(title, userMessage(e));
        return false;
    }
}

}  // namespace maillage::gui
