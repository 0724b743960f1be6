#include "DedupeCommands.h"

#include "CliCommands.h"
#include "dedupe/ContactMerger.h"
#include "dedupe/DuplicateCheck.h"
#include "dedupe/DuplicateFinder.h"
#include "store/ContactRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace ContactDesk::Cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

Result<double> parseScore(const QCommandLineParser& parser, double fallback)
{
    if (!parser.isSet(QStringLiteral("min-score")))
        return fallback;
    bool ok = false;
    const double v = parser.value(QStringLiteral("min-score")).toDouble(&ok);
    if (!ok || v < 0 || v > 1)
        return Error{Error::Code::Invalid,
                     tr("--min-score needs a number from 0 to 1, not \"%1\"").arg(parser.value(QStringLiteral("min-score"))),
                     QStringLiteral("--min-score")};
    return v;
}

Result<QList<qint64>> parseIds(const QStringList& args)
{
    QList<qint64> ids;
    for (const QString& a : args) {
        bool ok = false;
        const qint64 id = a.toLongLong(&ok);
        if (!ok || id <= 0)
            return Error{Error::Code::Invalid, tr("\"%1\" is not a contact id").arg(a), {}};
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

int commandDuplicates(const QCommandLineParser& parser, const QString& path, const QSqlDatabase& db, QTextStream& out,
                      QTextStream& err)
{
    auto minScore = parseScore(parser, DuplicateScorer::DefaultThreshold);
    if (!minScore)
        return fail(err, minScore.error().toString(), Usage);
    DuplicateOptions options;
    options.minScore = *minScore;
    if (parser.isSet(QStringLiteral("import-run"))) {
        bool ok = false;
        options.importRunId = parser.value(QStringLiteral("import-run")).toLongLong(&ok);
        if (!ok || options.importRunId <= 0)
            return fail(err, tr("\"%1\" is not an import id").arg(parser.value(QStringLiteral("import-run"))), Usage);
    }
    auto scan = DuplicateFinder::scan(path, options);
    if (!scan)
        return fail(err, scan.error().toString());
    const auto names = DuplicateCheck::labels(db, scan->clusters);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (json) {
        QJsonArray array;
        for (const DuplicateCluster& c : scan->clusters) {
            QJsonArray ids, externalIds, contactNames, pairs;
            for (qint64 id : c.contactIds) {
                ids.append(id);
                externalIds.append(names.value(id).externalId);
                contactNames.append(names.value(id).name);
            }
            for (const DuplicatePair& p : c.pairs)
                pairs.append(QJsonObject{{QStringLiteral("a"), p.a},
                                         {QStringLiteral("b"), p.b},
                                         {QStringLiteral("score"), p.score},
                                         {QStringLiteral("evidence"), p.evidence}});
            array.append(QJsonObject{{QStringLiteral("contact_ids"), ids},
                                     {QStringLiteral("external_ids"), externalIds},
                                     {QStringLiteral("names"), contactNames},
                                     {QStringLiteral("score"), c.score},
                                     {QStringLiteral("evidence"), c.evidence},
                                     {QStringLiteral("pairs"), pairs}});
        }
        printJson(out, array);
        return Ok;
    }
    for (const DuplicateCluster& c : scan->clusters) {
        QStringList who;
        for (qint64 id : c.contactIds)
            who.append(QStringLiteral("#%1 %2").arg(id).arg(names.value(id).name));
        out << QString::number(c.score, 'f', 3) << '\t' << who.join(QStringLiteral(", ")) << '\t' << c.evidence << Qt::endl;
    }
    const DuplicateScanStats& s = scan->stats;
    err << tr("%1 clusters among %2 contacts; %3 candidate pairs scored in %4 ms")
               .arg(scan->clusters.size())
               .arg(s.contacts)
               .arg(s.candidatePairs)
               .arg(qRound(s.loadMs + s.keysMs + s.scoreMs + s.clusterMs))
        << Qt::endl;
    return Ok;
}

int commandMerge(const QStringList& args, const QCommandLineParser& parser, ContactMerger& merger, QTextStream& out,
                 QTextStream& err)
{
    if (args.size() < 2)
        return fail(err, tr("merge needs the surviving contact and at least one other: merge SURVIVOR ID..."), Usage);
    auto ids = parseIds(args);
    if (!ids)
        return fail(err, ids.error().toString(), Usage);
    if (ids->size() < 2)
        return fail(err, tr("merge needs two different contacts"), Usage);
    MergeRequest request;
    request.survivorId = ids->takeFirst();
    request.mergedIds = *ids;
    if (parser.isSet(QStringLiteral("policy"))) {
        auto policy = mergePolicyFromName(parser.value(QStringLiteral("policy")));
        if (!policy)
            return fail(err, policy.error().toString(), Usage);
        request.policy = *policy;
    }
    auto mergeId = merger.merge(request);
    if (!mergeId)
        return fail(err, mergeId.error().toString());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray merged;
        for (qint64 id : std::as_const(request.mergedIds))
            merged.append(id);
        printJson(out, QJsonObject{{QStringLiteral("merge_id"), *mergeId},
                                   {QStringLiteral("survivor"), request.survivorId},
                                   {QStringLiteral("merged"), merged}});
    } else {
        out << tr("Merged %1 contacts into #%2 (merge #%3; undo with: undo-merge %3)")
                   .arg(request.mergedIds.size())
                   .arg(request.survivorId)
                   .arg(*mergeId)
            << Qt::endl;
    }
    return Ok;
}

int commandMergeAll(const QCommandLineParser& parser, const QString& path, ContactMerger& merger, QTextStream& out,
                    QTextStream& err)
{
    if (!parser.isSet(QStringLiteral("min-score")))
        return fail(err, tr("merge-all needs --min-score S (suggested: %1)").arg(DuplicateScorer::AutoMergeThreshold), Usage);
    auto minScore = parseScore(parser, DuplicateScorer::AutoMergeThreshold);
    if (!minScore)
        return fail(err, minScore.error().toString(), Usage);
    MergePolicy policy = MergePolicy::Survivor;
    if (parser.isSet(QStringLiteral("policy"))) {
        auto p = mergePolicyFromName(parser.value(QStringLiteral("policy")));
        if (!p)
            return fail(err, p.error().toString(), Usage);
        policy = *p;
    }
    DuplicateOptions options;
    options.minScore = *minScore;
    auto scan = DuplicateFinder::scan(path, options);
    if (!scan)
        return fail(err, scan.error().toString());
    auto result = merger.mergeAll(scan->clusters, *minScore, policy);
    if (!result)
        return fail(err, result.error().toString());
    if (parser.isSet(QStringLiteral("json")))
        printJson(out, QJsonObject{{QStringLiteral("batch_id"), result->batchId},
                                   {QStringLiteral("clusters_merged"), result->merged},
                                   {QStringLiteral("contacts_removed"), result->contactsRemoved},
                                   {QStringLiteral("skipped"), result->skipped}});
    else
        out << tr("Merged %1 clusters (%2 contacts folded in) as bulk merge #%3; undo with: undo-merge --batch %3")
                   .arg(result->merged)
                   .arg(result->contactsRemoved)
                   .arg(result->batchId)
            << Qt::endl;
    return Ok;
}

int commandUndoMerge(const QStringList& args, const QCommandLineParser& parser, ContactMerger& merger, QTextStream& out,
                     QTextStream& err)
{
    const bool batch = parser.isSet(QStringLiteral("batch"));
    if (args.size() != 1 && !(batch && args.isEmpty()))
        return fail(err, tr("undo-merge needs exactly one merge id (or --batch ID)"), Usage);
    const QString text = batch ? parser.value(QStringLiteral("batch")) : args.first();
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(err, tr("\"%1\" is not a merge id").arg(text), Usage);
    const Status s = batch ? merger.undoBatch(id) : merger.undo(id);
    if (!s)
        return fail(err, s.error().toString());
    out << (batch ? tr("Undid bulk merge #%1") : tr("Undid merge #%1")).arg(id) << Qt::endl;
    return Ok;
}

int commandMerges(const QCommandLineParser& parser, ContactMerger& merger, QTextStream& out, QTextStream& err)
{
    auto history = merger.history();
    if (!history)
        return fail(err, history.error().toString());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const MergeEntry& e : *history) {
            QJsonArray merged;
            for (qint64 id : e.mergedIds)
                merged.append(id);
            array.append(QJsonObject{{QStringLiteral("id"), e.id},
                                     {QStringLiteral("survivor"), e.survivorId},
                                     {QStringLiteral("survivor_name"), e.survivorName},
                                     {QStringLiteral("merged"), merged},
                                     {QStringLiteral("merged_names"), QJsonArray::fromStringList(e.mergedNames)},
                                     {QStringLiteral("batch_id"), e.batchId > 0 ? QJsonValue(e.batchId) : QJsonValue()},
                                     {QStringLiteral("created_at"), e.createdAt.toString(Qt::ISODate)}});
        }
        printJson(out, array);
        return Ok;
    }
    for (const MergeEntry& e : *history)
        out << "#" << e.id << '\t' << e.createdAt.toString(Qt::ISODate) << '\t'
            << tr("%1 into #%2 %3").arg(e.mergedNames.join(QStringLiteral(", "))).arg(e.survivorId).arg(e.survivorName)
            << (e.batchId > 0 ? tr("\tbulk merge #%1").arg(e.batchId) : QString()) << Qt::endl;
    return Ok;
}

} // namespace

bool isDedupeCommand(const QString& command)
{
    static const QStringList commands{QStringLiteral("duplicates"), QStringLiteral("merge"), QStringLiteral("merge-all"),
                                      QStringLiteral("undo-merge"), QStringLiteral("merges"),
                                      QStringLiteral("not-duplicates")};
    return commands.contains(command);
}

int runDedupeCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                     const QString& databasePath, const QSqlDatabase& db, const PhoneNormalizer& phones,
                     QTextStream& out, QTextStream& err)
{
    ContactMerger merger(db, phones);
    if (command == QLatin1String("duplicates"))
        return commandDuplicates(parser, databasePath, db, out, err);
    if (command == QLatin1String("merge"))
        return commandMerge(args, parser, merger, out, err);
    if (command == QLatin1String("merge-all"))
        return commandMergeAll(parser, databasePath, merger, out, err);
    if (command == QLatin1String("undo-merge"))
        return commandUndoMerge(args, parser, merger, out, err);
    if (command == QLatin1String("merges"))
        return commandMerges(parser, merger, out, err);
    // not-duplicates
    if (args.size() < 2)
        return fail(err, tr("not-duplicates needs two or more contact ids"), Usage);
    auto ids = parseIds(args);
    if (!ids)
        return fail(err, ids.error().toString(), Usage);
    ContactRepository repo(db, phones);
    for (qint64 id : std::as_const(*ids))
        if (!repo.exists(id))
            return fail(err, tr("there is no contact #%1").arg(id));
    if (Status s = merger.markNotDuplicates(*ids); !s)
        return fail(err, s.error().toString());
    out << tr("Marked %1 contacts as different people; they will not be suggested as duplicates again").arg(ids->size())
        << Qt::endl;
    return Ok;
}

} // namespace ContactDesk::Cli
