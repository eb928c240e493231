// The importers' row parsing: the three published lists (town halls, ANCT France services, La
// Poste) and the generic CSV mapping. The first byte picks the reader.
#include "fuzz_support.h"
#include "importers/point_importers.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    maillage::fuzz::quietGdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1) return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const QString path = maillage::fuzz::scratchFile(bytes, QStringLiteral(".csv"));
    try {
        switch (data[0] % 4) {
        case 0: maillage::readMairiesCsv(path); break;
        case 1: maillage::readFranceServicesCsv(path); break;
        case 2: maillage::readLaPosteCsv(path); break;
        default: {
            maillage::PointMapping mapping;
            mapping.idField = QStringLiteral("id");
            mapping.kindField = QStringLiteral("kind");
            mapping.levelField = QStringLiteral("level");
            maillage::readGenericPoints(path, mapping);
        }
        }
    } catch (const maillage::Error&) {
    }
    return 0;
}
