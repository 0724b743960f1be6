#pragma once
// The selected contact's profile: every field editable in place and saved as the rep types (a
// short pause, leaving the field, or switching contacts saves it; there is no Save button). A
// broken rule shows next to its field and the typed text stays. A new contact is a draft that
// is created in the store as soon as it has a valid email or phone.

#include "dedupe/DuplicateCheck.h"
#include "domain/Contact.h"

#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace ContactDesk {

class CampaignPane;
class ContactPointsEditor;
class ContactStore;
class MessageBanner;
class NotesPane;
class TagListModel;
class TagsPane;

class ProfilePane : public QWidget
{
    Q_OBJECT

public:
    static constexpr int SaveDelayMs = 400;

    ProfilePane(ContactStore* store, TagListModel* tags, QWidget* parent = nullptr);
    ~ProfilePane() override;

    qint64 contactId() const { return m_contactId; }
    bool isDraft() const { return m_draft; }
    void showContact(qint64 id);
    void startNewContact();
    void setReadOnly(bool readOnly);
    // Saves what is pending now (before switching contacts or closing).
    void flush();
    QString fieldError(ContactField field) const;
    bool isCheckingDuplicates() const { return m_duplicateCheck.isRunning(); }
    MessageBanner* duplicateBanner() const { return m_duplicateBanner; }
    CampaignPane* campaignPane() const { return m_campaignPane; }

Q_SIGNALS:
    void contactCreated(qint64 id);
    // The rep wants to review this contact with its probable duplicate(s).
    void reviewDuplicatesRequested(const QList<qint64>& ids);

private:
    struct FieldEditor
    {
        QLineEdit* line = nullptr;
        QComboBox* combo = nullptr;
        QLabel* error = nullptr;
    };

    QWidget* buildFieldRow(ContactField field);
    QString fieldText(ContactField field) const;
    void setFieldText(ContactField field, const QString& text);
    void setFieldError(ContactField field, const QString& message);
    void fieldEdited(ContactField field);
    void pointsEdited(ContactPointsEditor* editor);
    void saveNow();
    void saveFields(qint64 id);
    void createFromDraft();
    void load(const Contact& contact);
    void loadCustomFields(const Contact& contact);
    void clearAll();
    void updateHeader();
    void onStoreChanged(const QList<qint64>& ids);
    bool hasPendingEdits() const;
    // Looks for probable duplicates of a created or edited contact in the background and shows
    // a banner (with Review…) when there are.
    void checkForDuplicates(qint64 id);
    void duplicateCheckFinished();

    ContactStore* m_store;
    qint64 m_contactId = 0;
    bool m_draft = false;
    bool m_loading = false;
    bool m_saving = false;      // store signals during a save may ask to show another contact
    bool m_switching = false;   // a draft saved because the rep picked another contact
    qint64 m_deferredShow = -1; // the contact to show once the running save is done
    QHash<ContactField, FieldEditor> m_fields;
    QSet<ContactField> m_dirtyFields;
    bool m_emailsDirty = false;
    bool m_phonesDirty = false;
    QTimer m_saveTimer;

    QWidget* m_content;
    QWidget* m_scroll = nullptr;
    QLabel* m_emptyLabel;
    QLabel* m_nameLabel;
    QLabel* m_metaLabel;
    QLabel* m_draftHint;
    MessageBanner* m_banner;
    MessageBanner* m_duplicateBanner;
    QFutureWatcher<QList<DuplicateCheck::Candidate>> m_duplicateCheck;
    qint64 m_checkingId = 0;
    qint64 m_pendingCheck = 0;
    ContactPointsEditor* m_emails;
    ContactPointsEditor* m_phones;
    TagsPane* m_tagsPane;
    NotesPane* m_notesPane;
    CampaignPane* m_campaignPane;
    QGroupBox* m_customBox = nullptr;
    QFormLayout* m_customForm = nullptr;
};

} // namespace ContactDesk
