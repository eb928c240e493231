#pragma once

#include <QString>
#include <stdexcept>

namespace maillage {

// The one exception type core throws for bad input or a failed operation. Its message is
// meant for the user: it names the file, layer, field, line or feature at fault.
class Error : public std::runtime_error {
public:
    explicit Error(const QString& message) : std::runtime_error(message.toStdString()), message_(message) {}
    const QString& message() const { return message_; }

private:
    QString message_;
};

}  // namespace maillage
