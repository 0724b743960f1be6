#include "AppSettings.h"

#include "domain/PhoneNormalizer.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSettings>
#include <QStandardPaths>

namespace ContactDesk::AppSettings {

namespace {
const QString RegionKey = QStringLiteral("phone/defaultRegion");

QString settingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/contactdesk.conf");
}
} // namespace

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/contacts.sqlite");
}

QString defaultRegion()
{
    const QSettings s(settingsPath(), QSettings::IniFormat);
    const QString stored = s.value(RegionKey).toString();
    return PhoneNormalizer::isKnownRegion(stored) ? stored.toUpper() : PhoneNormalizer::systemRegion();
}

void setDefaultRegion(const QString& region)
{
    QSettings s(settingsPath(), QSettings::IniFormat);
    s.setValue(RegionKey, region.toUpper());
}

namespace {
QString mappingKey(const QStringList& header)
{
    const QByteArray digest = QCryptographicHash::hash(header.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("import/mapping-%1").arg(QString::fromLatin1(digest.toHex()));
}
} // namespace

QJsonObject savedMapping(const QStringList& header)
{
    const QSettings s(settingsPath(), QSettings::IniFormat);
    return QJsonDocument::fromJson(s.value(mappingKey(header)).toString().toUtf8()).object();
}

void saveMapping(const QStringList& header, const QJsonObject& mapping)
{
    QSettings s(settingsPath(), QSettings::IniFormat);
    s.setValue(mappingKey(header), QString::fromUtf8(QJsonDocument(mapping).toJson(QJsonDocument::Compact)));
}

} // namespace ContactDesk::AppSettings
