#pragma once
// A contact as JSON: the snapshot an import keeps to undo its update exactly, and the CLI's
// --json output.

#include "Contact.h"

#include <QJsonObject>

namespace ContactDesk::ContactJson {

QJsonObject toJson(const Contact& contact);
Contact fromJson(const QJsonObject& json);

} // namespace ContactDesk::ContactJson
