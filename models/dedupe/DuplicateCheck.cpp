#include "DuplicateCheck.h"

#include "NameMatching.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace ContactDesk::DuplicateCheck {

namespace {

// Candidate ids from the full-text index; each query is bounded so a common name stays cheap.
Result<QList<qint64>> candidateIds(const QSqlDatabase& db, const DedupeInput& in)
{
    using namespace NameMatching;
    const std::string firstWords = foldedWords(in.firstName), lastWords = foldedWords(in.lastName);
    auto quoted = [](const std::string& words) {
        QStringList parts;
        for (const QString& w : QString::fromStdString(words).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            parts.append(QLatin1Char('"') + w + QLatin1Char('"'));
        return parts.join(QLatin1Char(' '));
    };
    QStringList queries;
    if (!lastWords.empty())
        queries.append(QStringLiteral("name : (%1 %2)")
                           .arg(quoted(lastWords), firstWords.empty() ? QString()
                                                                     : QStringLiteral("\"%1\"*").arg(QChar::fromLatin1(firstWords[0]))));
    if (!firstWords.empty())
        queries.append(QStringLiteral("name : (%1 %2)")
                           .arg(quoted(firstWords), lastWords.empty() ? QString()
                                                                     : QStringLiteral("\"%1\"*").arg(QChar::fromLatin1(lastWords[0]))));
    if (!lastWords.empty() && !firstWords.empty()) // swapped: the first name typed as the last
        queries.append(QStringLiteral("name : (%1 %2)").arg(quoted(lastWords), quoted(firstWords)));
    for (const QString& email : in.emails) {
        const std::string local = personalLocalPart(mailbox(email));
        if (!local.empty()) {
            const QString typed = email.left(email.indexOf(QLatin1Char('@')));
            QStringList words;
            QString w;
            for (QChar c : typed + QLatin1Char(' ')) {
                if (c.isLetterOrNumber()) {
                    w += c;
                } else if (!w.isEmpty()) {
                    words.append(w);
                    w.clear();
                }
            }
            if (!words.isEmpty())
                queries.append(QStringLiteral("email : \"%1\"").arg(words.join(QLatin1Char(' '))));
        }
    }
    for (const QString& phone : in.phones) {
        const std::string tail = nationalTail(phone);
        if (tail.size() >= 7)
            queries.append(QStringLiteral("phone : \"%1\"").arg(QString::fromStdString(tail)));
    }
    QList<qint64> ids;
    QSet<qint64> seen;
    for (const QString& query : std::as_const(queries)) {
        auto q = Sql::run(db, QStringLiteral("duplicate check"),
                          QStringLiteral("SELECT rowid FROM contact_search WHERE contact_search MATCH ? LIMIT 300"), {query});
        if (!q)
            continue; // a query the index cannot parse finds nothing; the others still count
        while (q->next()) {
            const qint64 id = q->value(0).toLongLong();
            if (id != in.id && !seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    return ids;
}

Result<QList<Candidate>> scoreAgainst(const QSqlDatabase& db, const DedupeInput& in, double minScore, int limit)
{
    auto ids = candidateIds(db, in);
    if (!ids)
        return ids.error();
    QList<Candidate> out;
    if (ids->isEmpty())
        return out;
    DedupeRecords records;
    records.add(in); // index 0: the contact checked
    DedupeRecords others;
    if (Status s = DuplicateFinder::loadIds(db, *ids, others); !s)
        return s.error();
    records.append(std::move(others));
    auto excluded = DuplicateFinder::notDuplicatePairs(db);
    if (!excluded)
        return excluded.error();
    DuplicateScorer scorer(records);
    for (size_t i = 1; i < records.size(); ++i) {
        const qint64 other = records[i].id;
        if (in.id > 0 && excluded->contains({std::min(in.id, other), std::max(in.id, other)}))
            continue;
        const PairScore s = scorer.score(0, i);
        if (s.score >= minScore)
            out.append(Candidate{other, {}, s.score, DuplicateScorer::describe(scorer.explain(0, i))});
    }
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (out.size() > limit)
        out.resize(limit);
    for (Candidate& c : out) {
        auto name = Sql::scalar(db, QStringLiteral("duplicate check"),
                                QStringLiteral("SELECT display_name FROM contacts WHERE id = ?"), {c.id});
        if (name)
            c.name = name->toString();
    }
    return out;
}

} // namespace

QHash<qint64, ContactLabel> labels(const QSqlDatabase& db, const QList<DuplicateCluster>& clusters)
{
    QHash<qint64, ContactLabel> out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT display_name, external_id FROM contacts WHERE id = ?"));
    for (const DuplicateCluster& c : clusters)
        for (qint64 id : c.contactIds) {
            q.addBindValue(id);
            if (q.exec() && q.next())
                out.insert(id, ContactLabel{q.value(0).toString(), q.value(1).toString()});
            q.finish();
        }
    return out;
}

Result<DuplicateCluster> compare(const QSqlDatabase& db, const QList<qint64>& ids)
{
    DedupeRecords records;
    if (Status s = DuplicateFinder::loadIds(db, ids, records); !s)
        return s.error();
    if (records.size() < 2)
        return Error{Error::Code::Invalid, QCoreApplication::translate("DuplicateCheck", "choose two or more live contacts to compare"), {}};
    DuplicateScorer scorer(records);
    DuplicateCluster cluster;
    QList<DuplicatePair> pairs;
    for (size_t i = 0; i < records.size(); ++i) {
        cluster.contactIds.append(records[i].id);
        for (size_t j = i + 1; j < records.size(); ++j)
            pairs.append(DuplicatePair{records[i].id, records[j].id, scorer.score(i, j).score,
                                       DuplicateScorer::describe(scorer.explain(i, j))});
    }
    std::sort(pairs.begin(), pairs.end(), [](const DuplicatePair& a, const DuplicatePair& b) { return a.score > b.score; });
    // The strongest links that join everything (a maximum spanning tree) carry the cluster.
    QList<qint64> joined{pairs.first().a, pairs.first().b};
    cluster.score = 1.0;
    while (joined.size() < cluster.contactIds.size()) {
        for (const DuplicatePair& p : std::as_const(pairs)) {
            if (joined.contains(p.a) != joined.contains(p.b)) {
                joined.append(joined.contains(p.a) ? p.b : p.a);
                cluster.pairs.append(p);
                cluster.score = std::min(cluster.score, p.score);
                break;
            }
        }
    }
    cluster.pairs.prepend(pairs.first());
    cluster.score = std::min(cluster.score, pairs.first().score);
    cluster.evidence = pairs.first().evidence;
    return cluster;
}

Result<QList<Candidate>> probableDuplicatesOf(const QSqlDatabase& db, const DedupeInput& input, double minScore, int limit)
{
    return scoreAgainst(db, input, minScore, limit);
}

Result<QList<Candidate>> probableDuplicatesOf(const QSqlDatabase& db, qint64 contactId, double minScore, int limit)
{
    // Back to the input form: the candidate queries need the names and values as text.
    auto q = Sql::run(db, QStringLiteral("duplicate check"),
                      QStringLiteral("SELECT first_name, last_name, company, job_title, street, postal_code, city, birthday "
                                     "FROM contacts WHERE id = ? AND deleted_at IS NULL"),
                      {contactId});
    if (!q)
        return q.error();
    if (!q->next())
        return QList<Candidate>();
    DedupeInput in;
    in.id = contactId;
    in.firstName = q->value(0).toString();
    in.lastName = q->value(1).toString();
    in.company = q->value(2).toString();
    in.jobTitle = q->value(3).toString();
    in.street = q->value(4).toString();
    in.postalCode = q->value(5).toString();
    in.city = q->value(6).toString();
    in.birthday = q->value(7).toString();
    q->finish();
    for (auto [table, column] : {std::pair{"contact_emails", "email_norm"}, std::pair{"contact_phones", "e164"}}) {
        auto v = Sql::run(db, QStringLiteral("duplicate check"),
                          QStringLiteral("SELECT %1 FROM %2 WHERE contact_id = ? AND live = 1")
                              .arg(QLatin1String(column), QLatin1String(table)),
                          {contactId});
        if (!v)
            return v.error();
        while (v->next())
            (QLatin1String(table) == QLatin1String("contact_emails") ? in.emails : in.phones).append(v->value(0).toString());
    }
    return scoreAgainst(db, in, minScore, limit);
}

} // namespace ContactDesk::DuplicateCheck
