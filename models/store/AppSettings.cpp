#include "AppSettings.h"

#include "domain/PhoneNormalizer.h"

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

} // namespace ContactDesk::AppSettings
