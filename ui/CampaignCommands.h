#pragma once
// "Add to campaign…": the list's selection (or every contact matching the filter) added to a
// campaign in the background (ContactStore::runJob, progress in the status bar), reported with how
// many were added and how many skipped and why, and undone/redone as one step.

#include "UndoCommands.h"
#include "store/CampaignStore.h"

#include <QUndoCommand>

#include <functional>
#include <memory>

class QUndoStack;

namespace ContactDesk {

class AddToCampaignCommand : public QUndoCommand
{
public:
    AddToCampaignCommand(StoreJobRunner runner, std::shared_ptr<CampaignStore::AddChange> change, const QString& text);
    void undo() override;
    void redo() override;

private:
    StoreJobRunner m_runner;
    std::shared_ptr<CampaignStore::AddChange> m_change;
    bool m_firstRedo = true;
};

namespace CampaignActions {

// Runs the add as a job; when it ends, `done` gets the summary ("Added 88 contacts to "Spring".
// Skipped 12 contacts: unsubscribed.") when it succeeded (a failure is reported by the store), and
// a change that added anyone is pushed on `undo`.
void addToCampaign(ContactStore* store, QUndoStack* undo, qint64 campaignId, const CampaignStore::Target& target,
                   const std::function<void(bool ok, const QString& message)>& done);

} // namespace CampaignActions

} // namespace ContactDesk
