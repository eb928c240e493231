// Readers for third-level and social places: the list of operators of the 04 data set and
// DILA's "Annuaire de l'administration" (api-lannuaire.service-public.fr exports, JSON or
// CSV). Kinds come from data/kinds.json: a kind code, or an Annuaire type code (`pivot`
// type_service_local, e.g. "pole_emploi", "sip", "sous_pref") listed under the kind's
// "annuaire" key. A row of a type no kind lists is reported and skipped.

#include "common/error.h"
#include "importers/point_importers.h"
#include "importers/point_readers_common.h"
#include "io/csv_table.h"
#include "store/kinds.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace maillage {

using namespace import_detail;

namespace {

AccueilPoint pointOfKind(const KindInfo& kind)
{
    AccueilPoint point;
    point.kind = kind.code;
    point.level = kind.defaultLevel;
    return point;
}

// "caf-04070-01" -> "caf": the Annuaire's old identifiers start with the type code.
QString annuaireTypeOfId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^([a-z_]+)-\\d[0-9AB]\\d{3}-\\d+$"));
    const QRegularExpressionMatch match = pattern.match(id.trimmed());
    return match.hasMatch() ? match.captured(1) : QString();
}

}  // namespace

ImportBatch readOperatorsCsv(const QString& path)
{
    const CsvTable table = CsvTable::readFile(path);
    int sourceId = 0, name = 0, kindColumn = 0, insee = 0;
    LonLatColumns position("longitude", "latitude");
    position.requireWith(table, {{"source_id", sourceId}, {"name", name}, {"kind", kindColumn}, {"insee_com", insee}});
    const int address = table.column(QStringLiteral("address"));
    const int serves = table.column(QStringLiteral("serves"));  // visio points: the operators met there by video

    BatchBuilder builder(path, QStringLiteral("operateurs"));
    forEachRecord(table, builder, [&](const CsvRecord& row) {
        const QString kindText = row.value(kindColumn).trimmed();
        const QString id = row.value(sourceId).trimmed();
        // A kind the referential knows, else ("other") the Annuaire type the identifier starts with.
        const KindInfo* kind = kindText == QStringLiteral("other") ? nullptr : findKind(kindText);
        if (!kind) kind = kindForAnnuaireType(annuaireTypeOfId(id));
        if (!kind)
            throw RowProblem{QStringLiteral("unknown kind \"%1\" (%2): no kind of data/kinds.json matches it")
                                 .arg(kindText, annuaireTypeOfId(id).isEmpty() ? id : annuaireTypeOfId(id))};
        AccueilPoint point = pointOfKind(*kind);
        point.name = row.value(name).trimmed();
        if (point.name.isEmpty()) throw RowProblem{QStringLiteral("missing name")};
        point.communeInsee = normalizeInsee(row.value(insee));
        point.address = row.value(address).trimmed();
        point.serves = servesOf(row.value(serves), QStringLiteral("serves"));
        if (isVisioKind(point.kind) && point.serves.isEmpty())
            throw RowProblem{QStringLiteral("visio point without the operators it serves (serves, e.g. \"caf;cpam\")")};
        setPosition(point, position.read(row));
        point.sourceId = id;
        builder.addPoint(std::move(point), row.line);
    });
    return builder.take();
}

namespace {

// The Annuaire keeps lists (pivot, adresse) as JSON; its flat exports (CSV, Opendatasoft
// JSON) write them as JSON text inside a field.
QJsonArray jsonList(const QJsonValue& value)
{
    if (value.isArray()) return value.toArray();
    if (value.isString()) {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        if (document.isArray()) return document.array();
        if (document.isObject()) return QJsonArray{document.object()};
    }
    if (value.isObject()) return QJsonArray{value.toObject()};
    return {};
}

QString textOf(const QJsonValue& value)
{
    if (value.isString()) return value.toString().trimmed();
    if (value.isDouble()) return QString::number(value.toDouble(), 'g', 10);
    if (value.isArray() && !value.toArray().isEmpty()) return textOf(value.toArray().first());
    return {};
}

// One Annuaire record (a JSON object, or a CSV row turned into one) as a point.
AccueilPoint annuairePoint(const QJsonObject& record)
{
    QStringList types;
    for (const QJsonValue& pivot : jsonList(record.value(QStringLiteral("pivot"))))
        types << pivot.toObject().value(QStringLiteral("type_service_local")).toString().trimmed();
    const QString oldId = textOf(record.value(QStringLiteral("ancien_code_pivot")));
    if (types.isEmpty() && !annuaireTypeOfId(oldId).isEmpty()) types << annuaireTypeOfId(oldId);
    types.removeAll(QString());
    const KindInfo* kind = nullptr;
    for (const QString& type : types)
        if ((kind = kindForAnnuaireType(type))) break;
    if (!kind)
        throw RowProblem{types.isEmpty() ? QStringLiteral("no type (pivot) given")
                                         : QStringLiteral("unknown type \"%1\": no kind of data/kinds.json lists it")
                                               .arg(types.join(QStringLiteral(", ")))};
    AccueilPoint point = pointOfKind(*kind);
    point.name = textOf(record.value(QStringLiteral("nom")));
    if (point.name.isEmpty()) throw RowProblem{QStringLiteral("missing nom")};
    point.sourceId = textOf(record.value(QStringLiteral("id")));
    if (point.sourceId.isEmpty()) point.sourceId = oldId;
    point.communeInsee = normalizeInsee(textOf(record.value(QStringLiteral("code_insee_commune"))));

    // The first address with coordinates, the street address ("Adresse") before a postal one.
    QJsonObject chosen;
    for (const QJsonValue& value : jsonList(record.value(QStringLiteral("adresse")))) {
        const QJsonObject address = value.toObject();
        if (textOf(address.value(QStringLiteral("latitude"))).isEmpty()) continue;
        if (chosen.isEmpty()
            || (address.value(QStringLiteral("type_adresse")).toString() == QStringLiteral("Adresse")
                && chosen.value(QStringLiteral("type_adresse")).toString() != QStringLiteral("Adresse")))
            chosen = address;
    }
    if (chosen.isEmpty()) throw RowProblem{QStringLiteral("no address with coordinates (adresse: latitude, longitude)")};
    setPosition(point, requireLonLat(textOf(chosen.value(QStringLiteral("longitude"))),
                                     textOf(chosen.value(QStringLiteral("latitude"))), QStringLiteral("adresse.longitude"),
                                     QStringLiteral("adresse.latitude")));
    const QString town = joinNonEmpty(
        {textOf(chosen.value(QStringLiteral("code_postal"))), textOf(chosen.value(QStringLiteral("nom_commune")))},
        QStringLiteral(" "));
    point.address = joinNonEmpty(
        {textOf(chosen.value(QStringLiteral("numero_voie"))), textOf(chosen.value(QStringLiteral("complement1"))),
         textOf(chosen.value(QStringLiteral("complement2"))), town},
        QStringLiteral(", "));
    return point;
}

}  // namespace

ImportBatch readAnnuaireJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw Error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (document.isNull())
        throw Error(QStringLiteral("%1 is not JSON: %2 (at byte %3)").arg(path, error.errorString()).arg(error.offset));
    // An export is a list of records; an API answer holds them in "results" (v2.1) or
    // "records" with their "fields" (v1).
    QJsonArray records = document.isArray() ? document.array() : QJsonArray{};
    if (document.isObject()) {
        const QJsonObject root = document.object();
        records = root.contains(QStringLiteral("results")) ? root.value(QStringLiteral("results")).toArray()
                                                           : root.value(QStringLiteral("records")).toArray();
        if (records.isEmpty() && !root.contains(QStringLiteral("results")) && !root.contains(QStringLiteral("records")))
            throw Error(QStringLiteral("%1: no list of records (an Annuaire export is a JSON list)").arg(path));
    }
    BatchBuilder builder(path, QStringLiteral("annuaire"));
    for (int i = 0; i < records.size(); ++i) {
        builder.countRow();
        QJsonObject record = records.at(i).toObject();
        if (record.value(QStringLiteral("fields")).isObject()) record = record.value(QStringLiteral("fields")).toObject();
        try {
            builder.addPoint(annuairePoint(record), i + 1);
        } catch (const RowProblem& problem) {
            builder.addIssue(i + 1, QStringLiteral("record %1 (%2): %3")
                                        .arg(i + 1)
                                        .arg(textOf(record.value(QStringLiteral("nom"))), problem.message));
        }
    }
    ImportBatch batch = builder.take();
    batch.featureIds = true;
    return batch;
}

ImportBatch readAnnuaireCsv(const QString& path)
{
    const CsvTable table = CsvTable::readFile(path);
    table.requireColumns(QStringList{QStringLiteral("nom"), QStringLiteral("adresse")});
    const QStringList names = table.header();
    BatchBuilder builder(path, QStringLiteral("annuaire"));
    forEachRecord(table, builder, [&](const CsvRecord& row) {
        QJsonObject record;
        for (int c = 0; c < names.size(); ++c) record.insert(names[c], row.value(c));
        builder.addPoint(annuairePoint(record), row.line);
    });
    return builder.take();
}

}  // namespace maillage
