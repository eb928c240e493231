#include "io/territory_loader.h"

#include "common/error.h"
#include "geo/commune_index.h"
#include "geo/crs.h"
#include "io/ogr_source.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <cpl_error.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace maillage {
namespace {

// Layer names tried, in a data source holding several layers, when no name is given.
const QStringList kCommuneLayerNames{QStringLiteral("commune"), QStringLiteral("communes")};
const QStringList kEpciLayerNames{QStringLiteral("epci")};
const QStringList kOutlineLayerNames{QStringLiteral("departement"), QStringLiteral("departements"),
                                     QStringLiteral("département")};

// INSEE / ADMIN EXPRESS code of "member of no EPCI" (a few island communes).
const QString kNoEpci = QStringLiteral("ZZZZZZZZZ");

constexpr int kInseeDigits = 5;
constexpr int kSirenDigits = 9;

using MultiPolygonPtr = std::unique_ptr<OGRMultiPolygon, OGRGeometryUniquePtrDeleter>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// One opened layer, with what it takes to read it and to name it in messages.
struct SourceLayer {
    GdalDatasetPtr dataset;
    OGRLayer* layer = nullptr;
    QString path;
    QString name;
    TransformPtr toWorking;  // null when the layer is already in Lambert-93

    QString where() const { return QStringLiteral("%1, layer %2").arg(path, name); }
    QString where(const QString& feature) const { return where() + QStringLiteral(", ") + feature; }
    LoadWarning warning(const QString& feature, const QString& message) const { return {path, name, feature, message}; }
};

// What GDAL and GEOS report during a call (e.g. why a polygon is invalid), collected
// instead of printed on the console.
class GdalMessages {
public:
    GdalMessages() { CPLPushErrorHandlerEx(&GdalMessages::collect, this); }
    ~GdalMessages() { CPLPopErrorHandler(); }
    Q_DISABLE_COPY(GdalMessages)
    QString text() const { return messages_.join(QStringLiteral("; ")); }

private:
    static void CPL_STDCALL collect(CPLErr, CPLErrorNum, const char* message)
    {
        auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
        self->messages_ << QString::fromUtf8(message).trimmed();
    }
    QStringList messages_;
};

BBox envelopeOf(const OGRGeometry& geometry)
{
    OGREnvelope e;
    geometry.getEnvelope(&e);
    return {e.MinX, e.MinY, e.MaxX, e.MaxY};
}

// ---------------------------------------------------------------------------------------
// Opening a layer

QString chooseLayerName(GDALDataset& dataset, const LayerSource& source, const QStringList& usualNames, const QString& role)
{
    if (!source.layer.isEmpty() || dataset.GetLayerCount() <= 1) return source.layer;
    const QStringList names = layerNames(dataset);
    for (const QString& name : names)
        if (usualNames.contains(name, Qt::CaseInsensitive)) return name;
    throw Error(QStringLiteral("%1 holds several layers (%2): say which one holds the %3")
                    .arg(source.path, names.join(QStringLiteral(", ")), role));
}

TransformPtr transformToWorkingCrs(const OGRSpatialReference& layerCrs, const SourceLayer& source)
{
    // x = easting / longitude on both sides, whatever axis order the authority defines.
    OGRSpatialReference from(layerCrs);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference working;
    working.importFromEPSG(kWorkingEpsg);
    working.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (from.IsSame(&working)) return nullptr;

    CPLErrorReset();
    TransformPtr transform(OGRCreateCoordinateTransformation(&from, &working));
    if (!transform)
        throw Error(QStringLiteral("%1: cannot reproject from its CRS (%2) to Lambert-93: %3")
                        .arg(source.where(), QString::fromUtf8(from.GetName()), lastGdalError()));
    return transform;
}

// Opens the layer, checks it has polygons to read, a CRS and at least one feature.
SourceLayer openLayer(const LayerSource& layerSource, const QStringList& usualNames, const QString& role)
{
    SourceLayer source;
    source.path = layerSource.path;
    source.dataset = openVectorSource(layerSource.path);
    source.layer =
        findLayer(*source.dataset, layerSource.path, chooseLayerName(*source.dataset, layerSource, usualNames, role));
    source.name = QString::fromUtf8(source.layer->GetName());

    if (source.layer->GetLayerDefn()->GetGeomFieldCount() == 0)
        throw Error(QStringLiteral("%1 has no geometry: the %2 must be polygons").arg(source.where(), role));
    const OGRSpatialReference* crs = source.layer->GetSpatialRef();
    if (!crs)
        throw Error(QStringLiteral("%1 has no coordinate reference system (CRS), so its coordinates "
                                   "cannot be placed: define it (e.g. the .prj file of a Shapefile)")
                        .arg(source.where()));
    source.toWorking = transformToWorkingCrs(*crs, source);

    source.layer->ResetReading();
    if (!OGRFeatureUniquePtr(source.layer->GetNextFeature()))
        throw Error(QStringLiteral("%1 is empty: it holds no %2").arg(source.where(), role));
    source.layer->ResetReading();
    return source;
}

// ---------------------------------------------------------------------------------------
// Reading attributes

QString featureLabel(const OGRFeature& feature, const QString& codeField = {}, const QString& code = {})
{
    QString label = QStringLiteral("feature %1").arg(feature.GetFID());
    if (!code.isEmpty()) label += QStringLiteral(" (%1 %2)").arg(codeField, code);
    return label;
}

QString readText(const OGRFeature& feature, int field)
{
    if (field < 0 || !feature.IsFieldSetAndNotNull(field)) return {};
    return QString::fromUtf8(feature.GetFieldAsString(field)).trimmed();
}

// An INSEE or SIREN code. Stored as a number (a spreadsheet went by), it lost its leading
// zeros: "4070" is commune 04070.
QString readCode(const OGRFeature& feature, int field, int digits)
{
    if (!feature.IsFieldSetAndNotNull(field)) return {};
    const OGRFieldType type = feature.GetFieldDefnRef(field)->GetType();
    if (type == OFTInteger || type == OFTInteger64)
        return QStringLiteral("%1").arg(feature.GetFieldAsInteger64(field), digits, 10, QLatin1Char('0'));
    return readText(feature, field);
}

// Every feature of the layer; Error when the driver fails before its end (a damaged file).
std::vector<OGRFeatureUniquePtr> readFeatures(const SourceLayer& source)
{
    std::vector<OGRFeatureUniquePtr> features;
    source.layer->ResetReading();
    while (OGRFeatureUniquePtr feature = nextFeature(*source.layer, source.path)) features.push_back(std::move(feature));
    return features;
}

// A code that every feature of a layer must have, each its own (a commune's INSEE code, an
// EPCI's SIREN), and the label naming the feature by it.
struct CodedFeature {
    QString code;
    QString label;
};

// Reads the code of each feature of a layer in turn, from field `fieldName` (Error when the layer
// has no such field); throws Error naming the feature when the code is empty or already used by
// an earlier feature.
class UniqueCodeReader {
public:
    UniqueCodeReader(const SourceLayer& source, const QString& fieldName, int digits, const QString& codeName)
        : source_(source),
          field_(requireField(*source.layer, source.path, fieldName)),
          fieldName_(fieldName),
          digits_(digits),
          codeName_(codeName)
    {
    }

    CodedFeature read(const OGRFeature& feature)
    {
        const QString code = readCode(feature, field_, digits_);
        if (code.isEmpty())
            throw Error(QStringLiteral("%1: field %2 (%3 code) is empty")
                            .arg(source_.where(featureLabel(feature)), fieldName_, codeName_));
        const QString label = featureLabel(feature, fieldName_, code);
        if (labelOfCode_.contains(code))
            throw Error(QStringLiteral("%1: duplicate %2 code %3, already used by %4")
                            .arg(source_.where(label), codeName_, code, labelOfCode_.value(code)));
        labelOfCode_.insert(code, featureLabel(feature));
        return {code, label};
    }

private:
    const SourceLayer& source_;
    int field_;
    QString fieldName_;                    // as the features' labels and the errors name it
    int digits_;                           // the code's length, for readCode
    QString codeName_;                     // "INSEE", "SIREN"
    QHash<QString, QString> labelOfCode_;  // the codes seen so far in the layer
};

// More than the world's largest city: a wrong field or a broken value, not a commune.
constexpr qint64 kMaxPopulation = 100'000'000;

qint64 readPopulation(const OGRFeature& feature, int field, const SourceLayer& source, const QString& label,
                      const QString& fieldName)
{
    if (!feature.IsFieldSetAndNotNull(field))
        throw Error(QStringLiteral("%1: field %2 (population) is empty").arg(source.where(label), fieldName));
    qint64 population = 0;
    switch (feature.GetFieldDefnRef(field)->GetType()) {
    case OFTInteger:
    case OFTInteger64: population = feature.GetFieldAsInteger64(field); break;
    case OFTReal: {
        // Checked before rounding: llround of 1e19 overflows (it gave a negative population).
        const double value = feature.GetFieldAsDouble(field);
        if (!std::isfinite(value) || std::abs(value) > double(kMaxPopulation))
            throw Error(QStringLiteral("%1: field %2 (population) is not a plausible number of inhabitants: %3")
                            .arg(source.where(label), fieldName)
                            .arg(value));
        population = std::llround(value);
        break;
    }
    default: {
        // Text: accept French thousands separators ("17 192").
        QString text = readText(feature, field);
        text.remove(QLatin1Char(' ')).remove(QChar(0x00A0)).remove(QChar(0x202F));
        bool ok = false;
        population = text.toLongLong(&ok);
        if (!ok)
            throw Error(QStringLiteral("%1: field %2 (population) is not a number: \"%3\"")
                            .arg(source.where(label), fieldName, readText(feature, field)));
    }
    }
    if (population < 0)
        throw Error(
            QStringLiteral("%1: field %2 (population) is negative: %3").arg(source.where(label), fieldName).arg(population));
    if (population > kMaxPopulation)
        throw Error(QStringLiteral("%1: field %2 (population) is not a plausible number of inhabitants: %3")
                        .arg(source.where(label), fieldName)
                        .arg(population));
    return population;
}

// ---------------------------------------------------------------------------------------
// Reading polygons

// Adds the polygons of `geometry` (plain, curved, or inside a collection) to `into`;
// points and lines are dropped.
void collectPolygons(const OGRGeometry& geometry, OGRMultiPolygon& into)
{
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon) {
        into.addGeometry(&geometry);
    } else if (OGR_GT_IsSurface(type)) {
        OGRGeometryUniquePtr linear(OGRGeometryFactory::forceToPolygon(geometry.clone()));
        if (linear && wkbFlatten(linear->getGeometryType()) == wkbPolygon) into.addGeometry(linear.get());
    } else if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) collectPolygons(*part, into);
    }
}

// The union of polygon sets (each a MultiPolygon), through GEOS.
MultiPolygonPtr unionOf(const std::vector<const OGRGeometry*>& parts, const QString& what)
{
    OGRMultiPolygon all;
    for (const OGRGeometry* part : parts)
        for (const OGRPolygon* polygon : *part->toMultiPolygon()) all.addGeometry(polygon);
    CPLErrorReset();
    OGRGeometryUniquePtr merged(all.UnionCascaded());
    if (!merged) throw Error(QStringLiteral("cannot merge the polygons of %1: %2").arg(what, lastGdalError()));
    MultiPolygonPtr result(new OGRMultiPolygon);
    collectPolygons(*merged, *result);
    return result;
}

// The feature's polygons as one valid MultiPolygon in Lambert-93. An invalid polygon is
// repaired with MakeValid and reported in `warnings`.
MultiPolygonPtr readPolygons(const OGRFeature& feature, const SourceLayer& source, const QString& label,
                             std::vector<LoadWarning>& warnings)
{
    const OGRGeometry* raw = feature.GetGeometryRef();
    if (!raw || raw->IsEmpty()) throw Error(QStringLiteral("%1 has no geometry (null or empty)").arg(source.where(label)));
    MultiPolygonPtr polygons(new OGRMultiPolygon);
    collectPolygons(*raw, *polygons);
    if (polygons->IsEmpty())
        throw Error(QStringLiteral("%1 is a %2, not a polygon")
                        .arg(source.where(label), QString::fromUtf8(OGRGeometryTypeToName(raw->getGeometryType()))));
    polygons->flattenTo2D();
    if (source.toWorking && polygons->transform(source.toWorking.get()) != OGRERR_NONE)
        throw Error(
            QStringLiteral("%1: cannot reproject its geometry to Lambert-93: %2").arg(source.where(label), lastGdalError()));

    GdalMessages messages;  // GEOS says why a polygon is invalid through a GDAL warning
    if (polygons->IsValid()) return polygons;
    const QString problem = messages.text().isEmpty() ? QStringLiteral("invalid geometry") : messages.text();

    OGRGeometryUniquePtr repaired(polygons->MakeValid());
    MultiPolygonPtr valid(new OGRMultiPolygon);
    if (repaired) collectPolygons(*repaired, *valid);
    if (valid->IsEmpty())
        throw Error(
            QStringLiteral("%1 has an invalid polygon that cannot be repaired (%2)").arg(source.where(label), problem));
    warnings.push_back(source.warning(label, QStringLiteral("invalid polygon (%1) repaired with MakeValid").arg(problem)));
    return valid;
}

SharedGeometry share(MultiPolygonPtr geometry) { return SharedGeometry(std::move(geometry)); }

// Gives a commune or an EPCI its outline and the outline's bounding box.
template <class Unit>
void setOutline(Unit& unit, MultiPolygonPtr geometry)
{
    unit.bbox = envelopeOf(*geometry);
    unit.geometry = share(std::move(geometry));
}

// ---------------------------------------------------------------------------------------
// Communes

// What the communes layer says beyond the Commune records, for EPCI and warnings.
struct CommuneLayerInfo {
    QString path;
    QString layer;
    std::vector<QString> labels;        // per commune: "feature 12 (INSEE_COM 04070)"
    QHash<QString, QString> epciNames;  // SIREN -> EPCI name, when the communes carry it
};

CommuneLayerInfo loadCommunes(const TerritorySources& sources, Territory& territory)
{
    const CommuneFields& fields = sources.communeFields;
    const SourceLayer source = openLayer(sources.communes, kCommuneLayerNames, QStringLiteral("communes"));
    OGRLayer& layer = *source.layer;
    UniqueCodeReader codes(source, fields.insee, kInseeDigits, QStringLiteral("INSEE"));
    const int nameField = requireField(layer, source.path, fields.name);
    const int populationField = requireField(layer, source.path, fields.population);
    const int sirenField = fields.epciSiren.isEmpty() ? -1 : requireField(layer, source.path, fields.epciSiren);
    const int epciNameField =
        fields.epciName.isEmpty() ? -1 : layer.GetLayerDefn()->GetFieldIndex(fields.epciName.toUtf8().constData());

    CommuneLayerInfo info{source.path, source.name, {}, {}};
    for (const OGRFeatureUniquePtr& feature : readFeatures(source)) {
        const auto [insee, label] = codes.read(*feature);
        Commune commune;
        commune.insee = insee;
        commune.name = readText(*feature, nameField);
        commune.population = readPopulation(*feature, populationField, source, label, fields.population);
        if (sirenField >= 0) {
            commune.epciSiren = readCode(*feature, sirenField, kSirenDigits);
            if (commune.epciSiren == kNoEpci) commune.epciSiren.clear();
        }
        const QString epciName = readText(*feature, epciNameField);
        if (!commune.epciSiren.isEmpty() && !epciName.isEmpty() && !info.epciNames.contains(commune.epciSiren))
            info.epciNames.insert(commune.epciSiren, epciName);

        setOutline(commune, readPolygons(*feature, source, label, territory.warnings));
        territory.bbox.expand(commune.bbox);
        territory.communes.push_back(std::move(commune));
        info.labels.push_back(label);
    }
    return info;
}

// ---------------------------------------------------------------------------------------
// EPCI

struct EpciLayer {
    QString path;
    QString layer;
    std::vector<Epci> epcis;
};

EpciLayer readEpciLayer(const TerritorySources& sources, std::vector<LoadWarning>& warnings)
{
    const EpciFields& fields = sources.epciFields;
    const SourceLayer source = openLayer(*sources.epcis, kEpciLayerNames, QStringLiteral("EPCI"));
    UniqueCodeReader codes(source, fields.siren, kSirenDigits, QStringLiteral("SIREN"));
    const int nameField = requireField(*source.layer, source.path, fields.name);

    EpciLayer result{source.path, source.name, {}};
    for (const OGRFeatureUniquePtr& feature : readFeatures(source)) {
        const auto [siren, label] = codes.read(*feature);
        Epci epci;
        epci.siren = siren;
        epci.name = readText(*feature, nameField);
        setOutline(epci, readPolygons(*feature, source, label, warnings));
        result.epcis.push_back(std::move(epci));
    }
    return result;
}

// Communes without an EPCI field join the EPCI polygon holding their interior point.
void assignCommunesByLocation(Territory& territory, const std::vector<Epci>& epcis, const CommuneLayerInfo& info)
{
    for (std::size_t i = 0; i < territory.communes.size(); ++i) {
        Commune& commune = territory.communes[i];
        OGRGeometryUniquePtr inside(OGRGeometry::FromHandle(
            OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(commune.geometry.get())))));
        if (!inside || wkbFlatten(inside->getGeometryType()) != wkbPoint) continue;
        const XY p{inside->toPoint()->getX(), inside->toPoint()->getY()};
        for (const Epci& epci : epcis) {
            if (epci.bbox.contains(p) && polygonsContain(*epci.geometry, p)) {
                commune.epciSiren = epci.siren;
                break;
            }
        }
        if (commune.epciSiren.isEmpty())
            territory.warnings.push_back(
                {info.path, info.layer, info.labels[i], QStringLiteral("lies in no polygon of the EPCI layer")});
    }
}

// The EPCI list: those of the layer that hold communes of the territory, then those the
// communes name but the layer lacks (or all of them without a layer), built from their
// communes. Population and commune count always come from the communes.
void buildEpcis(const TerritorySources& sources, Territory& territory, const CommuneLayerInfo& info)
{
    std::vector<Epci> epcis;
    QString epciSource;  // "file, layer name" for messages
    if (sources.epcis) {
        EpciLayer layer = readEpciLayer(sources, territory.warnings);
        epcis = std::move(layer.epcis);
        epciSource = QStringLiteral("%1, layer %2").arg(layer.path, layer.layer);
        if (sources.communeFields.epciSiren.isEmpty()) assignCommunesByLocation(territory, epcis, info);

        QSet<QString> named;
        for (const Commune& c : territory.communes) named.insert(c.epciSiren);
        const auto unused =
            std::remove_if(epcis.begin(), epcis.end(), [&](const Epci& e) { return !named.contains(e.siren); });
        const auto leftOut = std::distance(unused, epcis.end());
        epcis.erase(unused, epcis.end());
        if (leftOut > 0)
            territory.warnings.push_back(
                {layer.path,
                 layer.layer,
                 {},
                 QStringLiteral("%1 EPCI hold none of the communes and are left out").arg(leftOut)});
    }

    QSet<QString> known;
    for (const Epci& e : epcis) known.insert(e.siren);
    std::map<QString, std::vector<const OGRGeometry*>> missing;  // sorted by SIREN
    for (std::size_t i = 0; i < territory.communes.size(); ++i) {
        const Commune& commune = territory.communes[i];
        if (commune.epciSiren.isEmpty() || known.contains(commune.epciSiren)) continue;
        missing[commune.epciSiren].push_back(commune.geometry.get());
        if (sources.epcis)
            territory.warnings.push_back({info.path, info.layer, info.labels[i],
                                          QStringLiteral("EPCI %1 is not in %2: its outline is made from its communes")
                                              .arg(commune.epciSiren, epciSource)});
    }
    for (const auto& [siren, members] : missing) {
        Epci epci;
        epci.siren = siren;
        epci.name = info.epciNames.value(siren);
        setOutline(epci, unionOf(members, QStringLiteral("the communes of EPCI %1").arg(siren)));
        epcis.push_back(std::move(epci));
    }

    QHash<QString, Epci*> bySiren;
    for (Epci& e : epcis) bySiren.insert(e.siren, &e);
    for (const Commune& c : territory.communes) {
        if (Epci* epci = bySiren.value(c.epciSiren)) {
            epci->population += c.population;
            ++epci->communeCount;
        }
    }
    territory.epcis = std::move(epcis);
}

// ---------------------------------------------------------------------------------------
// Outline

// The outline, and the name its layer gives the territory (ADMIN EXPRESS: field NOM of the
// one département feature), for map titles.
SharedGeometry readOutline(const LayerSource& layerSource, std::vector<LoadWarning>& warnings, QString& name)
{
    const SourceLayer source = openLayer(layerSource, kOutlineLayerNames, QStringLiteral("département outline"));
    std::vector<MultiPolygonPtr> parts;
    const int nameField = source.layer->GetLayerDefn()->GetFieldIndex("NOM");
    for (const OGRFeatureUniquePtr& feature : readFeatures(source)) {
        parts.push_back(readPolygons(*feature, source, featureLabel(*feature), warnings));
        if (nameField >= 0 && feature->IsFieldSetAndNotNull(nameField))
            name = parts.size() == 1 ? QString::fromUtf8(feature->GetFieldAsString(nameField)).trimmed() : QString();
    }
    if (parts.size() == 1) return share(std::move(parts.front()));
    std::vector<const OGRGeometry*> geometries;
    for (const MultiPolygonPtr& part : parts) geometries.push_back(part.get());
    return share(unionOf(geometries, source.where()));
}

SharedGeometry unionOfCommunes(const Territory& territory, const CommuneLayerInfo& info)
{
    std::vector<const OGRGeometry*> geometries;
    for (const Commune& c : territory.communes) geometries.push_back(c.geometry.get());
    return share(unionOf(geometries, QStringLiteral("the communes of %1, layer %2").arg(info.path, info.layer)));
}

}  // namespace

Territory loadTerritory(const TerritorySources& sources)
{
    Territory territory;
    const CommuneLayerInfo communes = loadCommunes(sources, territory);
    buildEpcis(sources, territory, communes);
    territory.outline = sources.outline ? readOutline(*sources.outline, territory.warnings, territory.name)
                                        : unionOfCommunes(territory, communes);
    territory.buildIndex();
    return territory;
}

}  // namespace maillage
