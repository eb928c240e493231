// Speed profiles (JSON): the user's own files are read as the built-in ones.
#include "fuzz_support.h"
#include "network/speed_profile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const maillage::SpeedProfile profile = maillage::parseSpeedProfile(json, QStringLiteral("fuzz.json"));
        (void)profile;
    } catch (const maillage::Error&) {
    }
    return 0;
}
