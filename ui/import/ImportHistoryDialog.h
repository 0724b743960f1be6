#pragma once
// Past imports, newest first: what each added, updated, skipped and failed; show a run's contacts
// in the list, or revert a finished run completely.

#include <QDialog>

class QTableWidget;

namespace ContactDesk {

class ContactStore;

class ImportHistoryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportHistoryDialog(ContactStore* store, QWidget* parent = nullptr);
    void reload();

Q_SIGNALS:
    void showContactsRequested(qint64 runId);

private:
    qint64 selectedRun() const;
    void revertSelected();

    ContactStore* m_store;
    QTableWidget* m_table;
};

} // namespace ContactDesk
