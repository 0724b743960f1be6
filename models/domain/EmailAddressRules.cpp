#include "EmailAddressRules.h"

#include <QCoreApplication>
#include <QStringList>

namespace ContactDesk::EmailAddressRules {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Email", text);
}

bool isLocalChar(QChar c)
{
    if (c.unicode() > 127)
        return c.isLetterOrNumber(); // internationalised local parts (RFC 6531)
    if (c.isLetterOrNumber())
        return true;
    static const QString allowed = QStringLiteral("!#$%&'*+/=?^_`{|}~.-");
    return allowed.contains(c);
}

bool isDomainLabel(const QString& label)
{
    if (label.isEmpty() || label.size() > 63)
        return false;
    if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
        return false;
    for (QChar c : label)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-'))
            return false;
    return true;
}

} // namespace

Result<QString> validate(const QString& text)
{
    const QString address = text.trimmed();
    const QString where = tr("Email");
    auto fail = [&](const QString& why) {
        return Error{Error::Code::Invalid, tr("\"%1\" is not an email address: %2").arg(address, why), where};
    };
    if (address.isEmpty())
        return Error{Error::Code::Invalid, tr("is empty"), where};
    if (address.size() > 254)
        return fail(tr("it is longer than 254 characters"));
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return fail(tr("it has no @"));
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    if (local.isEmpty())
        return fail(tr("nothing before the @"));
    if (domain.isEmpty())
        return fail(tr("nothing after the @"));
    if (local.size() > 64)
        return fail(tr("the part before the @ is longer than 64 characters"));
    for (QChar c : local)
        if (!isLocalChar(c))
            return fail(tr("'%1' is not allowed before the @").arg(c));
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) || local.contains(QStringLiteral("..")))
        return fail(tr("misplaced dot before the @"));
    const QStringList labels = domain.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return fail(tr("the domain \"%1\" has no dot").arg(domain));
    for (const QString& label : labels)
        if (!isDomainLabel(label))
            return fail(tr("the domain \"%1\" is not valid").arg(domain));
    const QString& tld = labels.last();
    if (tld.size() < 2 || tld.front().isDigit())
        return fail(tr("the domain \"%1\" is not valid").arg(domain));
    return address;
}

QString normalized(const QString& address)
{
    return address.trimmed().toCaseFolded();
}

} // namespace ContactDesk::EmailAddressRules
