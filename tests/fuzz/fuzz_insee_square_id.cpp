// The INSEE square id parser (population grid files): `CRS3035RES{size}mN{north}E{east}`.
// Checked against a plain reading of the same text: an id is accepted only when it has that
// shape with ASCII digits, and then gives exactly the numbers written, a positive size.
#include "fuzz_support.h"
#include "population/population_pieces.h"

#include <cmath>
#include <optional>

namespace {

// The digits at `at` as a number (nullopt when none or more than 9: EPSG:3035 coordinates are under 10^8 m).
std::optional<double> digitsAt(const QByteArray& text, qsizetype& at)
{
    double value = 0.0;
    const qsizetype start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') value = value * 10.0 + (text[at++] - '0');
    if (at == start || at - start > 9) return std::nullopt;
    return value;
}

bool takeWord(const QByteArray& text, qsizetype& at, const char* word)
{
    const QByteArray expected(word);
    if (text.mid(at, expected.size()).toUpper() != expected) return false;
    at += expected.size();
    return true;
}

std::optional<maillage::InseeSquare> plainReading(const QString& id)
{
    const QByteArray text = id.trimmed().toUtf8();
    qsizetype at = 0;
    std::optional<double> size, north, east;
    if (!takeWord(text, at, "CRS3035RES") || !(size = digitsAt(text, at)) || !takeWord(text, at, "MN")
        || !(north = digitsAt(text, at)) || !takeWord(text, at, "E") || !(east = digitsAt(text, at)) || at != text.size()
        || *size <= 0.0)
        return std::nullopt;
    return maillage::InseeSquare{*east, *north, *size};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString id = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const std::optional<maillage::InseeSquare> parsed = maillage::parseInseeSquareId(id);
    const std::optional<maillage::InseeSquare> expected = plainReading(id);
    if (parsed.has_value() != expected.has_value()) __builtin_trap();
    if (parsed && (parsed->east != expected->east || parsed->north != expected->north || parsed->size != expected->size))
        __builtin_trap();
    return 0;
}
