#include "support/test_data.h"

#include "common/error.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
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

CliRun runCli(const QStringList& arguments, int timeoutMs)
{
    QProcess process;
    process.start(cliPath(), arguments);
    REQUIRE(process.waitForFinished(timeoutMs));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString writeFile(const ScratchDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.path(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return path;
}

QString errorMessage(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& e) {
        return e.message();
    }
    return {};
}

}  // namespace maillage::test
