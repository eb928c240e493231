#include "planning/closure_presets.h"

#include "common/error.h"
#include "geo/crs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace maillage {

ClosurePreset readClosurePreset(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("cannot read the road closures %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        throw Error(QStringLiteral("road closures %1: not a JSON object (%2 at byte %3)")
                        .arg(path, parseError.errorString())
                        .arg(parseError.offset));
    const QJsonObject root = document.object();
    ClosurePreset preset;
    preset.id = QFileInfo(path).completeBaseName();
    preset.name = root.value(QStringLiteral("name")).toString(preset.id);
    preset.nameEn = root.value(QStringLiteral("name_en")).toString(preset.name);
    preset.description = root.value(QStringLiteral("description")).toString();
    preset.departement = root.value(QStringLiteral("departement")).toString();
    preset.source = root.value(QStringLiteral("source")).toString();
    const QJsonArray closures = root.value(QStringLiteral("closures")).toArray();
    if (closures.isEmpty()) throw Error(QStringLiteral("road closures %1: no \"closures\" listed").arg(path));
    for (int i = 0; i < closures.size(); ++i) {
        const QJsonObject entry = closures[i].toObject();
        const auto fail = [&](const QString& why) {
            return Error(QStringLiteral("road closures %1, closure %2: %3").arg(path).arg(i + 1).arg(why));
        };
        RoadClosure closure;
        closure.method = ClosureMethod::Ref;
        closure.ref = entry.value(QStringLiteral("ref")).toString().trimmed();
        closure.note = entry.value(QStringLiteral("note")).toString();
        if (closure.ref.isEmpty() && entry.contains(QStringLiteral("at"))) {
            // A road the network carries without its number: the segment nearest to a place.
            const QJsonArray at = entry.value(QStringLiteral("at")).toArray();
            const LonLat place{at.size() == 2 ? at[1].toDouble(NAN) : NAN, at.size() == 2 ? at[0].toDouble(NAN) : NAN};
            if (!isValidLonLat(place)) throw fail(QStringLiteral("\"at\" must be [latitude, longitude]"));
            closure.method = ClosureMethod::Position;
            closure.centre = toLambert93(place);
            preset.closures.push_back(closure);
            continue;
        }
        if (closure.ref.isEmpty()) throw fail(QStringLiteral("no \"ref\" (road reference) or \"at\" (place) given"));
        if (entry.contains(QStringLiteral("near"))) {
            const QJsonArray near = entry.value(QStringLiteral("near")).toArray();
            const LonLat place{near.size() == 2 ? near[1].toDouble(NAN) : NAN,
                               near.size() == 2 ? near[0].toDouble(NAN) : NAN};
            if (!isValidLonLat(place)) throw fail(QStringLiteral("\"near\" must be [latitude, longitude]"));
            const double km = entry.value(QStringLiteral("radius_km")).toDouble(NAN);
            if (!(km > 0.0 && std::isfinite(km))) throw fail(QStringLiteral("\"radius_km\" must be a positive number"));
            closure.centre = toLambert93(place);
            closure.radiusMetres = km * 1000.0;
        }
        preset.closures.push_back(closure);
    }
    return preset;
}

std::vector<ClosurePreset> builtinClosurePresets()
{
    std::vector<ClosurePreset> presets;
    const QDir folder(QStringLiteral(":/data/closures"));
    for (const QString& name : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        presets.push_back(readClosurePreset(folder.filePath(name)));
    return presets;
}

}  // namespace maillage
