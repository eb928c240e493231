#include "common/atomic_file.h"

#include "common/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStringList>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace maillage {
namespace {

QString systemError() { return QString::fromLocal8Bit(std::strerror(errno)); }

// fsync of a file or a folder (a rename is durable only once its folder is synced).
bool syncPath(const QString& path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) return false;
    const bool synced = ::fsync(fd) == 0 || errno == EINVAL;  // some file systems cannot sync folders
    ::close(fd);
    return synced;
}

}  // namespace

AtomicFile::AtomicFile(const QString& target) : target_(target)
{
    const QFileInfo info(target);
    const QDir folder = info.absoluteDir();
    if (!folder.exists())
        throw Error(QStringLiteral("cannot write %1: the folder %2 does not exist").arg(target, folder.path()));
    if (info.isDir()) throw Error(QStringLiteral("cannot write %1: it is a folder").arg(target));
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    // O_EXCL reserves the name: another run (or thread) never gets the same one.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString candidate =
            folder.filePath(QStringLiteral(".%1.%2.partial%3")
                                .arg(info.fileName())
                                .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))
                                .arg(suffix));
        const int fd = ::open(QFile::encodeName(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::close(fd);
            // Writers such as GDAL create the file themselves: the empty placeholder goes, the
            // random name stays ours.
            ::unlink(QFile::encodeName(candidate).constData());
            temporary_ = candidate;
            return;
        }
        if (errno != EEXIST) throw Error(QStringLiteral("cannot write %1: %2").arg(target, systemError()));
    }
    throw Error(QStringLiteral("cannot write %1: no free temporary name in %2").arg(target, folder.path()));
}

AtomicFile::~AtomicFile()
{
    if (!committed_) QFile::remove(temporary_);
}

void AtomicFile::commit()
{
    const QByteArray from = QFile::encodeName(temporary_);
    const QByteArray to = QFile::encodeName(target_);
    if (!QFileInfo::exists(temporary_))
        throw Error(QStringLiteral("cannot write %1: the file was not produced").arg(target_));
    if (!syncPath(temporary_, false)) throw Error(QStringLiteral("cannot write %1: %2").arg(target_, systemError()));
    // rename(2), not QFile::rename: it replaces an existing target in one step.
    if (std::rename(from.constData(), to.constData()) != 0)
        throw Error(QStringLiteral("cannot write %1: %2").arg(target_, systemError()));
    committed_ = true;
    syncPath(QFileInfo(target_).absolutePath(), true);
}

void writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    AtomicFile output(path);
    const int fd =
        ::open(QFile::encodeName(output.temporaryPath()).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw Error(QStringLiteral("cannot write %1: %2").arg(path, systemError()));
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, std::size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const QString why = n < 0 ? systemError() : QStringLiteral("nothing written");
            ::close(fd);
            throw Error(QStringLiteral("cannot write %1: %2 (%3 of %4 bytes written)")
                            .arg(path, why)
                            .arg(written)
                            .arg(bytes.size()));
        }
        written += n;
    }
    if (::close(fd) != 0) throw Error(QStringLiteral("cannot write %1: %2").arg(path, systemError()));
    output.commit();
}

void refuseOverwritingInput(const QString& output, const QString& what, const QStringList& inputs)
{
    struct stat outputStat {};
    const bool outputExists = ::stat(QFile::encodeName(output).constData(), &outputStat) == 0;
    const QString outputPath = QFileInfo(output).absoluteFilePath();
    for (const QString& input : inputs) {
        if (input.isEmpty() || !QFileInfo::exists(input)) continue;
        bool same = QFileInfo(input).absoluteFilePath() == outputPath;
        struct stat inputStat {};
        if (!same && outputExists && ::stat(QFile::encodeName(input).constData(), &inputStat) == 0)
            same = inputStat.st_dev == outputStat.st_dev && inputStat.st_ino == outputStat.st_ino;
        if (same)
            throw Error(QStringLiteral("%1 %2 is the input file %3: writing there would destroy it; choose another file")
                            .arg(what, output, input));
    }
}

}  // namespace maillage
