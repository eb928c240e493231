// Readers for the three published files of the 04 data set: town halls, the ANCT list of
// France services and La Poste contact points. Each turns good rows into AccueilPoints and
// bad rows into ImportIssues with their line number; see point_importers.h.

#include "importers/opening_hours.h"
#include "importers/point_importers.h"
#include "importers/point_readers_common.h"
#include "io/csv_table.h"

#include <QRegularExpression>

#include <array>

namespace maillage {

using namespace import_detail;

// ---------------------------------------------------------------------------------------
// Town halls ("Communes et villes de France": insee_com, nom, population, latitude, longitude)

namespace {

bool startsWithVowel(const QString& name)
{
    // No 'h' nor 'y': "Hautes-Duyes" keeps "de" (h aspiré); elision only before a vowel sound.
    const QString first = foldForMatching(name.left(1));
    return !first.isEmpty() && QStringLiteral("aeiou").contains(first.front());
}

}  // namespace

// "Mairie de Digne-les-Bains", with French elision and contraction: "Mairie d'Aiglun",
// "Mairie du Brusquet" (Le), "Mairie des Mées" (Les); "La" and "L'" stay as written.
QString mairieName(const QString& communeName)
{
    const QString name = communeName.trimmed();
    if (name.startsWith(QStringLiteral("Le "))) return QStringLiteral("Mairie du ") + name.mid(3);
    if (name.startsWith(QStringLiteral("Les "))) return QStringLiteral("Mairie des ") + name.mid(4);
    if (startsWithVowel(name)) return QStringLiteral("Mairie d'") + name;
    return QStringLiteral("Mairie de ") + name;
}

ImportBatch readMairiesCsv(const QString& path)
{
    const CsvTable table = CsvTable::readFile(path);
    int insee = 0, name = 0;
    LonLatColumns position("longitude", "latitude");
    position.requireWith(table, {{"insee_com", insee}, {"nom", name}});

    BatchBuilder builder(path, QStringLiteral("mairies"));
    forEachRecord(table, builder, [&](const CsvRecord& row) {
        AccueilPoint point;
        point.communeInsee = normalizeInsee(row.value(insee));
        if (point.communeInsee.isEmpty()) throw RowProblem{QStringLiteral("missing insee_com")};
        if (row.value(name).trimmed().isEmpty()) throw RowProblem{QStringLiteral("missing nom")};
        point.name = mairieName(row.value(name));
        point.level = Level::First;
        point.kind = QStringLiteral("mairie");
        setPosition(point, position.read(row));
        point.sourceId = point.communeInsee;
        builder.addPoint(std::move(point), row.line);
    });
    return builder.take();
}

// ---------------------------------------------------------------------------------------
// France services (ANCT list)

namespace {

// Kind from the ANCT type_fs / format_fs columns. Values seen in the 2024 list:
//   type_fs:   Principal, Antenne
//   format_fs: Fixe, Multisites, Fixe_antenne(s), Itinérante, Bus_équivalent
// Mapping:
//   - format Itinérante or Bus… -> france_services_itinerant (a bus or a travelling agent:
//     no fixed desk, whatever the type; checked first because it matters most for access);
//   - type Antenne -> france_services_antenne;
//   - everything else -> france_services. In particular "Multisites": one France services
//     label served in several fixed sites, each listed as its own row with its own address and
//     hours; each site is a full fixed desk, so it is a france_services.
// Values outside those lists are imported as france_services with a warning.
struct FranceServicesKind {
    QString kind;
    bool recognised = true;
};

FranceServicesKind franceServicesKind(const QString& type, const QString& format)
{
    const QString t = foldForMatching(type);
    const QString f = foldForMatching(format);
    const bool knownType = t.isEmpty() || t == u"principal" || t == u"antenne";
    const bool knownFormat = f.isEmpty() || f == u"fixe" || f == u"multisites" || f.startsWith(u"fixe antenne")
                             || f.startsWith(u"itinerant") || f.startsWith(u"bus");
    FranceServicesKind result{QStringLiteral("france_services"), knownType && knownFormat};
    if (f.startsWith(u"itinerant") || f.startsWith(u"bus")) result.kind = QStringLiteral("france_services_itinerant");
    else if (t == u"antenne") result.kind = QStringLiteral("france_services_antenne");
    return result;
}

// The ANCT export sometimes leaves a comment percent-escaped as text ("Le\x20bus\x20dessert...",
// Latin-1 bytes); decode those escapes so the note reads as written.
QString decodeHexEscapes(const QString& text)
{
    if (!text.contains(QStringLiteral("\\x"))) return text;
    static const QRegularExpression escape(QStringLiteral(R"(\\x([0-9A-Fa-f]{2}))"));
    QString decoded;
    qsizetype last = 0;
    for (auto it = escape.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        decoded += text.mid(last, match.capturedStart() - last);
        decoded += QChar(match.captured(1).toUShort(nullptr, 16));
        last = match.capturedEnd();
    }
    decoded += text.mid(last);
    return decoded;
}

struct DayColumn {
    int column;
    int day;  // 0 = Monday
    QString name;
};

// Where each column of an ANCT list is; a missing required column throws when the file is
// opened, before any row is read.
struct FranceServicesColumns {
    int id = 0, name = 0, address = 0, complement = 0, insee = 0, postcode = 0, town = 0, type = 0, format = 0;
    LonLatColumns position{"longitude", "latitude"};
    // Optional columns (-1 when absent): kept in the notes when present.
    int comment = -1, phone = -1, mail = -1, appointment = -1;
    std::vector<DayColumn> days;

    explicit FranceServicesColumns(const CsvTable& table)
    {
        position.requireWith(table, {{"id_fs", id},
                                     {"lib_fs", name},
                                     {"adresse", address},
                                     {"complement_adresse", complement},
                                     {"insee_com", insee},
                                     {"code_postal", postcode},
                                     {"lib_com", town},
                                     {"type_fs", type},
                                     {"format_fs", format}});
        comment = table.column(QStringLiteral("commentaire"));
        phone = table.column(QStringLiteral("telephone"));
        mail = table.column(QStringLiteral("mail"));
        appointment = table.column(QStringLiteral("prise_rdv"));

        static const std::array<const char*, 7> dayColumns = {"h_lundi",    "h_mardi",  "h_mercredi", "h_jeudi",
                                                              "h_vendredi", "h_samedi", "h_dimanche"};
        for (int day = 0; day < 7; ++day) {
            const QString dayName = QString::fromLatin1(dayColumns[day]);
            // Monday to Saturday are in every ANCT list; Sunday is read if a list ever has it.
            const int index = day < 6 ? table.requireColumn(dayName) : table.column(dayName);
            if (index >= 0) days.push_back({index, day, dayName});
        }
    }
};

// Weekly hours: every day must be readable, otherwise the total would be wrong.
void readWeeklyHours(const CsvRecord& row, const std::vector<DayColumn>& days, AccueilPoint& point, BatchBuilder& builder)
{
    WeeklySchedule schedule;
    QStringList unreadable;
    QStringList rawDays;
    for (const DayColumn& day : days) {
        const QString text = row.value(day.column).trimmed();
        if (!text.isEmpty()) rawDays << frenchDayAbbreviation(day.day) + u' ' + text;
        QString error;
        if (const auto ranges = parseDayHours(text, &error)) schedule.days[day.day] = *ranges;
        else unreadable << QStringLiteral("%1: %2").arg(day.name, error);
    }
    if (!unreadable.isEmpty()) {
        // Keep the published text for a reader, but no total that would be wrong.
        point.openingHours = rawDays.join(QStringLiteral("; "));
        builder.addIssue(row.line,
                         QStringLiteral("opening hours not understood (%1); point imported without weekly hours")
                             .arg(unreadable.join(QStringLiteral("; "))),
                         false);
    } else if (!schedule.isEmpty()) {
        point.openingHours = schedule.text();
        point.weeklyHours = schedule.weeklyHours();
    }
}

// The notes of a point: the comment, appointment, phone, mail and any format but a plain
// fixed desk, one a line.
QString franceServicesNotes(const CsvRecord& row, const FranceServicesColumns& columns)
{
    const QString formatText = row.value(columns.format).trimmed();
    return joinNonEmpty(
        {decodeHexEscapes(row.value(columns.comment)),
         foldForMatching(row.value(columns.appointment)) == u"oui" ? QStringLiteral("Sur rendez-vous") : QString(),
         row.value(columns.phone).trimmed().isEmpty() ? QString()
                                                      : QStringLiteral("Tél. ") + row.value(columns.phone).trimmed(),
         row.value(columns.mail),
         formatText.isEmpty() || foldForMatching(formatText) == u"fixe" ? QString()
                                                                        : QStringLiteral("Format ANCT : ") + formatText},
        QStringLiteral("\n"));
}

}  // namespace

ImportBatch readFranceServicesCsv(const QString& path)
{
    const CsvTable table = CsvTable::readFile(path);
    const FranceServicesColumns columns(table);

    BatchBuilder builder(path, QStringLiteral("anct-france-services"));
    forEachRecord(table, builder, [&](const CsvRecord& row) {
        AccueilPoint point;
        point.sourceId = row.value(columns.id).trimmed();
        if (point.sourceId.isEmpty()) throw RowProblem{QStringLiteral("missing id_fs")};
        point.name = row.value(columns.name).trimmed();
        if (point.name.isEmpty()) point.name = QStringLiteral("France services ") + row.value(columns.town).trimmed();
        point.level = Level::Second;
        const FranceServicesKind kind = franceServicesKind(row.value(columns.type), row.value(columns.format));
        point.kind = kind.kind;
        point.communeInsee = normalizeInsee(row.value(columns.insee));
        point.address =
            joinNonEmpty({row.value(columns.address), row.value(columns.complement),
                          joinNonEmpty({row.value(columns.postcode), row.value(columns.town)}, QStringLiteral(" "))},
                         QStringLiteral(", "));
        setPosition(point, columns.position.read(row));
        readWeeklyHours(row, columns.days, point, builder);
        if (!kind.recognised)
            builder.addIssue(row.line,
                             QStringLiteral("unknown type_fs \"%1\" / format_fs \"%2\"; imported as France services")
                                 .arg(row.value(columns.type).trimmed(), row.value(columns.format).trimmed()),
                             false);
        point.notes = franceServicesNotes(row, columns);
        builder.addPoint(std::move(point), row.line);
    });
    return builder.take();
}

// ---------------------------------------------------------------------------------------
// La Poste contact points (';'-separated, header "#Identifiant_du_site;...")

namespace {

// Kind from Caractéristique_du_site, compared without case or accents.
std::optional<QString> laPosteKind(const QString& characteristic)
{
    static const std::array<std::pair<const char16_t*, const char*>, 4> kinds = {{
        {u"bureau de poste", "bureau_poste"},
        {u"agence postale communale", "agence_postale_communale"},
        {u"agence postale intercommunale", "agence_postale_intercommunale"},
        {u"relais poste commercant", "relais_poste"},
    }};
    const QString folded = foldForMatching(characteristic);
    for (const auto& [label, code] : kinds)
        if (folded == QStringView(label)) return QString::fromLatin1(code);
    return std::nullopt;
}

}  // namespace

ImportBatch readLaPosteCsv(const QString& path)
{
    const CsvTable table = CsvTable::readFile(path);
    int id = 0, label = 0, characteristic = 0, address = 0, complement = 0, place = 0, postcode = 0, town = 0, insee = 0;
    LonLatColumns position("Longitude", "Latitude");
    position.requireWith(table, {{"Identifiant_du_site", id},
                                 {"Libellé_du_site", label},
                                 {"Caractéristique_du_site", characteristic},
                                 {"Adresse", address},
                                 {"Complément_d_adresse", complement},
                                 {"Lieu_dit", place},
                                 {"Code_postal", postcode},
                                 {"Localité", town},
                                 {"Code_INSEE", insee}});
    const int precision = table.column(QStringLiteral("Précision_du_géocodage"));

    BatchBuilder builder(path, QStringLiteral("laposte"));
    forEachRecord(table, builder, [&](const CsvRecord& row) {
        AccueilPoint point;
        point.sourceId = row.value(id).trimmed();
        if (point.sourceId.isEmpty()) throw RowProblem{QStringLiteral("missing Identifiant_du_site")};
        const std::optional<QString> kind = laPosteKind(row.value(characteristic));
        if (!kind)
            throw RowProblem{
                QStringLiteral("unknown Caractéristique_du_site \"%1\" (expected Bureau de Poste, Agence postale "
                               "communale, Agence postale intercommunale or Relais poste commerçant)")
                    .arg(row.value(characteristic).trimmed())};
        point.kind = *kind;
        point.level = Level::First;
        point.name = row.value(label).trimmed();
        if (point.name.isEmpty()) point.name = row.value(characteristic).trimmed() + u' ' + row.value(town).trimmed();
        point.communeInsee = normalizeInsee(row.value(insee));
        point.address = joinNonEmpty({row.value(address), row.value(complement), row.value(place),
                                      joinNonEmpty({row.value(postcode), row.value(town)}, QStringLiteral(" "))},
                                     QStringLiteral(", "));
        setPosition(point, position.read(row));
        point.notes = row.value(precision).trimmed();  // e.g. "Géocodé au centre de la commune"
        builder.addPoint(std::move(point), row.line);
    });
    return builder.take();
}

}  // namespace maillage
