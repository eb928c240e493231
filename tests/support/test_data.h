#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>

namespace maillage::test {

// Path of a file in the shared reference data folder (../shared/data), e.g. "04/limites-04.gpkg".
QString sharedData(const QString& relativePath);

// Path of the built `maillage` command-line program.
QString cliPath();

// A fresh temporary folder, removed when the object goes out of scope.
class ScratchDir {
public:
    ScratchDir();
    QString path(const QString& name) const;

private:
    QTemporaryDir dir_;
};

// What a run of the command-line program returned and printed.
struct CliRun {
    int exitCode = -1;  // -1 when it crashed
    QString out;
    QString err;
};

// Runs `maillage` with these arguments and waits for it (the test fails past `timeoutMs`).
CliRun runCli(const QStringList& arguments, int timeoutMs = 300'000);

// Writes `bytes` to the file `name` of `dir` (created or replaced) and gives its path; the
// test fails when it cannot.
QString writeFile(const ScratchDir& dir, const QString& name, const QByteArray& bytes);

// The message of the maillage::Error `action` throws; empty when it throws none.
QString errorMessage(const std::function<void()>& action);

}  // namespace maillage::test
