#include "support/test_data.h"

#include <QDir>
#include <stdexcept>

namespace maillage::test {

QString sharedData(const QString& relativePath)
{
    const QByteArray fromEnv = qgetenv("MAILLAGE_SHARED_DATA");
    const QString root = fromEnv.isEmpty() ? QStringLiteral(MAILLAGE_SHARED_DATA) : QString::fromLocal8Bit(fromEnv);
    return QDir(root).filePath(relativePath);
}

QString cliPath() { return QStringLiteral(MAILLAGE_CLI_PATH); }

ScratchDir::ScratchDir()
{
    if (!dir_.isValid()) throw std::runtime_error("cannot create a temporary folder");
}

QString ScratchDir::path(const QString& name) const { return dir_.filePath(name); }

}  // namespace maillage::test
