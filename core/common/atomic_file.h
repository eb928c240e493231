#pragma once

#include <QByteArray>
#include <QString>

namespace maillage {

// A result file written under a unique temporary name beside its target and renamed over it
// only once complete (POSIX rename replaces the target in one step): a process killed at any
// moment leaves the previous file or the new one under the final name, never a partial one.
// Two runs writing the same target never share a temporary name. The temporary file is
// removed when the object dies without commit() (an exception, a failed write).
//
// Writers that need a file name (GDAL, SQLite) write to temporaryPath(); commit() then makes
// the file durable (fsync) and renames it. For bytes in memory, see writeFileAtomically().
class AtomicFile {
public:
    // Reserves the temporary name ".<name>.<random>.partial.<suffix>" in the target's folder
    // (the suffix is kept, as GDAL picks drivers by it). Throws Error naming the target when
    // its folder does not exist or cannot be written.
    explicit AtomicFile(const QString& target);
    ~AtomicFile();
    Q_DISABLE_COPY(AtomicFile)

    const QString& target() const { return target_; }
    const QString& temporaryPath() const { return temporary_; }

    // Syncs the temporary file to disk, renames it over the target and syncs the folder.
    // Throws Error naming the target when the file is missing or any step fails.
    void commit();

private:
    QString target_;
    QString temporary_;
    bool committed_ = false;
};

// Writes `bytes` to `path` through an AtomicFile, checking that every byte was written (a full
// disk or a file size limit gives an Error naming the file, and the previous file stays).
void writeFileAtomically(const QString& path, const QByteArray& bytes);

// Throws Error with one line when `output` is the same file as one of `inputs` (same path,
// a symbolic link to it or a hard link of it): writing the result would destroy the input.
// `what` names the option, e.g. "--out". Inputs that do not exist are ignored.
void refuseOverwritingInput(const QString& output, const QString& what, const QStringList& inputs);

}  // namespace maillage
