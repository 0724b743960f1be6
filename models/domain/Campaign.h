#pragma once
// Value types for campaigns: a campaign (name, channel, status, created, archived), the delivery
// status of one member (pending, sent, opened, clicked, unsubscribed, bounced) with the words
// email services write for each, member counts per status and the delivery funnel drawn from
// them. Shared by CampaignStore, the campaign item models, the campaigns dialog and the CLI.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace ContactDesk {

enum class DeliveryStatus { Pending, Sent, Opened, Clicked, Unsubscribed, Bounced };

namespace Delivery {

constexpr int Count = 6;
QList<DeliveryStatus> all();
// The word the store keeps ("pending", "sent", ...) and the translated label ("Pending", ...).
QString key(DeliveryStatus status);
QString label(DeliveryStatus status);
std::optional<DeliveryStatus> fromKey(const QString& key);
// What an email service's export writes: "delivered", "open", "Opened", "click", "unsubscribe",
// "hard_bounce", "spamreport"… (case, '-', '_' and spaces do not matter). A spam complaint counts
// as an unsubscribe: the person asked not to be mailed again.
std::optional<DeliveryStatus> fromServiceWord(const QString& word);
// How far down the funnel a status is: an import never moves a member back up
// (a "delivered" line after an "open" one keeps "opened"). Unsubscribed and bounced end it.
int rank(DeliveryStatus status);

} // namespace Delivery

// Members per delivery status (live contacts only: a contact in the Trash is not counted).
struct DeliveryCounts
{
    std::array<qint64, Delivery::Count> values{};

    qint64 of(DeliveryStatus status) const { return values[std::size_t(status)]; }
    qint64& operator[](DeliveryStatus status) { return values[std::size_t(status)]; }
    qint64 total() const;
    bool operator==(const DeliveryCounts& o) const { return values == o.values; }
};

// One bar of the delivery funnel: Members ≥ Sent ≥ Opened ≥ Clicked, then the members lost
// (Unsubscribed, Bounced). "Sent" counts everyone the message reached (sent, opened, clicked or
// unsubscribed afterwards); "Opened" those who opened or clicked.
struct FunnelStage
{
    QString label;
    qint64 value = 0;
    bool lost = false; // unsubscribed / bounced: drawn apart from the funnel
};
QList<FunnelStage> funnel(const DeliveryCounts& counts);

struct Campaign
{
    qint64 id = 0;
    QString name;
    QString channel = QStringLiteral("email");
    QString status = QStringLiteral("draft");
    qint64 createdAt = 0;  // epoch ms
    qint64 archivedAt = 0; // 0: not archived
    DeliveryCounts counts;

    bool isArchived() const { return archivedAt != 0; }
};

namespace Campaigns {
QStringList channels(); // email, sms, phone, mail, social, other
QStringList statuses(); // draft, active, completed
QString channelLabel(const QString& channel);
QString statusLabel(const QString& status);
} // namespace Campaigns

// One campaign a contact is in, for the profile.
struct CampaignMembership
{
    qint64 campaignId = 0;
    QString campaignName;
    QString channel;
    bool archived = false;
    DeliveryStatus status = DeliveryStatus::Pending;
    qint64 updatedAt = 0; // when the status was last set (epoch ms)
};

// One member of a campaign, for the members view.
struct CampaignMember
{
    qint64 contactId = 0;
    QString displayName;
    QString email;
    DeliveryStatus status = DeliveryStatus::Pending;
    qint64 updatedAt = 0;
};

} // namespace ContactDesk

Q_DECLARE_METATYPE(ContactDesk::DeliveryStatus)
