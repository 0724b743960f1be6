#include "FilterBar.h"

#include "io/ImportJob.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/SavedLists.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ContactDesk {

namespace {

// A date edit shows "any" at its minimum: an open end of the range.
const QDate anyDate(2000, 1, 1);

QStringList tagList(const QLineEdit* edit)
{
    QStringList tags;
    for (const QString& t : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            tags.append(t.trimmed());
    return tags;
}

qint64 startOfDay(const QDate& date)
{
    return date.startOfDay().toMSecsSinceEpoch(); // local midnight, as the rep reads dates
}

TimeRange rangeOf(const QDateEdit* from, const QDateEdit* to)
{
    TimeRange r;
    if (from->date() > anyDate)
        r.from = startOfDay(from->date());
    if (to->date() > anyDate)
        r.to = startOfDay(to->date().addDays(1)); // "to" includes its day
    return r;
}

QComboBox* combo(QWidget* parent, const char* name, const QStringList& values, const QString& anyText)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->addItem(anyText, QString());
    for (const QString& v : values)
        box->addItem(v, v);
    return box;
}

} // namespace

FilterBar::FilterBar(ContactStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_source(new QComboBox(this))
    , m_status(combo(this, "statusFilterComboBox", Fields::statuses(), tr("Any status")))
    , m_type(combo(this, "typeFilterComboBox", Fields::types(), tr("Any type")))
    , m_owner(new QLineEdit(this))
    , m_allTags(new QLineEdit(this))
    , m_anyTags(new QLineEdit(this))
    , m_noneTags(new QLineEdit(this))
    , m_createdFrom(dateEdit("createdFromDateEdit"))
    , m_createdTo(dateEdit("createdToDateEdit"))
    , m_updatedFrom(dateEdit("updatedFromDateEdit"))
    , m_updatedTo(dateEdit("updatedToDateEdit"))
    , m_list(new QComboBox(this))
    , m_field(new QComboBox(this))
    , m_fieldValue(new QLineEdit(this))
    , m_clear(new QPushButton(tr("Clear filters"), this))
    , m_letters(new QWidget(this))
    , m_letterGroup(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("filterBar"));
    m_source->setObjectName(QStringLiteral("sourceFilterComboBox"));
    m_owner->setObjectName(QStringLiteral("ownerFilterLineEdit"));
    m_owner->setPlaceholderText(tr("Any owner"));
    m_allTags->setObjectName(QStringLiteral("allTagsLineEdit"));
    m_allTags->setPlaceholderText(tr("vip, customer"));
    m_allTags->setToolTip(tr("Contacts with every one of these tags (comma-separated)"));
    m_anyTags->setObjectName(QStringLiteral("anyTagsLineEdit"));
    m_anyTags->setToolTip(tr("Contacts with at least one of these tags"));
    m_noneTags->setObjectName(QStringLiteral("noneTagsLineEdit"));
    m_noneTags->setToolTip(tr("Contacts with none of these tags"));
    m_list->setObjectName(QStringLiteral("listFilterComboBox"));
    m_list->setToolTip(tr("Only the members of this list"));
    m_field->setObjectName(QStringLiteral("fieldFilterComboBox"));
    m_fieldValue->setObjectName(QStringLiteral("fieldValueLineEdit"));
    m_fieldValue->setPlaceholderText(tr("value"));
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Source"), m_source);
    form->addRow(tr("Status"), m_status);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Owner"), m_owner);
    form->addRow(tr("All of tags"), m_allTags);
    form->addRow(tr("Any of tags"), m_anyTags);
    form->addRow(tr("None of tags"), m_noneTags);
    form->addRow(tr("Created from"), m_createdFrom);
    form->addRow(tr("Created to"), m_createdTo);
    form->addRow(tr("Updated from"), m_updatedFrom);
    form->addRow(tr("Updated to"), m_updatedTo);
    form->addRow(tr("In list"), m_list);
    form->addRow(tr("Field"), m_field);
    form->addRow(tr("equals"), m_fieldValue);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    auto* title = new QLabel(tr("<b>Filters</b>"), this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_clear);
    layout->addStretch(1);

    // The letter strip: All, A–Z and # (names that do not start with a letter).
    auto* strip = new QHBoxLayout(m_letters);
    strip->setContentsMargins(0, 0, 0, 0);
    strip->setSpacing(1);
    m_letters->setObjectName(QStringLiteral("letterStrip"));
    QStringList letters{QString()};
    for (char c = 'A'; c <= 'Z'; ++c)
        letters.append(QString(QLatin1Char(c)));
    letters.append(QStringLiteral("#"));
    for (const QString& l : std::as_const(letters)) {
        auto* b = new QToolButton(m_letters);
        b->setText(l.isEmpty() ? tr("All") : l);
        b->setObjectName(QStringLiteral("letterButton") + (l.isEmpty() ? QStringLiteral("All") : l == QLatin1String("#")
                                                                                                   ? QStringLiteral("Hash")
                                                                                                   : l));
        b->setProperty("letter", l.toLower());
        b->setCheckable(true);
        b->setAutoRaise(true);
        // Narrow enough for the strip to shrink with the list (at 1280 px the profile needs room).
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(b->text()) + 6);
        b->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        b->setChecked(l.isEmpty());
        m_letterGroup->addButton(b);
        strip->addWidget(b);
    }
    strip->addStretch(1);
    m_letterGroup->setExclusive(true);

    reloadChoices();

    m_timer.setSingleShot(true);
    m_timer.setInterval(TypingDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &FilterBar::emitNow);
    for (QComboBox* box : {m_source, m_status, m_type, m_list, m_field})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::emitNow);
    for (QLineEdit* edit : {m_owner, m_allTags, m_anyTags, m_noneTags, m_fieldValue})
        connect(edit, &QLineEdit::textChanged, this, &FilterBar::changed);
    for (QDateEdit* edit : {m_createdFrom, m_createdTo, m_updatedFrom, m_updatedTo})
        connect(edit, &QDateEdit::dateChanged, this, &FilterBar::changed);
    connect(m_letterGroup, &QButtonGroup::buttonClicked, this, &FilterBar::emitNow);
    connect(m_clear, &QPushButton::clicked, this, &FilterBar::clear);
    connect(store, &ContactStore::externalChange, this, &FilterBar::reloadChoices); // an import finished
    connect(store, &ContactStore::listsChanged, this, &FilterBar::reloadChoices);
}

QDateEdit* FilterBar::dateEdit(const char* name)
{
    auto* edit = new QDateEdit(this);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(anyDate);
    edit->setSpecialValueText(tr("any"));
    edit->setCalendarPopup(true);
    edit->setDate(anyDate);
    return edit;
}

void FilterBar::reloadChoices()
{
    m_quiet = true;
    const QVariant source = m_source->currentData();
    m_source->clear();
    m_source->addItem(tr("Any source"), QString());
    const QList<QPair<QString, QString>> sources{{QStringLiteral("manual"), tr("Manual")},
                                                 {QStringLiteral("csv"), tr("CSV import")},
                                                 {QStringLiteral("vcard"), tr("vCard")},
                                                 {QStringLiteral("chat"), tr("Chat")},
                                                 {QStringLiteral("connected"), tr("Connected source")}};
    for (const auto& [value, label] : sources)
        m_source->addItem(label, value);
    // Each import run is a source of its own (the contacts it created or last updated).
    if (auto runs = ImportJob::history(m_store->database().connection())) {
        for (const ImportRun& r : *runs)
            m_source->addItem(tr("Import #%1 (%2)").arg(r.id).arg(r.fileName), QStringLiteral("run:%1").arg(r.id));
    }
    m_source->setCurrentIndex(std::max(0, m_source->findData(source)));

    const QString field = m_field->currentData().toString();
    m_field->clear();
    m_field->addItem(tr("Any field"), QString());
    if (auto labels = m_store->repository().customFieldLabels()) {
        for (auto it = labels->cbegin(); it != labels->cend(); ++it)
            m_field->addItem(it.value(), it.key());
    }
    m_field->setCurrentIndex(std::max(0, m_field->findData(field)));

    const QVariant list = m_list->currentData();
    m_list->clear();
    m_list->addItem(tr("Any list"), qint64(0));
    if (auto lists = SavedLists::all(m_store->database().connection())) {
        for (const SavedList& l : *lists)
            if (!l.isSmart())
                m_list->addItem(l.name, l.id);
    }
    m_list->setCurrentIndex(std::max(0, m_list->findData(list)));
    m_quiet = false;
    if (list.toLongLong() > 0 && m_list->currentIndex() == 0)
        emitNow(); // the list shown was deleted
}

void FilterBar::setFilter(const ContactFilter& f)
{
    if (f.listId > 0 && m_list->findData(f.listId) < 0)
        reloadChoices();
    if (f.importRunId > 0 && m_source->findData(QStringLiteral("run:%1").arg(f.importRunId)) < 0)
        reloadChoices();
    m_quiet = true;
    auto pick = [](QComboBox* box, const QVariant& value) { box->setCurrentIndex(std::max(0, box->findData(value))); };
    pick(m_source, f.importRunId > 0 ? QVariant(QStringLiteral("run:%1").arg(f.importRunId)) : QVariant(f.source));
    pick(m_status, f.status);
    pick(m_type, f.type);
    pick(m_list, f.listId);
    pick(m_field, f.fieldKey);
    m_owner->setText(f.owner);
    m_allTags->setText(f.allTags.join(QStringLiteral(", ")));
    m_anyTags->setText(f.anyTags.join(QStringLiteral(", ")));
    m_noneTags->setText(f.noneTags.join(QStringLiteral(", ")));
    m_fieldValue->setText(f.fieldValue);
    // A range end is a local midnight; "to" is exclusive, so its day is the one before.
    auto dates = [](QDateEdit* from, QDateEdit* to, const TimeRange& r) {
        from->setDate(r.from != 0 ? QDateTime::fromMSecsSinceEpoch(r.from).date() : anyDate);
        to->setDate(r.to != 0 ? QDateTime::fromMSecsSinceEpoch(r.to).date().addDays(-1) : anyDate);
    };
    dates(m_createdFrom, m_createdTo, f.created);
    dates(m_updatedFrom, m_updatedTo, f.updated);
    for (QAbstractButton* b : m_letterGroup->buttons())
        if (b->property("letter").toString() == f.letter.trimmed().toLower())
            b->setChecked(true);
    m_hidden = {};
    m_hidden.lastTouch = f.lastTouch;
    m_hidden.nextTouch = f.nextTouch;
    m_quiet = false;
    emitNow();
}

void FilterBar::setImportRun(qint64 runId)
{
    if (runId > 0 && m_source->findData(QStringLiteral("run:%1").arg(runId)) < 0)
        reloadChoices();
    m_source->setCurrentIndex(runId > 0 ? std::max(0, m_source->findData(QStringLiteral("run:%1").arg(runId))) : 0);
}

ContactFilter FilterBar::filter() const
{
    ContactFilter f;
    const QString source = m_source->currentData().toString();
    if (source.startsWith(QLatin1String("run:")))
        f.importRunId = source.mid(4).toLongLong();
    else
        f.source = source;
    f.status = m_status->currentData().toString();
    f.type = m_type->currentData().toString();
    f.owner = m_owner->text().trimmed();
    f.allTags = tagList(m_allTags);
    f.anyTags = tagList(m_anyTags);
    f.noneTags = tagList(m_noneTags);
    f.created = rangeOf(m_createdFrom, m_createdTo);
    f.updated = rangeOf(m_updatedFrom, m_updatedTo);
    if (QAbstractButton* letter = m_letterGroup->checkedButton())
        f.letter = letter->property("letter").toString();
    f.fieldKey = m_field->currentData().toString();
    f.fieldValue = f.fieldKey.isEmpty() ? QString() : m_fieldValue->text().trimmed();
    f.listId = m_list->currentData().toLongLong();
    f.lastTouch = m_hidden.lastTouch;
    f.nextTouch = m_hidden.nextTouch;
    return f;
}

void FilterBar::clear()
{
    m_quiet = true;
    for (QComboBox* box : {m_source, m_status, m_type, m_list, m_field})
        box->setCurrentIndex(0);
    m_hidden = {};
    for (QLineEdit* edit : {m_owner, m_allTags, m_anyTags, m_noneTags, m_fieldValue})
        edit->clear();
    for (QDateEdit* edit : {m_createdFrom, m_createdTo, m_updatedFrom, m_updatedTo})
        edit->setDate(anyDate);
    m_letterGroup->buttons().first()->setChecked(true);
    m_quiet = false;
    emitNow();
}

void FilterBar::changed()
{
    if (!m_quiet)
        m_timer.start(); // typing: wait for a pause
}

void FilterBar::emitNow()
{
    if (m_quiet)
        return;
    m_timer.stop();
    const ContactFilter f = filter();
    if (f == m_last)
        return;
    m_last = f;
    Q_EMIT filterChanged(f);
}

} // namespace ContactDesk
