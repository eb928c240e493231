#include "render/labels.h"

#include "store/kinds.h"
#include "store/scenarios.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace maillage::render {
QString levelLabel(Level level)
{
    switch (level) {
    case Level::First: return QCoreApplication::translate("Labels", "1er niveau : informer, orienter");
    case Level::Second: return QCoreApplication::translate("Labels", "2e niveau : accompagner");
    case Level::Third: return QCoreApplication::translate("Labels", "3e niveau : guichets des opérateurs");
    }
    return {};
}

QString levelShortLabel(Level level)
{
    return QCoreApplication::translate("Labels", "niveau %1").arg(static_cast<int>(level));
}

QString statusLabel(PointStatus status)
{
    switch (status) {
    case PointStatus::Existing: return QCoreApplication::translate("Labels", "existant");
    case PointStatus::Planned: return QCoreApplication::translate("Labels", "projeté");
    case PointStatus::Closed: return QCoreApplication::translate("Labels", "fermé");
    }
    return {};
}

QString scenarioLabel(const QString& name)
{
    return isBaselineName(name) ? QCoreApplication::translate("Labels", "Situation actuelle") : name;
}

bool interfaceIsEnglish() { return QLocale().language() == QLocale::English; }

QString kindLabel(const QString& kindCode)
{
    const KindInfo* kind = findKind(kindCode);
    if (!kind) return kindCode;
    return interfaceIsEnglish() ? kind->labelEn : kind->labelFr;
}

QString formatCount(qint64 value)
{
    // English screens and pages group thousands the English way: "4,071".
    if (interfaceIsEnglish()) return QLocale().toString(value);
    QString digits = QString::number(std::llabs(value));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QChar(0x202F));  // narrow no-break space
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

QString formatMinutes(double minutes)
{
    if (!std::isfinite(minutes)) return QStringLiteral("—");
    const long rounded = std::lround(minutes);
    if (rounded < 60) return QCoreApplication::translate("Labels", "%1 min").arg(rounded);
    return QCoreApplication::translate("Labels", "%1 h %2").arg(rounded / 60).arg(rounded % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace maillage::render
