#pragma once
// Phone numbers in their E.164 form, computed with libphonenumber from a default region, so
// "(415) 555-3695" (US) and "+1 415 555 3695" are the same phone. Thread-safe.

#include "Result.h"

#include <QString>

namespace ContactDesk {

class PhoneNormalizer
{
public:
    explicit PhoneNormalizer(QString defaultRegion = systemRegion());

    QString defaultRegion() const { return m_region; }

    // "+14155553695", or an Error naming why the text is not a phone number.
    Result<QString> toE164(const QString& text) const;
    // "+1 415-555-3695" for display; the input unchanged when it does not parse.
    QString formatInternational(const QString& text) const;

    // Digit strings a search should find this phone by: the E.164 digits, the national number and
    // each digit group as typed ("(415) 555-3695" -> 14155553695 4155553695 415 555 3695).
    static QStringList searchTokens(const QString& e164, const QString& typed);

    static bool isKnownRegion(const QString& region);
    // The territory of the system locale ("US" when it has none, as in the C locale).
    static QString systemRegion();

private:
    QString m_region;
};

} // namespace ContactDesk
