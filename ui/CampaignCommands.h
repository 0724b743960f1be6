#pragma once
// "Add to campaign…": the list's selection (or every contact matching the filter) added to a
// campaign in the background (ContactStore::runJob, progress in the status bar), reported with how
// many were added and how many skipped and why, and undone/redone as one step. Member statuses
// set by hand (campaigns view, profile) and imported from a CSV are undone as one step too.

#include "UndoCommands.h"
#include "store/CampaignStore.h"

#include <QUndoCommand>

#include <functional>
#include <memory>

class QUndoStack;

namespace ContactDesk {

namespace CampaignActions {

// Runs the add as a job; when it ends, `done` gets the summary ("Added 88 contacts to "Spring".
// Skipped 12 contacts: unsubscribed.") when it succeeded (a failure is reported by the store), and
// a change that added anyone is pushed on `undo`.
void addToCampaign(ContactStore* store, QUndoStack* undo, qint64 campaignId, const CampaignStore::Target& target,
                   const std::function<void(bool ok, const QString& message)>& done);

// Sets the status of members (a view's selection, so bounded: on the UI connection) and pushes
// the change on `undo` (when given) as one step; returns how many members it set.
Result<int> setMemberStatus(ContactStore* store, QUndoStack* undo, qint64 campaignId, const QString& campaignName,
                            const QList<qint64>& contactIds, DeliveryStatus status);
// Pushes a finished status import (or any status change) on `undo` as one step named `text`.
void pushStatusChange(ContactStore* store, QUndoStack* undo, const CampaignStore::StatusChange& change,
                      const QString& text);

} // namespace CampaignActions

} // namespace ContactDesk
