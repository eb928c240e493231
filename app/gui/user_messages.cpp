#include "user_messages.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace maillage::gui {

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

}  // namespace maillage::gui
