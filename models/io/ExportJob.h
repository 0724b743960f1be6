#pragma once
// Writes live contacts (all, or those matching a search text, a tag and/or a ContactFilter) as CSV in name order,
// paging by keyset so memory stays flat whatever the count. The columns read back through the
// import with no mapping changes.

#include "domain/Result.h"
#include "store/ContactFilter.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace ContactDesk::ExportJob {

struct Request
{
    QString path;
    QString search; // as the list's search box
    QString tag;    // only contacts with this tag
    ContactFilter filter; // as the list's filter bar
    bool useIds = false;  // only these contacts (the rows a rep picked), within the above
    QList<qint64> ids;
};

// progress(done) returns false to cancel (the file is then not written).
Result<int> exportCsv(const QSqlDatabase& db, const Request& request, const std::function<bool(int)>& progress = {});

} // namespace ContactDesk::ExportJob
