#pragma once
// Email validation and the normalised form that carries uniqueness (trimmed, lower-cased).

#include "Result.h"

#include <QString>

namespace ContactDesk::EmailAddressRules {

// The trimmed address when it is a valid email address, or an Error saying what is wrong.
Result<QString> validate(const QString& text);
QString normalized(const QString& address);

} // namespace ContactDesk::EmailAddressRules
