#include "common/memory_budget.h"

#include <QByteArray>
#include <QFile>
#include <QtGlobal>

#include <algorithm>

#include <unistd.h>

namespace maillage {

std::uint64_t memoryBudgetBytes()
{
    bool ok = false;
    const qint64 megabytes = qEnvironmentVariableIntValue("MAILLAGE_MEMORY_MB", &ok);
    if (ok && megabytes > 0) return std::uint64_t(megabytes) * 1024 * 1024;
    // Default: 4 GB, or half the machine's memory when it has less than 8 GB. A 200 m grid over
    // a département takes about 100 MB; more than 4 GB means cells of about 20 m, which is
    // rather a mistake than a plan (MAILLAGE_MEMORY_MB allows it).
    constexpr std::uint64_t kDefaultBudget = std::uint64_t(4) << 30;
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && pageSize > 0) return std::min(kDefaultBudget, std::uint64_t(pages) * std::uint64_t(pageSize) / 2);
    return kDefaultBudget;
}

std::uint64_t availableMemoryBytes()
{
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : meminfo.readAll().split('\n'))
        if (line.startsWith("MemAvailable:"))
            return std::uint64_t(line.mid(13).trimmed().split(' ').front().toDouble() * 1024.0);
    return 0;
}

QString memoryText(double bytes)
{
    if (bytes >= 1e9) return QStringLiteral("%1 GB").arg(bytes / 1e9, 0, 'f', 1);
    if (bytes >= 1e6) return QStringLiteral("%1 MB").arg(qRound64(bytes / 1e6));
    return QStringLiteral("%1 kB").arg(qRound64(bytes / 1e3));
}

}  // namespace maillage
