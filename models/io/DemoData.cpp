#include "DemoData.h"

#include "CsvWriter.h"
#include "DemoDataGenerator.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace ContactDesk::DemoData {

Result<DemoFillSummary> fill(const QSqlDatabase& db, const PhoneNormalizer& phones, int count, quint64 seed,
                             const std::function<bool(int, int)>& progress)
{
    ContactRepository repository(db, phones);
    DemoDataGenerator generator(seed);
    DemoFillSummary summary;
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    for (int i = 0; i < count; ++i) {
        if (progress && i % 1000 == 0 && !progress(i, count))
            return Error{Error::Code::Cancelled, QCoreApplication::translate("DemoData", "cancelled"), {}};
        const DemoRow row = generator.next();
        Contact c;
        c.firstName = row.firstName;
        c.lastName = row.lastName;
        c.company = row.company;
        c.jobTitle = row.jobTitle;
        c.city = row.city;
        c.source = row.source;
        c.tags = row.tags;
        if (!row.email.isEmpty())
            c.emails.append(EmailAddress{0, row.email, QStringLiteral("work"), true});
        if (!row.phone.isEmpty())
            c.phones.append(PhoneNumber{0, row.phone, {}, QStringLiteral("mobile"), true});
        auto id = repository.create(c);
        if (!id && id.error().code == Error::Code::Duplicate && !c.phones.isEmpty() && !c.emails.isEmpty()) {
            // A near-duplicate that repeats a phone: keep the person, as a rep would type them in.
            c.phones.clear();
            ++summary.phonesDropped;
            id = repository.create(c);
        }
        if (!id) {
            if (id.error().code == Error::Code::Duplicate)
                continue;
            return id.error();
        }
        ++summary.added;
        if (!row.notes.isEmpty()) {
            auto note = repository.addNote(*id, QStringLiteral("demo"), row.notes);
            if (!note)
                return note.error();
            ++summary.notes;
        }
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    if (progress)
        progress(count, count);
    return summary;
}

Status writeCsv(const QString& path, int count, quint64 seed)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Code::Io, file.errorString(), path};
    CsvWriter writer(&file);
    DemoDataGenerator generator(seed);
    if (!writer.writeRow(DemoDataGenerator::csvHeader()))
        return Error{Error::Code::Io, file.errorString(), path};
    for (int i = 0; i < count; ++i)
        if (!writer.writeRow(DemoDataGenerator::toCsvFields(generator.next())))
            return Error{Error::Code::Io, file.errorString(), path};
    if (!file.commit())
        return Error{Error::Code::Io, file.errorString(), path};
    return {};
}

} // namespace ContactDesk::DemoData
