// The CSV table reader: decoding (UTF-8, Windows-1252, NUL bytes), quoting, line ends,
// delimiter guessing, field length bounds.
#include "fuzz_support.h"
#include "io/csv_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const maillage::CsvTable table =
            maillage::CsvTable::readFile(maillage::fuzz::scratchFile(bytes, QStringLiteral(".csv")));
        for (const maillage::CsvRecord& record : table.records()) (void)record.value(table.column(QStringLiteral("name")));
        (void)table.column(QStringLiteral("#Identifiant"));
    } catch (const maillage::Error&) {
    }
    return 0;
}
