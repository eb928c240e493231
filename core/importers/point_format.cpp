#include "importers/point_format.h"

#include "common/error.h"

#include <QFile>

namespace maillage {

QString pointFormatName(PointFormat format)
{
    switch (format) {
    case PointFormat::Mairies: return QStringLiteral("mairies");
    case PointFormat::FranceServices: return QStringLiteral("france-services");
    case PointFormat::LaPoste: return QStringLiteral("laposte");
    case PointFormat::Operators: return QStringLiteral("operateurs");
    case PointFormat::Annuaire: return QStringLiteral("annuaire");
    case PointFormat::Generic: return QStringLiteral("points");
    }
    return {};
}

std::optional<PointFormat> pointFormatFromName(const QString& name)
{
    for (PointFormat f : {PointFormat::Mairies, PointFormat::FranceServices, PointFormat::LaPoste, PointFormat::Operators,
                          PointFormat::Annuaire, PointFormat::Generic})
        if (pointFormatName(f) == name) return f;
    return std::nullopt;
}

PointFormat detectPointFormat(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw Error(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QString header = QString::fromUtf8(file.readLine(4096)).trimmed().toLower();
    if (header.startsWith(QLatin1Char('[')) || header.startsWith(QLatin1Char('{'))) {
        // JSON: the Annuaire's records carry their type in "pivot" lists.
        const QByteArray start = header.toUtf8() + file.read(1 << 16);
        if (start.contains("type_service_local") || start.contains("\"pivot\"")) return PointFormat::Annuaire;
        return PointFormat::Generic;
    }
    if (header.startsWith(QLatin1String("source,source_id,name,kind,insee_com"))) return PointFormat::Operators;
    if (header.contains(QLatin1String("pivot")) && header.contains(QLatin1String("adresse"))
        && header.contains(QLatin1String("nom")))
        return PointFormat::Annuaire;
    if (header.startsWith(QLatin1String("id_fs,")) && header.contains(QLatin1String("h_lundi")))
        return PointFormat::FranceServices;
    if (header.contains(QLatin1String("identifiant_du_site")) && header.contains(QLatin1String("caract")))
        return PointFormat::LaPoste;
    if (header.startsWith(QLatin1String("insee_com,nom,population"))) return PointFormat::Mairies;
    return PointFormat::Generic;
}

}  // namespace maillage
