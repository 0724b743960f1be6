#include "PhoneNormalizer.h"

#include <QCoreApplication>
#include <QLocale>

#include <phonenumbers/phonenumberutil.h>

#include <set>
#include <string>

namespace ContactDesk {

namespace pn = i18n::phonenumbers;

PhoneNormalizer::PhoneNormalizer(QString defaultRegion)
    : m_region(defaultRegion.trimmed().toUpper())
{
}

Result<QString> PhoneNormalizer::toE164(const QString& text) const
{
    const QString trimmed = text.trimmed();
    auto fail = [&](const QString& why) {
        return Error{Error::Code::Invalid, why, QCoreApplication::translate("Phone", "Phone")};
    };
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate("Phone", "is empty"));
    const auto* util = pn::PhoneNumberUtil::GetInstance();
    pn::PhoneNumber number;
    const auto rc = util->Parse(trimmed.toStdString(), m_region.toStdString(), &number);
    if (rc == pn::PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR)
        return fail(QCoreApplication::translate("Phone",
                                                "\"%1\" has no country code and the default region \"%2\" is unknown")
                        .arg(trimmed, m_region));
    if (rc != pn::PhoneNumberUtil::NO_PARSING_ERROR)
        return fail(QCoreApplication::translate("Phone", "\"%1\" is not a phone number").arg(trimmed));
    if (!util->IsValidNumber(number))
        return fail(QCoreApplication::translate("Phone", "\"%1\" is not a valid phone number for region %2")
                        .arg(trimmed, m_region));
    std::string out;
    util->Format(number, pn::PhoneNumberUtil::E164, &out);
    return QString::fromStdString(out);
}

QString PhoneNormalizer::formatInternational(const QString& text) const
{
    const auto* util = pn::PhoneNumberUtil::GetInstance();
    pn::PhoneNumber number;
    if (util->Parse(text.trimmed().toStdString(), m_region.toStdString(), &number) != pn::PhoneNumberUtil::NO_PARSING_ERROR)
        return text;
    std::string out;
    util->Format(number, pn::PhoneNumberUtil::INTERNATIONAL, &out);
    return QString::fromStdString(out);
}

QStringList PhoneNormalizer::searchTokens(const QString& e164, const QString& typed)
{
    QStringList tokens;
    QString digits = e164;
    digits.remove(QLatin1Char('+'));
    if (!digits.isEmpty())
        tokens.append(digits);
    const auto* util = pn::PhoneNumberUtil::GetInstance();
    pn::PhoneNumber number;
    if (!e164.isEmpty() && util->Parse(e164.toStdString(), "ZZ", &number) == pn::PhoneNumberUtil::NO_PARSING_ERROR) {
        std::string national;
        util->GetNationalSignificantNumber(number, &national);
        tokens.append(QString::fromStdString(national));
        std::string formatted;
        util->Format(number, pn::PhoneNumberUtil::NATIONAL, &formatted);
        QString group;
        for (QChar c : QString::fromStdString(formatted) + QLatin1Char(' ')) {
            if (c.isDigit()) {
                group += c;
            } else if (!group.isEmpty()) {
                tokens.append(group);
                group.clear();
            }
        }
    }
    QString group;
    for (QChar c : typed + QLatin1Char(' ')) {
        if (c.isDigit()) {
            group += c;
        } else if (!group.isEmpty()) {
            tokens.append(group);
            group.clear();
        }
    }
    tokens.removeDuplicates();
    return tokens;
}

bool PhoneNormalizer::isKnownRegion(const QString& region)
{
    std::set<std::string> regions;
    pn::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region.trimmed().toUpper().toStdString()) > 0;
}

QString PhoneNormalizer::systemRegion()
{
    const QLocale locale = QLocale::system();
    const QString code = QLocale::territoryToCode(locale.territory());
    if (code.size() == 2 && isKnownRegion(code))
        return code;
    return QStringLiteral("US");
}

} // namespace ContactDesk
