#include "io/ColumnMapping.h"

#include <QTest>

using namespace ContactDesk;
using Kind = ColumnTarget::Kind;

namespace {
QStringList L(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* i : items)
        out.append(QString::fromUtf8(i));
    return out;
}
} // namespace

class TestColumnMapping : public QObject
{
    Q_OBJECT

    static QStringList names(const ColumnMapping& m)
    {
        QStringList out;
        for (const auto& t : m.targets())
            out.append(t.name());
        return out;
    }

private Q_SLOTS:
    void suggests_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("seeds") << L({"name", "email", "phone", "tags", "favourite_colour"})
                               << L({"full_name", "email", "phone", "tags", "skip"});
        QTest::addRow("outlook") << L({"First Name", "Last Name", "E-mail Address", "E-mail 2 Address",
                                                "Business Phone", "Mobile Phone", "Home Phone", "Company", "Job Title",
                                                "Business City", "Categories", "Notes"})
                                 << L({"first_name", "last_name", "email", "email", "phone", "phone", "phone",
                                                "company", "job_title", "city", "tags", "notes"});
        QTest::addRow("google") << L({"Name", "Given Name", "Family Name", "E-mail 1 - Label", "E-mail 1 - Value",
                                               "Phone 1 - Label", "Phone 1 - Value", "Organization Name",
                                               "Organization Title", "Labels"})
                                << L({"skip", "first_name", "last_name", "email_label", "email", "phone_label",
                                               "phone", "company", "job_title", "tags"});
        QTest::addRow("linkedin") << L({"First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                                                 "Connected On"})
                                  << L({"first_name", "last_name", "skip", "email", "company", "job_title",
                                                 "skip"});
    }

    void suggests()
    {
        QFETCH(QStringList, header);
        QFETCH(QStringList, expected);
        QCOMPARE(names(ColumnMapping::suggest(header)), expected);
    }

    void googleLabelsPairWithValues()
    {
        const auto m = ColumnMapping::suggest(L({"Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value"}));
        QCOMPARE(m.target(0).index, 0);
        QCOMPARE(m.target(1).index, 0);
        QCOMPARE(m.target(2).kind, Kind::PhoneLabel);
        QCOMPARE(m.target(3).index, 1);
    }

    void jsonRoundTrip()
    {
        const QStringList header = L({"First Name", "E-mail 2 Address", "Mobile Phone", "Shoe size"});
        ColumnMapping m = ColumnMapping::suggest(header);
        m.setTarget(3, ColumnTarget::fromName(QStringLiteral("custom:shoe_size")));
        const QJsonObject json = m.toJson(header);
        QCOMPARE(json.value(QStringLiteral("mappings")).toObject().value(QStringLiteral("Mobile Phone")).toObject().value(QStringLiteral("attribute_type")).toString(),
                 QStringLiteral("phone"));
        auto back = ColumnMapping::fromJson(json, header);
        QVERIFY(back.ok());
        QCOMPARE(names(*back), names(m));
        QCOMPARE(back->target(2).label, QStringLiteral("mobile"));
        auto bad = ColumnMapping::fromJson(QJsonObject{{QStringLiteral("First Name"), QStringLiteral("favourite_food")}}, header);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("\"favourite_food\" is not a contact field")));
    }

    void linkedinNotesAreNotAHeader()
    {
        QCOMPARE(ColumnMapping::recognisedColumns(L({"Notes:"})), 1);
        QVERIFY(ColumnMapping::recognisedColumns(L({"First Name", "Last Name", "URL", "Email Address"})) >= 3);
    }
};

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "TestColumnMapping.moc"
