#pragma once

// Shared by the libFuzzer targets: quiet GDAL, a scratch file per process, and the one
// exception a reader may throw on bad input (maillage::Error). Anything else — a crash, a
// sanitizer report, another exception, a hang — is a finding.
#include "common/error.h"
#include "common/gdal.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cpl_error.h>
#include <gdal_priv.h>

#include <unistd.h>

namespace maillage::fuzz {

inline void quietGdal()
{
    CPLSetErrorHandler(CPLQuietErrorHandler);
    maillage::registerGdal();
}

// A file of this process holding `bytes`, named with `suffix` (readers pick formats by it).
inline QString scratchFile(const QByteArray& bytes, const QString& suffix)
{
    static const QString folder = [] {
        const QString path = QDir::temp().filePath(QStringLiteral("maillage-fuzz-%1").arg(::getpid()));
        QDir().mkpath(path);
        return path;
    }();
    const QString path = QDir(folder).filePath(QStringLiteral("input") + suffix);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) __builtin_trap();
    file.write(bytes);
    return path;
}

// A GDAL in-memory file holding `bytes` (removed by the caller with VSIUnlink).
inline QString memoryFile(const QByteArray& bytes, const QString& name)
{
    const QString path = QStringLiteral("/vsimem/") + name;
    VSILFILE* file = VSIFOpenL(path.toUtf8().constData(), "wb");
    if (!file) __builtin_trap();
    VSIFWriteL(bytes.constData(), 1, std::size_t(bytes.size()), file);
    VSIFCloseL(file);
    return path;
}

}  // namespace maillage::fuzz
