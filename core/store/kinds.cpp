#include "store/kinds.h"

#include "common/error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace maillage {
namespace {

const QString kReferentialPath = QStringLiteral(":/data/kinds.json");

Error referentialError(const QString& what)
{
    return Error(QStringLiteral("kind referential %1 is broken: %2").arg(kReferentialPath, what));
}

KindInfo parseKind(const QJsonObject& object, int index)
{
    KindInfo kind;
    kind.code = object.value(QStringLiteral("code")).toString();
    kind.labelFr = object.value(QStringLiteral("fr")).toString();
    kind.labelEn = object.value(QStringLiteral("en")).toString();
    kind.group = object.value(QStringLiteral("group")).toString();
    for (const QJsonValue& type : object.value(QStringLiteral("annuaire")).toArray())
        kind.annuaireTypes << type.toString().trimmed().toLower();
    if (kind.code.isEmpty()) throw referentialError(QStringLiteral("kind #%1 has no code").arg(index + 1));
    const std::optional<Level> level = levelFromInt(object.value(QStringLiteral("level")).toInt(0));
    if (!level) throw referentialError(QStringLiteral("kind \"%1\" has no level 1, 2 or 3").arg(kind.code));
    kind.defaultLevel = *level;
    return kind;
}

std::vector<KindInfo> loadReferential()
{
    QFile file(kReferentialPath);
    if (!file.open(QIODevice::ReadOnly)) throw referentialError(QStringLiteral("the resource is missing from the program"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (document.isNull()) throw referentialError(parseError.errorString());
    const QJsonArray array = document.object().value(QStringLiteral("kinds")).toArray();
    if (array.isEmpty()) throw referentialError(QStringLiteral("no \"kinds\" array"));

    std::vector<KindInfo> kinds;
    kinds.reserve(array.size());
    for (int i = 0; i < array.size(); ++i) {
        KindInfo kind = parseKind(array.at(i).toObject(), i);
        const bool duplicate =
            std::any_of(kinds.begin(), kinds.end(), [&](const KindInfo& k) { return k.code == kind.code; });
        if (duplicate) throw referentialError(QStringLiteral("kind \"%1\" is listed twice").arg(kind.code));
        kinds.push_back(std::move(kind));
    }
    return kinds;
}

}  // namespace

const std::vector<KindInfo>& kindReferential()
{
    // A function-local static is initialised once, thread-safely (C++11); if loading throws,
    // the next call tries again.
    static const std::vector<KindInfo> referential = loadReferential();
    return referential;
}

const KindInfo* findKind(const QString& code)
{
    for (const KindInfo& kind : kindReferential()) {
        if (kind.code == code) return &kind;
    }
    return nullptr;
}

const KindInfo* kindForAnnuaireType(const QString& type)
{
    const QString key = type.trimmed().toLower();
    if (key.isEmpty()) return nullptr;
    for (const KindInfo& kind : kindReferential())
        if (kind.annuaireTypes.contains(key)) return &kind;
    return nullptr;
}

bool isVisioKind(const QString& code)
{
    const KindInfo* kind = findKind(code);
    return kind && kind->group == QLatin1String("visio");
}

bool isOperatorKind(const QString& code)
{
    const KindInfo* kind = findKind(code);
    return kind && kind->defaultLevel == Level::Third && kind->group != QLatin1String("visio");
}

QString servesProblem(const QStringList& codes)
{
    for (const QString& code : codes) {
        if (isOperatorKind(code)) continue;
        QStringList operators;
        for (const KindInfo& kind : kindReferential())
            if (isOperatorKind(kind.code)) operators << kind.code;
        return QStringLiteral("\"%1\" is not a level-3 operator (serves lists kind codes among: %2)")
            .arg(code, operators.join(QStringLiteral(", ")));
    }
    return {};
}

QStringList parseServes(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[;,\\s]+"));
    QStringList codes;
    for (const QString& token : text.split(separators, Qt::SkipEmptyParts)) {
        const QString key = token.trimmed().toLower();
        const KindInfo* kind = findKind(key);
        if (!kind) kind = kindForAnnuaireType(key);
        const QString code = kind ? kind->code : key;
        if (!isOperatorKind(code)) throw Error(servesProblem({token}));
        if (!codes.contains(code)) codes << code;
    }
    return codes;
}

QStringList splitServes(const QString& stored)
{
    QStringList codes;
    for (const QString& code : stored.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!code.trimmed().isEmpty()) codes << code.trimmed();
    return codes;
}

QString servesText(const QStringList& codes) { return codes.join(QLatin1Char(';')); }

}  // namespace maillage
