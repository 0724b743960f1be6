#include "CampaignCommands.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace ContactDesk {

namespace CampaignActions {

void addToCampaign(ContactStore* store, QUndoStack* undo, qint64 campaignId, const CampaignStore::Target& target,
                   const std::function<void(bool, const QString&)>& done)
{
    auto change = std::make_shared<CampaignStore::AddChange>();
    auto error = std::make_shared<QString>();
    const QString label = QCoreApplication::translate("CampaignActions", "Adding to campaign");
    store->runJob(
        label, CampaignStore::AddSteps,
        [change, error, campaignId, target](const QSqlDatabase& db, const CampaignStore::Progress& progress) -> Status {
            auto added = CampaignStore::addMembers(db, campaignId, target, progress);
            if (!added) {
                *error = added.error().toString();
                return added.error();
            }
            *change = *added;
            return {};
        },
        [store, undo, change, error, done](bool ok) {
            if (!ok) {
                if (done)
                    done(false, error->isEmpty() ? QCoreApplication::translate("CampaignActions", "the change was cancelled")
                                                 : *error);
                return;
            }
            if (!change->ids.isEmpty() && undo) {
                const QString text = QCoreApplication::translate("CampaignActions", "Add %1 to \"%2\"")
                                         .arg(change->ids.size() == 1
                                                  ? QCoreApplication::translate("CampaignActions", "1 contact")
                                                  : QCoreApplication::translate("CampaignActions", "%1 contacts")
                                                        .arg(change->ids.size()),
                                              change->campaignName);
                undo->push(changeCommand(storeRunner(store, CampaignStore::AddSteps), change, &CampaignStore::undoAdd,
                                         &CampaignStore::redoAdd, text));
            }
            if (done)
                done(true, change->ids.isEmpty() ? change->summary()
                                                 : change->summary() + QLatin1Char(' ')
                                                       + QCoreApplication::translate("CampaignActions", "Undo with Ctrl+Z."));
        });
}

Result<int> setMemberStatus(ContactStore* store, QUndoStack* undo, qint64 campaignId, const QString& campaignName,
                            const QList<qint64>& contactIds, DeliveryStatus status)
{
    auto change = store->setMemberStatus(campaignId, contactIds, status);
    if (!change)
        return change.error();
    const int n = change->members;
    const QString members = n == 1 ? QCoreApplication::translate("CampaignActions", "1 member")
                                   : QCoreApplication::translate("CampaignActions", "%1 members").arg(n);
    pushStatusChange(store, undo, *change,
                     QCoreApplication::translate("CampaignActions", "Set %1 of \"%2\" to %3")
                         .arg(members, campaignName, Delivery::label(status).toLower()));
    return n;
}

void pushStatusChange(ContactStore* store, QUndoStack* undo, const CampaignStore::StatusChange& change,
                      const QString& text)
{
    if (!undo || change.members == 0)
        return;
    undo->push(changeCommand(storeRunner(store, CampaignStore::StatusSteps),
                             std::make_shared<CampaignStore::StatusChange>(change), &CampaignStore::undoStatus,
                             &CampaignStore::redoStatus, text));
}

} // namespace CampaignActions

} // namespace ContactDesk
