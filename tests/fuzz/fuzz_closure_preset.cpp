// Road closure presets (JSON files in data/closures/ or the user's own).
#include "fuzz_support.h"
#include "planning/closure_presets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        (void)maillage::readClosurePreset(maillage::fuzz::scratchFile(json, QStringLiteral(".json")));
    } catch (const maillage::Error&) {
    }
    return 0;
}
