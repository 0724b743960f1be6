#include "ProfilePane.h"

#include "ContactPointsEditor.h"
#include "MessageBanner.h"
#include "CampaignPane.h"
#include "NotesPane.h"
#include "TagsPane.h"
#include "dedupe/DuplicateScorer.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ContactDesk {

namespace {

QString objectBaseName(ContactField field)
{
    // first_name -> firstName
    const QStringList parts = Fields::columnName(field).split(QLatin1Char('_'));
    QString name = parts.first();
    for (int i = 1; i < parts.size(); ++i)
        name += parts[i].left(1).toUpper() + parts[i].mid(1);
    return name;
}

bool isCombo(ContactField field)
{
    return field == ContactField::ContactStatus || field == ContactField::Type || field == ContactField::Source;
}

QGroupBox* section(const QString& title, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    box->setFlat(true);
    box->setStyleSheet(QStringLiteral("QGroupBox { font-weight:600; margin-top:10px; }"
                                      "QGroupBox::title { subcontrol-origin: margin; left: 0px; }"));
    return box;
}

} // namespace

ProfilePane::ProfilePane(ContactStore* store, TagListModel* tags, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_content(new QWidget)
    , m_emptyLabel(new QLabel(this))
    , m_nameLabel(new QLabel(m_content))
    , m_metaLabel(new QLabel(m_content))
    , m_draftHint(new QLabel(m_content))
    , m_banner(new MessageBanner(m_content))
    , m_duplicateBanner(new MessageBanner(m_content))
    , m_emails(new ContactPointsEditor(ContactPointsEditor::Kind::Email, m_content))
    , m_phones(new ContactPointsEditor(ContactPointsEditor::Kind::Phone, m_content))
    , m_tagsPane(new TagsPane(store, tags, m_content))
    , m_notesPane(new NotesPane(store, m_content))
    , m_campaignPane(new CampaignPane(store, m_content))
{
    setObjectName(QStringLiteral("profilePane"));
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ProfilePane::saveNow);

    m_nameLabel->setObjectName(QStringLiteral("profileNameLabel"));
    QFont big = m_nameLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_nameLabel->setFont(big);
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_metaLabel->setObjectName(QStringLiteral("profileMetaLabel"));
    m_metaLabel->setStyleSheet(QStringLiteral("color:palette(mid);"));
    m_draftHint->setObjectName(QStringLiteral("draftHintLabel"));
    m_draftHint->setWordWrap(true);
    m_draftHint->setText(tr("New contact: it is saved as soon as it has an email address or a phone number."));
    m_draftHint->setStyleSheet(QStringLiteral("color:#6b4a00; background:#fff4e5; padding:4px; border-radius:4px;"));
    m_draftHint->hide();

    auto* layout = new QVBoxLayout(m_content);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_metaLabel);
    layout->addWidget(m_draftHint);
    layout->addWidget(m_banner);
    m_duplicateBanner->setObjectName(QStringLiteral("duplicateBanner"));
    layout->addWidget(m_duplicateBanner);
    connect(&m_duplicateCheck, &QFutureWatcher<QList<DuplicateCheck::Candidate>>::finished, this,
            &ProfilePane::duplicateCheckFinished);

    auto addForm = [this, layout](const QString& title, const QList<ContactField>& fields) {
        auto* box = section(title, m_content);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (ContactField f : fields)
            form->addRow(Fields::label(f), buildFieldRow(f));
        layout->addWidget(box);
        return form;
    };
    addForm(tr("Person"), {ContactField::FirstName, ContactField::LastName, ContactField::Company,
                           ContactField::JobTitle});
    auto* reach = section(tr("Emails and phones"), m_content);
    auto* reachForm = new QFormLayout(reach);
    reachForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    reachForm->addRow(tr("Emails"), m_emails);
    reachForm->addRow(tr("Phones"), m_phones);
    layout->addWidget(reach);
    auto* tagsBox = section(tr("Tags"), m_content);
    (new QVBoxLayout(tagsBox))->addWidget(m_tagsPane);
    layout->addWidget(tagsBox);
    auto* campaignsBox = section(tr("Campaigns"), m_content);
    campaignsBox->setObjectName(QStringLiteral("campaignsGroupBox"));
    (new QVBoxLayout(campaignsBox))->addWidget(m_campaignPane);
    layout->addWidget(campaignsBox);
    addForm(tr("Address"), {ContactField::Street, ContactField::City, ContactField::Region, ContactField::PostalCode,
                            ContactField::Country});
    addForm(tr("Details"), {ContactField::Birthday, ContactField::ContactStatus, ContactField::Type, ContactField::Source,
                            ContactField::Owner, ContactField::ExternalId, ContactField::TimeZone});
    // Custom fields (from imports, or defined later) with a value or a definition show here.
    m_customBox = section(tr("Other fields"), m_content);
    m_customBox->setObjectName(QStringLiteral("customFieldsGroupBox"));
    m_customForm = new QFormLayout(m_customBox);
    m_customForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(m_customBox);
    auto* notesBox = section(tr("Notes"), m_content);
    (new QVBoxLayout(notesBox))->addWidget(m_notesPane);
    layout->addWidget(notesBox);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setObjectName(QStringLiteral("profileScrollArea"));
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_emptyLabel->setObjectName(QStringLiteral("profileEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setText(tr("Select a contact to see their profile, or press Ctrl+N to add one."));
    m_emptyLabel->setStyleSheet(QStringLiteral("color:palette(mid);"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_emptyLabel);
    outer->addWidget(scroll);
    // Never narrower than a loaded contact's rows (an email row with its kind, Primary and remove
    // need about 380 px): the window's splitter stops there instead of clipping them.
    setMinimumWidth(std::max(380, m_content->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width()));

    connect(m_emails, &ContactPointsEditor::edited, this, [this] { pointsEdited(m_emails); });
    connect(m_phones, &ContactPointsEditor::edited, this, [this] { pointsEdited(m_phones); });
    auto showFailure = [this](const QString& message) { m_banner->showMessage(message, MessageBanner::Kind::Error); };
    connect(m_tagsPane, &TagsPane::failed, this, showFailure);
    connect(m_notesPane, &NotesPane::failed, this, showFailure);
    connect(store, &ContactStore::contactsChanged, this, &ProfilePane::onStoreChanged);
    connect(store, &ContactStore::externalChange, this, [this] {
        // Save what the rep typed first; if it still cannot be saved, keep it on screen.
        flush();
        if (m_contactId > 0 && !m_draft && !hasPendingEdits())
            showContact(m_contactId);
    });
    showContact(0);
}

QWidget* ProfilePane::buildFieldRow(ContactField field)
{
    auto* row = new QWidget(m_content);
    auto* rowLayout = new QVBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->setSpacing(1);
    FieldEditor editor;
    const QString base = objectBaseName(field);
    if (isCombo(field)) {
        editor.combo = new QComboBox(row);
        editor.combo->setObjectName(base + QStringLiteral("ComboBox"));
        editor.combo->addItems(field == ContactField::ContactStatus ? Fields::statuses()
                               : field == ContactField::Type ? Fields::types()
                                                             : Fields::sources());
        rowLayout->addWidget(editor.combo);
        connect(editor.combo, &QComboBox::activated, this, [this, field] { fieldEdited(field); });
    } else {
        editor.line = new QLineEdit(row);
        editor.line->setObjectName(base + QStringLiteral("LineEdit"));
        if (field == ContactField::Birthday)
            editor.line->setPlaceholderText(tr("YYYY-MM-DD"));
        rowLayout->addWidget(editor.line);
        connect(editor.line, &QLineEdit::textEdited, this, [this, field] { fieldEdited(field); });
        connect(editor.line, &QLineEdit::editingFinished, this, &ProfilePane::flush);
    }
    editor.error = new QLabel(row);
    editor.error->setObjectName(base + QStringLiteral("ErrorLabel"));
    editor.error->setWordWrap(true);
    editor.error->setStyleSheet(QStringLiteral("color:#b3261e;"));
    editor.error->hide();
    rowLayout->addWidget(editor.error);
    m_fields.insert(field, editor);
    return row;
}

QString ProfilePane::fieldText(ContactField field) const
{
    const FieldEditor& e = m_fields[field];
    return e.line ? e.line->text() : e.combo->currentText();
}

void ProfilePane::setFieldText(ContactField field, const QString& text)
{
    const FieldEditor& e = m_fields[field];
    if (e.line)
        e.line->setText(text);
    else
        e.combo->setCurrentText(text);
}

void ProfilePane::setFieldError(ContactField field, const QString& message)
{
    const FieldEditor& e = m_fields[field];
    e.error->setText(message);
    e.error->setVisible(!message.isEmpty());
    QWidget* w = e.line ? static_cast<QWidget*>(e.line) : e.combo;
    w->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("border:1px solid #b3261e;"));
}

QString ProfilePane::fieldError(ContactField field) const
{
    const FieldEditor& e = m_fields[field];
    return e.error->isVisible() ? e.error->text() : QString();
}

void ProfilePane::fieldEdited(ContactField field)
{
    if (m_loading)
        return;
    m_dirtyFields.insert(field);
    m_saveTimer.start();
}

void ProfilePane::pointsEdited(ContactPointsEditor* editor)
{
    if (m_loading)
        return;
    if (editor == m_emails)
        m_emailsDirty = true;
    else
        m_phonesDirty = true;
    m_saveTimer.start();
}

void ProfilePane::flush()
{
    if (hasPendingEdits()) {
        m_saveTimer.stop();
        saveNow();
    }
}

bool ProfilePane::hasPendingEdits() const
{
    return m_saveTimer.isActive() || !m_dirtyFields.isEmpty() || m_emailsDirty || m_phonesDirty;
}

void ProfilePane::saveNow()
{
    if (m_saving)
        return;
    m_saving = true;
    if (m_draft) {
        createFromDraft();
    } else if (m_contactId > 0) {
        saveFields(m_contactId);
    }
    m_saving = false;
    // A store signal during the save (the row left the filtered list, say) asked to show another
    // contact: do it now that this one is fully saved.
    if (m_deferredShow >= 0) {
        const qint64 id = m_deferredShow;
        m_deferredShow = -1;
        showContact(id);
    }
}

void ProfilePane::saveFields(qint64 id)
{
    const QSet<ContactField> dirty = m_dirtyFields;
    m_dirtyFields.clear();
    auto message = [](const Error& e) {
        return e.code == Error::Code::Locked
                   ? tr("Not saved yet: another job (an import?) is writing. Your text is kept and saved when it "
                        "finishes.")
                   : e.message;
    };
    for (ContactField f : dirty) {
        Status s = m_store->updateField(id, f, fieldText(f));
        // On failure the field stays dirty so the next keystroke retries; the text stays as typed.
        setFieldError(f, s ? QString() : message(s.error()));
        if (!s)
            m_dirtyFields.insert(f);
    }
    if (m_emailsDirty) {
        Status s = m_store->setEmails(id, m_emails->emails());
        m_emailsDirty = !s;
        s ? m_emails->clearError() : m_emails->setError(message(s.error()));
    }
    const bool phonesEdited = m_phonesDirty, emailsEdited = m_emailsDirty;
    if (m_phonesDirty) {
        Status s = m_store->setPhones(id, m_phones->phones());
        m_phonesDirty = !s;
        s ? m_phones->clearError() : m_phones->setError(message(s.error()));
    }
    updateHeader();
    static const QSet<ContactField> identity{ContactField::FirstName, ContactField::LastName, ContactField::Company,
                                             ContactField::Birthday, ContactField::Street, ContactField::PostalCode};
    if (phonesEdited || emailsEdited || dirty.intersects(identity))
        checkForDuplicates(id);
}

ProfilePane::~ProfilePane()
{
    m_duplicateCheck.waitForFinished();
}

void ProfilePane::checkForDuplicates(qint64 id)
{
    if (m_duplicateCheck.isRunning()) { // one at a time; the latest edit is checked next
        m_pendingCheck = id;
        return;
    }
    m_checkingId = id;
    const QString path = m_store->database().path();
    m_duplicateCheck.setFuture(QtConcurrent::run([path, id]() -> QList<DuplicateCheck::Candidate> {
        ScopedConnection connection(path, QStringLiteral("duplicate check"));
        if (!connection.status())
            return {};
        auto found = DuplicateCheck::probableDuplicatesOf(connection.database(), id);
        return found ? *found : QList<DuplicateCheck::Candidate>();
    }));
}

void ProfilePane::duplicateCheckFinished()
{
    const QList<DuplicateCheck::Candidate> found = m_duplicateCheck.result();
    const qint64 checked = m_checkingId;
    if (m_pendingCheck > 0) {
        const qint64 next = m_pendingCheck;
        m_pendingCheck = 0;
        checkForDuplicates(next);
    }
    if (checked != m_contactId || m_draft)
        return;
    if (found.isEmpty()) {
        m_duplicateBanner->hide();
        return;
    }
    const DuplicateCheck::Candidate& best = found.first();
    QList<qint64> ids{checked};
    for (const auto& c : found)
        ids.append(c.id);
    m_duplicateBanner->showMessage(tr("Possible duplicate of %1 (%2%): %3")
                                       .arg(best.name)
                                       .arg(DuplicateScorer::percent(best.score))
                                       .arg(best.evidence),
                                   MessageBanner::Kind::Warning, tr("Review…"),
                                   [this, ids] { Q_EMIT reviewDuplicatesRequested(ids); });
}

void ProfilePane::createFromDraft()
{
    if (!m_emails->hasValue() && !m_phones->hasValue())
        return; // the draft hint already says what is missing
    Contact c;
    for (ContactField f : Fields::all())
        c.setField(f, fieldText(f));
    c.emails = m_emails->emails();
    c.phones = m_phones->phones();
    auto id = m_store->createContact(c);
    m_emails->clearError();
    m_phones->clearError();
    if (!id) {
        const Error& e = id.error();
        if (e.where == tr("Email") || e.where.contains(QLatin1String("Email"), Qt::CaseInsensitive))
            m_emails->setError(e.message);
        else if (e.where.contains(QLatin1String("Phone"), Qt::CaseInsensitive))
            m_phones->setError(e.message);
        else
            m_banner->showMessage(e.toString(), MessageBanner::Kind::Error);
        return;
    }
    m_draft = false;
    m_contactId = *id;
    m_dirtyFields.clear();
    m_emailsDirty = m_phonesDirty = false;
    m_draftHint->hide();
    m_tagsPane->setContact(m_contactId, {});
    m_notesPane->setContact(m_contactId);
    m_campaignPane->setContact(m_contactId);
    updateHeader();
    if (!m_switching) // the rep already picked another contact: do not pull the selection back
        Q_EMIT contactCreated(m_contactId);
    checkForDuplicates(m_contactId);
}

void ProfilePane::clearAll()
{
    m_loading = true;
    for (ContactField f : Fields::all()) {
        setFieldText(f, {});
        setFieldError(f, {});
    }
    m_emails->setEmails({});
    m_phones->setPhones({});
    m_tagsPane->setContact(0, {});
    m_notesPane->setContact(0);
    m_campaignPane->setContact(0);
    m_banner->hide();
    m_duplicateBanner->hide();
    m_loading = false;
}

void ProfilePane::load(const Contact& contact)
{
    m_loading = true;
    for (ContactField f : Fields::all()) {
        setFieldText(f, contact.field(f));
        setFieldError(f, {});
    }
    m_emails->setEmails(contact.emails);
    m_phones->setPhones(contact.phones);
    loadCustomFields(contact);
    m_tagsPane->setContact(contact.id, contact.tags);
    m_notesPane->setContact(contact.id);
    m_campaignPane->setContact(contact.id);
    m_banner->hide();
    m_duplicateBanner->hide();
    m_loading = false;
}

void ProfilePane::loadCustomFields(const Contact& contact)
{
    while (m_customForm->rowCount() > 0)
        m_customForm->removeRow(0);
    auto labels = m_store->repository().customFieldLabels();
    const QMap<QString, QString> defined = labels ? *labels : QMap<QString, QString>{};
    for (auto it = defined.cbegin(); it != defined.cend(); ++it) {
        auto* edit = new QLineEdit(contact.customFields.value(it.key()), m_customBox);
        edit->setObjectName(QStringLiteral("customField_%1_LineEdit").arg(it.key()));
        const QString key = it.key();
        const qint64 id = contact.id;
        // Saved when the rep leaves the field (custom values are free text).
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, key, id] {
            if (!edit->isModified() || id != m_contactId)
                return;
            Status s = m_store->setCustomValue(id, key, edit->text());
            if (!s)
                m_banner->showMessage(s.error().toString(), MessageBanner::Kind::Error);
            edit->setModified(false);
        });
        m_customForm->addRow(it.value(), edit);
    }
    m_customBox->setVisible(!defined.isEmpty());
}

void ProfilePane::showContact(qint64 id)
{
    if (m_saving) {
        m_deferredShow = id;
        return;
    }
    if (id != m_contactId || m_draft) {
        m_switching = true;
        flush();
        m_switching = false;
    }
    m_draft = false;
    m_draftHint->hide();
    m_dirtyFields.clear();
    m_emailsDirty = m_phonesDirty = false;
    m_contactId = id;
    auto contact = id > 0 ? m_store->repository().load(id) : Result<Contact>(Error{});
    if (!contact) {
        m_contactId = 0;
        clearAll();
        m_emptyLabel->show();
        m_scroll->hide(); // the scroll area
        return;
    }
    m_emptyLabel->hide();
    m_scroll->show();
    load(*contact);
    updateHeader();
}

void ProfilePane::startNewContact()
{
    flush();
    m_contactId = 0;
    clearAll();
    m_draft = true;
    m_loading = true;
    setFieldText(ContactField::ContactStatus, QStringLiteral("active"));
    setFieldText(ContactField::Type, QStringLiteral("lead"));
    setFieldText(ContactField::Source, QStringLiteral("manual"));
    m_loading = false;
    m_emptyLabel->hide();
    m_scroll->show();
    m_draftHint->show();
    m_nameLabel->setText(tr("New contact"));
    m_metaLabel->clear();
    m_fields[ContactField::FirstName].line->setFocus();
}

void ProfilePane::setReadOnly(bool readOnly)
{
    m_content->setEnabled(!readOnly);
}

void ProfilePane::updateHeader()
{
    if (m_draft || m_contactId <= 0)
        return;
    auto c = m_store->repository().load(m_contactId);
    if (!c)
        return;
    m_nameLabel->setText(c->displayName());
    QString meta = tr("Created %1 · updated %2")
                       .arg(QLocale().toString(c->createdAt.toLocalTime(), QLocale::ShortFormat),
                            QLocale().toString(c->updatedAt.toLocalTime(), QLocale::ShortFormat));
    if (c->deletedAt.isValid())
        meta += tr(" · in the Trash since %1").arg(QLocale().toString(c->deletedAt.toLocalTime(), QLocale::ShortFormat));
    m_metaLabel->setText(meta);
}

void ProfilePane::onStoreChanged(const QList<qint64>& ids)
{
    // Another pane (or a bulk action) changed this contact: show it unless the rep is typing.
    if (m_contactId <= 0 || m_draft || !ids.contains(m_contactId))
        return;
    if (hasPendingEdits())
        return;
    updateHeader();
}

} // namespace ContactDesk
