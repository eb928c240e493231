#pragma once

#include <QString>
#include <QTemporaryDir>

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

}  // namespace maillage::test
