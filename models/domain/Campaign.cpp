#include "Campaign.h"

#include <QCoreApplication>
#include <QHash>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Campaign", text);
}

} // namespace

namespace Delivery {

QList<DeliveryStatus> all()
{
    return {DeliveryStatus::Pending,      DeliveryStatus::Sent,   DeliveryStatus::Opened, DeliveryStatus::Clicked,
            DeliveryStatus::Unsubscribed, DeliveryStatus::Bounced};
}

QString key(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending: return QStringLiteral("pending");
    case DeliveryStatus::Sent: return QStringLiteral("sent");
    case DeliveryStatus::Opened: return QStringLiteral("opened");
    case DeliveryStatus::Clicked: return QStringLiteral("clicked");
    case DeliveryStatus::Unsubscribed: return QStringLiteral("unsubscribed");
    case DeliveryStatus::Bounced: return QStringLiteral("bounced");
    }
    return QStringLiteral("pending");
}

QString label(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending: return tr("Pending");
    case DeliveryStatus::Sent: return tr("Sent");
    case DeliveryStatus::Opened: return tr("Opened");
    case DeliveryStatus::Clicked: return tr("Clicked");
    case DeliveryStatus::Unsubscribed: return tr("Unsubscribed");
    case DeliveryStatus::Bounced: return tr("Bounced");
    }
    return {};
}

std::optional<DeliveryStatus> fromKey(const QString& text)
{
    for (DeliveryStatus s : all())
        if (key(s) == text)
            return s;
    return std::nullopt;
}

std::optional<DeliveryStatus> fromServiceWord(const QString& word)
{
    static const QHash<QString, DeliveryStatus> words = [] {
        QHash<QString, DeliveryStatus> map;
        const auto add = [&map](DeliveryStatus s, std::initializer_list<const char*> list) {
            for (const char* w : list)
                map.insert(QString::fromLatin1(w), s);
        };
        add(DeliveryStatus::Pending, {"pending", "queued", "scheduled", "processed", "deferred", "not sent"});
        add(DeliveryStatus::Sent, {"sent", "send", "delivered", "delivery", "deliver", "accepted"});
        add(DeliveryStatus::Opened, {"opened", "open", "opens", "unique open", "read", "viewed"});
        add(DeliveryStatus::Clicked, {"clicked", "click", "clicks", "unique click", "link click"});
        add(DeliveryStatus::Unsubscribed, {"unsubscribed", "unsubscribe", "unsub", "opt out", "optout", "opted out",
                                           "group unsubscribe", "spamreport", "spam report", "spam", "complaint",
                                           "complained"});
        add(DeliveryStatus::Bounced, {"bounced", "bounce", "hard bounce", "soft bounce", "hardbounce", "softbounce",
                                      "dropped", "failed", "rejected", "undeliverable", "blocked"});
        return map;
    }();
    QString w = word.toLower();
    w.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    const auto it = words.constFind(w.simplified());
    if (it == words.cend())
        return std::nullopt;
    return *it;
}

int rank(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending: return 0;
    case DeliveryStatus::Sent: return 1;
    case DeliveryStatus::Opened: return 2;
    case DeliveryStatus::Clicked: return 3;
    case DeliveryStatus::Bounced: return 4;
    case DeliveryStatus::Unsubscribed: return 5;
    }
    return 0;
}

} // namespace Delivery

qint64 DeliveryCounts::total() const
{
    qint64 sum = 0;
    for (qint64 v : values)
        sum += v;
    return sum;
}

QList<FunnelStage> funnel(const DeliveryCounts& c)
{
    const qint64 clicked = c.of(DeliveryStatus::Clicked);
    const qint64 opened = c.of(DeliveryStatus::Opened) + clicked;
    const qint64 sent = c.of(DeliveryStatus::Sent) + opened + c.of(DeliveryStatus::Unsubscribed);
    return {FunnelStage{tr("Members"), c.total(), false},
            FunnelStage{tr("Sent"), sent, false},
            FunnelStage{tr("Opened"), opened, false},
            FunnelStage{tr("Clicked"), clicked, false},
            FunnelStage{tr("Unsubscribed"), c.of(DeliveryStatus::Unsubscribed), true},
            FunnelStage{tr("Bounced"), c.of(DeliveryStatus::Bounced), true}};
}

namespace Campaigns {

QStringList channels()
{
    return {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("phone"),
            QStringLiteral("mail"),  QStringLiteral("social"), QStringLiteral("other")};
}

QStringList statuses()
{
    return {QStringLiteral("draft"), QStringLiteral("active"), QStringLiteral("completed")};
}

QString channelLabel(const QString& channel)
{
    if (channel == QLatin1String("email"))
        return tr("Email");
    if (channel == QLatin1String("sms"))
        return tr("SMS");
    if (channel == QLatin1String("phone"))
        return tr("Phone");
    if (channel == QLatin1String("mail"))
        return tr("Mail");
    if (channel == QLatin1String("social"))
        return tr("Social");
    if (channel == QLatin1String("other"))
        return tr("Other");
    return channel;
}

QString statusLabel(const QString& status)
{
    if (status == QLatin1String("draft"))
        return tr("Draft");
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    return status;
}

} // namespace Campaigns

} // namespace ContactDesk
