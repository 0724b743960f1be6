#include "CampaignCommands.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace ContactDesk {

AddToCampaignCommand::AddToCampaignCommand(StoreJobRunner runner, std::shared_ptr<CampaignStore::AddChange> change,
                                           const QString& text)
    : QUndoCommand(text)
    , m_runner(std::move(runner))
    , m_change(std::move(change))
{
}

void AddToCampaignCommand::redo()
{
    if (m_firstRedo) { // the job ran it already
        m_firstRedo = false;
        return;
    }
    auto change = m_change;
    m_runner(QCoreApplication::translate("AddToCampaignCommand", "Redoing: %1").arg(text()),
             [change](const QSqlDatabase& db, const CampaignStore::Progress& progress) {
                 return CampaignStore::redoAdd(db, *change, progress);
             });
}

void AddToCampaignCommand::undo()
{
    auto change = m_change;
    m_runner(QCoreApplication::translate("AddToCampaignCommand", "Undoing: %1").arg(text()),
             [change](const QSqlDatabase& db, const CampaignStore::Progress& progress) {
                 return CampaignStore::undoAdd(db, *change, progress);
             });
}

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
                auto runner = [store](const QString& jobText, const StoreJob& job) {
                    store->runJob(jobText, CampaignStore::AddSteps, job);
                };
                undo->push(new AddToCampaignCommand(runner, change, text));
            }
            if (done)
                done(true, change->ids.isEmpty() ? change->summary()
                                                 : change->summary() + QLatin1Char(' ')
                                                       + QCoreApplication::translate("CampaignActions", "Undo with Ctrl+Z."));
        });
}

} // namespace CampaignActions

} // namespace ContactDesk
