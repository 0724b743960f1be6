#pragma once
// Typed settings shared by the GUI and the CLI, with their keys and defaults in one place.
// Stored in an INI file in the user's config folder (QStandardPaths::AppConfigLocation).

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ContactDesk::AppSettings {

// <AppDataLocation>/contacts.sqlite, e.g. ~/.local/share/contactdesk/contacts.sqlite
QString defaultDatabasePath();
// The region used for phone numbers typed without a country code; initially the system
// locale's territory ("US" in the C locale).
QString defaultRegion();
void setDefaultRegion(const QString& region);
// The column mapping last confirmed for a file with exactly this header (JSON), or empty.
QJsonObject savedMapping(const QStringList& header);
void saveMapping(const QStringList& header, const QJsonObject& mapping);

} // namespace ContactDesk::AppSettings
