#include "network/speed_profile.h"

#include "common/error.h"
#include "network/snapping.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace maillage {
namespace {

constexpr std::array<const char*, kRoadClassCount> kClassNames{
    "motorway",      "motorway_link",  "trunk",    "trunk_link",    "primary",      "primary_link",
    "secondary",     "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential",
    "living_street", "service",        "track",    "unknown",
};

// The main class of a *_link class (links are listed right after their road).
std::optional<RoadClass> mainClassOfLink(RoadClass roadClass)
{
    switch (roadClass) {
    case RoadClass::MotorwayLink: return RoadClass::Motorway;
    case RoadClass::TrunkLink: return RoadClass::Trunk;
    case RoadClass::PrimaryLink: return RoadClass::Primary;
    case RoadClass::SecondaryLink: return RoadClass::Secondary;
    case RoadClass::TertiaryLink: return RoadClass::Tertiary;
    default: return std::nullopt;
    }
}

class ProfileReader {
public:
    explicit ProfileReader(QString origin) : origin_(std::move(origin)) {}

    [[noreturn]] void fail(const QString& what) const
    {
        throw Error(QStringLiteral("speed profile %1: %2").arg(origin_, what));
    }

    double positiveNumber(const QJsonObject& object, const QString& key, const QString& where) const
    {
        const QJsonValue value = object.value(key);
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() <= 0.0)
            fail(QStringLiteral("\"%1\" must be a positive number (got %2)")
                     .arg(where.isEmpty() ? key : where + QLatin1Char('.') + key, describe(value)));
        return value.toDouble();
    }

    double detour(const QJsonObject& object, const QString& key, const QString& where) const
    {
        const double value = positiveNumber(object, key, where);
        if (value < 1.0 || value > 3.0)
            fail(QStringLiteral("\"%1\" must be between 1 and 3 (got %2): roads are not shorter than "
                                "the straight line")
                     .arg(where.isEmpty() ? key : where + QLatin1Char('.') + key)
                     .arg(value));
        return value;
    }

    void rejectUnknownKeys(const QJsonObject& object, const QSet<QString>& known, const QString& where) const
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (known.contains(it.key()) || it.key().startsWith(QLatin1Char('_'))) continue;
            QStringList names(known.begin(), known.end());
            names.sort();
            fail(QStringLiteral("unknown key \"%1\"%2 (expected one of: %3)")
                     .arg(it.key(), where.isEmpty() ? QString() : QStringLiteral(" in \"%1\"").arg(where),
                          names.join(QStringLiteral(", "))));
        }
    }

    QJsonObject object(const QJsonObject& parent, const QString& key, bool required) const
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() && !required) return {};
        if (!value.isObject()) fail(QStringLiteral("\"%1\" must be an object (got %2)").arg(key, describe(value)));
        return value.toObject();
    }

    static QString describe(const QJsonValue& value)
    {
        switch (value.type()) {
        case QJsonValue::Undefined: return QStringLiteral("nothing");
        case QJsonValue::Null: return QStringLiteral("null");
        case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double: return QString::number(value.toDouble());
        case QJsonValue::String: return QLatin1Char('"') + value.toString() + QLatin1Char('"');
        case QJsonValue::Array: return QStringLiteral("an array");
        case QJsonValue::Object: return QStringLiteral("an object");
        }
        return QStringLiteral("?");
    }

    RoadClass roadClass(const QString& name, const QString& where) const
    {
        if (const auto known = roadClassFromName(name)) return *known;
        QStringList names;
        for (const char* n : kClassNames) names << QString::fromLatin1(n);
        fail(QStringLiteral("unknown road class \"%1\" in \"%2\" (known classes: %3)")
                 .arg(name, where, names.join(QStringLiteral(", "))));
    }

private:
    QString origin_;
};

void readSpeeds(const ProfileReader& reader, const QJsonObject& speeds, SpeedProfile& profile)
{
    std::array<bool, kRoadClassCount> given{};
    for (auto it = speeds.begin(); it != speeds.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('_'))) continue;
        const RoadClass roadClass = reader.roadClass(it.key(), QStringLiteral("speeds_kmh"));
        const double kmh = reader.positiveNumber(speeds, it.key(), QStringLiteral("speeds_kmh"));
        if (kmh > 200.0)
            reader.fail(QStringLiteral("\"speeds_kmh.%1\" = %2 km/h is not a driving speed").arg(it.key()).arg(kmh));
        profile.classKmh[static_cast<int>(roadClass)] = kmh;
        given[static_cast<int>(roadClass)] = true;
    }
    if (!given[static_cast<int>(RoadClass::Unknown)])
        reader.fail(
            QStringLiteral("\"speeds_kmh\" must give the speed of class \"unknown\" (used for any class not listed)"));
    // Classes not listed: a link takes its road's speed, anything else the "unknown" speed.
    for (int i = 0; i < kRoadClassCount; ++i) {
        if (given[i]) continue;
        const auto main = mainClassOfLink(static_cast<RoadClass>(i));
        profile.classKmh[i] = (main && given[static_cast<int>(*main)])
                                  ? profile.classKmh[static_cast<int>(*main)]
                                  : profile.classKmh[static_cast<int>(RoadClass::Unknown)];
    }
}

void readRefClasses(const ProfileReader& reader, const QJsonValue& value, SpeedProfile& profile)
{
    if (value.isUndefined()) return;
    if (!value.isArray()) reader.fail(QStringLiteral("\"class_from_ref\" must be an array of {\"pattern\", \"class\"}"));
    const QJsonArray rules = value.toArray();
    for (int i = 0; i < rules.size(); ++i) {
        const QString where = QStringLiteral("class_from_ref[%1]").arg(i);
        const QJsonObject rule = rules.at(i).toObject();
        const QString pattern = rule.value(QStringLiteral("pattern")).toString();
        const QString className = rule.value(QStringLiteral("class")).toString();
        if (pattern.isEmpty() || className.isEmpty())
            reader.fail(QStringLiteral("\"%1\" needs a \"pattern\" and a \"class\"").arg(where));
        QRegularExpression regex(QRegularExpression::anchoredPattern(pattern), QRegularExpression::CaseInsensitiveOption);
        if (!regex.isValid())
            reader.fail(QStringLiteral("\"%1\": invalid pattern \"%2\": %3").arg(where, pattern, regex.errorString()));
        profile.refClasses.push_back({regex, reader.roadClass(className, where)});
    }
}

// The file's one JSON object, with no key we do not know (a misspelt key would silently
// leave its default in place).
QJsonObject readRoot(const ProfileReader& reader, const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = static_cast<int>(json.left(parseError.offset).count('\n')) + 1;
        reader.fail(QStringLiteral("invalid JSON at line %1: %2").arg(line).arg(parseError.errorString()));
    }
    if (!document.isObject()) reader.fail(QStringLiteral("the file must hold one JSON object"));
    const QJsonObject root = document.object();
    reader.rejectUnknownKeys(root,
                             {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("speeds_kmh"),
                              QStringLiteral("maxspeed"), QStringLiteral("detour_factor"), QStringLiteral("class_from_ref"),
                              QStringLiteral("access"), QStringLiteral("max_snap_metres"), QStringLiteral("town_connectors"),
                              QStringLiteral("curvature"), QStringLiteral("built_up")},
                             QString());
    return root;
}

void readMaxspeed(const ProfileReader& reader, const QJsonObject& maxspeed, SpeedProfile& profile)
{
    reader.rejectUnknownKeys(maxspeed, {QStringLiteral("use"), QStringLiteral("factor"), QStringLiteral("cap_kmh")},
                             QStringLiteral("maxspeed"));
    profile.useMaxspeed = maxspeed.value(QStringLiteral("use")).toBool(false);
    if (maxspeed.contains(QStringLiteral("factor"))) {
        profile.maxspeedFactor = reader.positiveNumber(maxspeed, QStringLiteral("factor"), QStringLiteral("maxspeed"));
        if (profile.maxspeedFactor > 1.2)
            reader.fail(QStringLiteral("\"maxspeed.factor\" = %1: nobody drives that far above the limit on average")
                            .arg(profile.maxspeedFactor));
    }
    if (maxspeed.contains(QStringLiteral("cap_kmh")))
        profile.maxspeedCapKmh = reader.positiveNumber(maxspeed, QStringLiteral("cap_kmh"), QStringLiteral("maxspeed"));
}

void readCurvature(const ProfileReader& reader, const QJsonObject& curvature, SpeedProfile& profile)
{
    reader.rejectUnknownKeys(curvature, {QStringLiteral("lateral_acceleration_ms2"), QStringLiteral("half_chord_m")},
                             QStringLiteral("curvature"));
    if (!curvature.isEmpty()) {
        const QString where = QStringLiteral("curvature");
        profile.lateralAccelerationMs2 = reader.positiveNumber(curvature, QStringLiteral("lateral_acceleration_ms2"), where);
        if (profile.lateralAccelerationMs2 > 8.0)
            reader.fail(
                QStringLiteral(
                    "\"curvature.lateral_acceleration_ms2\" = %1: above what tyres hold on a dry road (about 8 m/s²)")
                    .arg(profile.lateralAccelerationMs2));
        if (curvature.contains(QStringLiteral("half_chord_m")))
            profile.curvatureHalfChordMetres = reader.positiveNumber(curvature, QStringLiteral("half_chord_m"), where);
        if (profile.curvatureHalfChordMetres < 5.0 || profile.curvatureHalfChordMetres > 200.0)
            reader.fail(QStringLiteral("\"curvature.half_chord_m\" = %1: must be between 5 and 200 metres")
                            .arg(profile.curvatureHalfChordMetres));
    }
}

void readBuiltUp(const ProfileReader& reader, const QJsonObject& builtUp, SpeedProfile& profile)
{
    reader.rejectUnknownKeys(builtUp,
                             {QStringLiteral("speed_kmh"), QStringLiteral("radius_m"), QStringLiteral("min_junctions")},
                             QStringLiteral("built_up"));
    if (!builtUp.isEmpty()) {
        const QString where = QStringLiteral("built_up");
        profile.builtUpKmh = reader.positiveNumber(builtUp, QStringLiteral("speed_kmh"), where);
        if (builtUp.contains(QStringLiteral("radius_m")))
            profile.builtUpRadiusMetres = reader.positiveNumber(builtUp, QStringLiteral("radius_m"), where);
        if (builtUp.contains(QStringLiteral("min_junctions")))
            profile.builtUpMinJunctions =
                static_cast<int>(reader.positiveNumber(builtUp, QStringLiteral("min_junctions"), where));
        if (profile.builtUpRadiusMetres < 50.0 || profile.builtUpRadiusMetres > 2000.0)
            reader.fail(QStringLiteral("\"built_up.radius_m\" = %1: must be between 50 and 2000 metres")
                            .arg(profile.builtUpRadiusMetres));
    }
}

void readAccess(const ProfileReader& reader, const QJsonObject& access, SpeedProfile& profile)
{
    reader.rejectUnknownKeys(
        access,
        {QStringLiteral("speed_kmh"), QStringLiteral("detour_factor"), QStringLiteral("terminal_seconds"),
         QStringLiteral("entry_radius_m"), QStringLiteral("max_entries")},
        QStringLiteral("access"));
    if (access.contains(QStringLiteral("speed_kmh")))
        profile.accessKmh = reader.positiveNumber(access, QStringLiteral("speed_kmh"), QStringLiteral("access"));
    if (access.contains(QStringLiteral("detour_factor")))
        profile.accessDetour = reader.detour(access, QStringLiteral("detour_factor"), QStringLiteral("access"));
    if (access.contains(QStringLiteral("terminal_seconds"))) {
        const QJsonValue terminal = access.value(QStringLiteral("terminal_seconds"));
        if (!terminal.isDouble() || terminal.toDouble() < 0.0 || terminal.toDouble() > 900.0)
            reader.fail(QStringLiteral("\"access.terminal_seconds\" must be a number of seconds between 0 and 900 (got %1)")
                            .arg(ProfileReader::describe(terminal)));
        profile.terminalSeconds = terminal.toDouble();
    }
    if (access.contains(QStringLiteral("entry_radius_m"))) {
        const QJsonValue radius = access.value(QStringLiteral("entry_radius_m"));
        if (!radius.isDouble() || radius.toDouble() < 0.0 || radius.toDouble() > 20'000.0)
            reader.fail(QStringLiteral("\"access.entry_radius_m\" must be a number of metres between 0 and 20000 (got %1)")
                            .arg(ProfileReader::describe(radius)));
        profile.accessEntryRadiusMetres = radius.toDouble();
    }
    if (access.contains(QStringLiteral("max_entries"))) {
        const QJsonValue entries = access.value(QStringLiteral("max_entries"));
        const double count = entries.toDouble(-1.0);
        if (!entries.isDouble() || count < 0.0 || count > kMaxSnapEntries || count != std::floor(count))
            reader.fail(QStringLiteral("\"access.max_entries\" must be a whole number between 0 and %1 (got %2)")
                            .arg(kMaxSnapEntries)
                            .arg(ProfileReader::describe(entries)));
        profile.accessMaxEntries = std::max(1, int(count));
    }
}

void readTownConnectors(const ProfileReader& reader, const QJsonObject& towns, SpeedProfile& profile)
{
    reader.rejectUnknownKeys(
        towns, {QStringLiteral("metres_per_sqrt_inhabitant"), QStringLiteral("min_metres"), QStringLiteral("max_metres")},
        QStringLiteral("town_connectors"));
    if (!towns.isEmpty()) {
        const QString where = QStringLiteral("town_connectors");
        profile.townMetresPerSqrtInhabitant =
            reader.positiveNumber(towns, QStringLiteral("metres_per_sqrt_inhabitant"), where);
        if (towns.contains(QStringLiteral("min_metres")))
            profile.townMinMetres = reader.positiveNumber(towns, QStringLiteral("min_metres"), where);
        if (towns.contains(QStringLiteral("max_metres")))
            profile.townMaxMetres = reader.positiveNumber(towns, QStringLiteral("max_metres"), where);
        if (profile.townMinMetres > profile.townMaxMetres)
            reader.fail(QStringLiteral("\"town_connectors.min_metres\" (%1) is above \"max_metres\" (%2)")
                            .arg(profile.townMinMetres)
                            .arg(profile.townMaxMetres));
    }
}

}  // namespace

QString roadClassName(RoadClass roadClass) { return QString::fromLatin1(kClassNames[static_cast<int>(roadClass)]); }

std::optional<RoadClass> roadClassFromName(const QString& name)
{
    // Without a copy: the OSM extraction asks once per highway way.
    const QStringView key = QStringView(name).trimmed();
    for (int i = 0; i < kRoadClassCount; ++i)
        if (key.compare(QLatin1String(kClassNames[i]), Qt::CaseInsensitive) == 0) return static_cast<RoadClass>(i);
    return std::nullopt;
}

double SpeedProfile::edgeKmh(RoadClass roadClass, std::optional<double> maxspeedKmh) const
{
    if (useMaxspeed && maxspeedKmh && *maxspeedKmh > 0.0) return std::min(*maxspeedKmh * maxspeedFactor, maxspeedCapKmh);
    return speedKmh(roadClass);
}

double SpeedProfile::accessSeconds(double straightMetres) const
{
    return secondsFor(accessMetres(straightMetres), accessKmh) + terminalSeconds;
}

double SpeedProfile::townRadiusMetres(double population) const
{
    if (townMetresPerSqrtInhabitant <= 0.0) return 0.0;
    return std::clamp(townMetresPerSqrtInhabitant * std::sqrt(std::max(population, 0.0)), townMinMetres, townMaxMetres);
}

RoadClass SpeedProfile::classForRef(RoadClass fromData, const QString& ref) const
{
    if (ref.isEmpty()) return fromData;
    for (const RefClassRule& rule : refClasses)
        if (rule.pattern.match(ref).hasMatch()) return rule.roadClass;
    return fromData;
}

SpeedProfile parseSpeedProfile(const QByteArray& json, const QString& origin)
{
    const ProfileReader reader(origin);
    const QJsonObject root = readRoot(reader, json);

    SpeedProfile profile;
    profile.sourceFile = origin;
    profile.name = root.value(QStringLiteral("name")).toString(QFileInfo(origin).completeBaseName());
    profile.description = root.value(QStringLiteral("description")).toString();

    // One section after the other: of several mistakes, the first met in this order is told.
    readSpeeds(reader, reader.object(root, QStringLiteral("speeds_kmh"), true), profile);
    readMaxspeed(reader, reader.object(root, QStringLiteral("maxspeed"), false), profile);
    if (root.contains(QStringLiteral("detour_factor")))
        profile.detourFactor = reader.detour(root, QStringLiteral("detour_factor"), QString());
    readRefClasses(reader, root.value(QStringLiteral("class_from_ref")), profile);
    readCurvature(reader, reader.object(root, QStringLiteral("curvature"), false), profile);
    readBuiltUp(reader, reader.object(root, QStringLiteral("built_up"), false), profile);
    readAccess(reader, reader.object(root, QStringLiteral("access"), false), profile);
    if (root.contains(QStringLiteral("max_snap_metres")))
        profile.maxSnapMetres = reader.positiveNumber(root, QStringLiteral("max_snap_metres"), QString());
    readTownConnectors(reader, reader.object(root, QStringLiteral("town_connectors"), false), profile);
    return profile;
}

QStringList builtinProfileNames()
{
    QStringList names;
    for (const QString& file :
         QDir(QStringLiteral(":/data/profiles")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names << QFileInfo(file).completeBaseName();
    return names;
}

SpeedProfile loadSpeedProfile(const QString& nameOrPath)
{
    const bool looksLikePath = nameOrPath.contains(QLatin1Char('/')) || nameOrPath.contains(QLatin1Char('\\'))
                               || nameOrPath.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
    const QString path = looksLikePath ? nameOrPath : QStringLiteral(":/data/profiles/%1.json").arg(nameOrPath);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!looksLikePath)
            throw Error(QStringLiteral("unknown speed profile \"%1\" (built-in profiles: %2; or give a .json file)")
                            .arg(nameOrPath, builtinProfileNames().join(QStringLiteral(", "))));
        throw Error(QStringLiteral("cannot read speed profile %1: %2").arg(path, file.errorString()));
    }
    return parseSpeedProfile(file.readAll(), path);
}

std::optional<double> parseMaxspeed(const QString& value)
{
    QString text = value.trimmed().toLower();
    if (text.isEmpty()) return std::nullopt;
    // Several values ("50;30" for lanes or conditions): the first one is the usual limit.
    text = text.section(QLatin1Char(';'), 0, 0).trimmed();
    if (text == QLatin1String("none") || text == QLatin1String("unlimited")) return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("walk")) return 6.0;
    if (text.contains(QLatin1Char(':'))) {
        // Implicit limits, "<country>:<kind>" (France's values; other countries are close).
        const QString kind = text.section(QLatin1Char(':'), 1);
        if (kind == QLatin1String("motorway")) return 130.0;
        if (kind == QLatin1String("trunk") || kind == QLatin1String("expressway")) return 110.0;
        if (kind == QLatin1String("rural")) return 80.0;  // France lowered 90 to 80 in 2018
        if (kind == QLatin1String("urban")) return 50.0;
        if (kind == QLatin1String("living_street")) return 20.0;
        if (kind == QLatin1String("walk")) return 6.0;
        if (kind.startsWith(QLatin1String("zone")))  // "zone30", "zone:30"
            if (const auto digits = kind.mid(4).remove(QLatin1Char(':')).toDouble(); digits > 0) return digits;
        return std::nullopt;
    }
    double factor = 1.0;
    if (text.endsWith(QLatin1String("mph"))) {
        factor = 1.609344;
        text.chop(3);
    } else if (text.endsWith(QLatin1String("km/h"))) {
        text.chop(4);
    } else if (text.endsWith(QLatin1String("kmh"))) {
        text.chop(3);
    } else if (text.endsWith(QLatin1String("knots"))) {
        factor = 1.852;
        text.chop(5);
    }
    bool ok = false;
    const double number = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number) || number <= 0.0 || number > 300.0) return std::nullopt;
    return number * factor;
}

}  // namespace maillage
