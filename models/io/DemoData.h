#pragma once
// Fills a store with generated demo contacts (the first-run database, benchmarks) and writes the
// same rows as CSV for `contactdesk-cli generate-demo`. Runs on the caller's connection, in one
// transaction, and reports progress through a callback that may cancel.

#include "domain/PhoneNormalizer.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace ContactDesk {

struct DemoFillSummary
{
    int added = 0;
    int phonesDropped = 0; // near-duplicate rows sharing a phone keep only their email
    int notes = 0;
};

namespace DemoData {

// progress(done, total) returns false to cancel; a cancelled fill writes nothing.
Result<DemoFillSummary> fill(const QSqlDatabase& db, const PhoneNormalizer& phones, int count, quint64 seed,
                             const std::function<bool(int, int)>& progress = {});
Status writeCsv(const QString& path, int count, quint64 seed);

} // namespace DemoData
} // namespace ContactDesk
