#include "io/CsvReader.h"
#include "io/CsvWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <initializer_list>

using namespace ContactDesk;

namespace {

using Rows = QList<QStringList>;
using Lines = QList<qint64>;

QStringList row(std::initializer_list<const char*> fields)
{
    QStringList out;
    for (const char* f : fields)
        out.append(QString::fromUtf8(f));
    return out;
}

QString text(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray utf16(const QString& s, bool littleEndian)
{
    QByteArray out = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    for (QChar c : s) {
        const char lo = char(c.unicode() & 0xFF);
        const char hi = char(c.unicode() >> 8);
        out += littleEndian ? lo : hi;
        out += littleEndian ? hi : lo;
    }
    return out;
}

// Hands out at most `step` bytes per read (0: no limit), so chunk boundaries fall anywhere: inside
// a CRLF, a doubled quote, a UTF-8 sequence, a UTF-16 code unit or a surrogate pair.
class TrickleBuffer : public QBuffer
{
public:
    explicit TrickleBuffer(qint64 step)
        : m_step(step)
    {
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        return QBuffer::readData(data, m_step > 0 ? qMin(maxSize, m_step) : maxSize);
    }

private:
    qint64 m_step;
};

struct Parsed
{
    bool ok = false;
    Error error;
    QString encoding;
    QChar delimiter;
    QList<CsvRecord> records;
};

Parsed parse(const QByteArray& bytes, const CsvOptions& options = {}, qint64 step = 0)
{
    TrickleBuffer buffer(step);
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    CsvReader reader(&buffer, options);
    Parsed p;
    Status s = reader.open();
    p.ok = s.ok();
    p.error = s.error();
    p.encoding = reader.encoding();
    p.delimiter = reader.delimiter();
    if (p.ok)
        while (auto record = reader.next())
            p.records.append(*record);
    return p;
}

QList<CsvRecord> records(const Rows& fields, const Lines& lines, const QStringList& problems = {})
{
    QList<CsvRecord> out;
    for (qsizetype i = 0; i < fields.size(); ++i)
        out.append(CsvRecord{fields.at(i), lines.value(i), problems.value(i)});
    return out;
}

// One line per record, line breaks shown as \r and \n, so a failed QCOMPARE shows every record.
QString render(const QList<CsvRecord>& list)
{
    QString out;
    for (const CsvRecord& r : list) {
        out += QString::number(r.line) + QLatin1Char(':');
        for (QString f : r.fields) {
            f.replace(QLatin1Char('\r'), QLatin1String("\\r"));
            f.replace(QLatin1Char('\n'), QLatin1String("\\n"));
            out += QStringLiteral(" [") + f + QLatin1Char(']');
        }
        if (!r.problem.isEmpty())
            out += QStringLiteral(" !! ") + r.problem;
        out += QLatin1Char('\n');
    }
    return out;
}

#define COMPARE_RECORDS(actual, expected)                                                                              \
    do {                                                                                                               \
        QCOMPARE(render(actual), render(expected));                                                                    \
        for (qsizetype i_ = 0; i_ < (expected).size(); ++i_)                                                           \
            QCOMPARE((actual).at(i_).fields, (expected).at(i_).fields);                                                \
    } while (false)

// Known mistakes in the published csv-spectrum 2.0.0 expectations; see tests/data/csv-spectrum/NOTICE.md.
struct Erratum
{
    const char* file;
    int row;
    const char* column;
    const char* published;
    const char* correct;
};

const Erratum SpectrumErrata[] = {
    // max-mapper/csv-spectrum issue #20: the JSON does not hold the number the CSV holds.
    {"location_coordinates", 0, "Contact Phone Number", "1234567890", "2095257564"},
};

// Records csv-spectrum counts as well-formed but this reader flags, on purpose: the fields still
// match the JSON (the quote is kept as text), and the import lists the row with the problem.
struct ExpectedProblem
{
    const char* file;
    int row;
    const char* problem;
};

const ExpectedProblem SpectrumProblems[] = {
    // 37°36'37.8"N: a seconds mark in an unquoted field.
    {"location_coordinates", 0, "stray quote in unquoted field 2 at line 2"},
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRfc4180_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Rows>("fields");
        QTest::addColumn<Lines>("lines");

        QTest::addRow("LF line ends") << QByteArray("a,b,c\n1,2,3\n")
                                      << Rows{row({"a", "b", "c"}), row({"1", "2", "3"})} << Lines{1, 2};
        QTest::addRow("CRLF line ends") << QByteArray("a,b,c\r\n1,2,3\r\n")
                                        << Rows{row({"a", "b", "c"}), row({"1", "2", "3"})} << Lines{1, 2};
        QTest::addRow("CR line ends") << QByteArray("a,b,c\r1,2,3\r")
                                      << Rows{row({"a", "b", "c"}), row({"1", "2", "3"})} << Lines{1, 2};
        QTest::addRow("mixed line ends") << QByteArray("a\r\nb\nc\rd\n")
                                         << Rows{row({"a"}), row({"b"}), row({"c"}), row({"d"})} << Lines{1, 2, 3, 4};
        QTest::addRow("no newline at the end")
            << QByteArray("a,b\n1,2") << Rows{row({"a", "b"}), row({"1", "2"})} << Lines{1, 2};
        QTest::addRow("quoted field at the very end") << QByteArray("a,\"b\"") << Rows{row({"a", "b"})} << Lines{1};
        QTest::addRow("quoted delimiter") << QByteArray("a,\"b,c\",d\n") << Rows{row({"a", "b,c", "d"})} << Lines{1};
        QTest::addRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",x\n") << Rows{row({"say \"hi\"", "x"})}
                                        << Lines{1};
        QTest::addRow("a field of one quote") << QByteArray("\"\"\"\",x\n") << Rows{row({"\"", "x"})} << Lines{1};
        QTest::addRow("empty quoted fields") << QByteArray("\"\",\"\"\n") << Rows{row({"", ""})} << Lines{1};
        QTest::addRow("a line of just quotes is a record")
            << QByteArray("\"\"\nx\n") << Rows{row({""}), row({"x"})} << Lines{1, 2};
        QTest::addRow("embedded LF") << QByteArray("\"a\nb\",c\nd,e\n") << Rows{row({"a\nb", "c"}), row({"d", "e"})}
                                     << Lines{1, 3};
        QTest::addRow("embedded CRLF") << QByteArray("\"a\r\nb\",c\r\nd,e\r\n")
                                       << Rows{row({"a\r\nb", "c"}), row({"d", "e"})} << Lines{1, 3};
        QTest::addRow("embedded CR") << QByteArray("\"a\rb\",c\rd,e\r") << Rows{row({"a\rb", "c"}), row({"d", "e"})}
                                     << Lines{1, 3};
        QTest::addRow("embedded blank lines")
            << QByteArray("\"a\n\n\nb\",c\nd\n") << Rows{row({"a\n\n\nb", "c"}), row({"d"})} << Lines{1, 5};
        QTest::addRow("several multi-line fields")
            << QByteArray("\"a\nb\",\"c\r\nd\",\"e\rf\"\ng,h\n")
            << Rows{row({"a\nb", "c\r\nd", "e\rf"}), row({"g", "h"})} << Lines{1, 5};
        QTest::addRow("doubled quotes across lines")
            << QByteArray("a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n")
            << Rows{row({"a", "b"}), row({"1", "ha \n\"ha\" \nha"}), row({"3", "4"})} << Lines{1, 2, 5};
        QTest::addRow("blank lines are skipped")
            << QByteArray("a,b\n\n\n1,2\n\n") << Rows{row({"a", "b"}), row({"1", "2"})} << Lines{1, 4};
        QTest::addRow("blank lines at the start") << QByteArray("\n\r\n\ra,b\n") << Rows{row({"a", "b"})} << Lines{4};
        QTest::addRow("blank CRLF lines")
            << QByteArray("a\r\n\r\nb\r\n") << Rows{row({"a"}), row({"b"})} << Lines{1, 3};
        QTest::addRow("blank CR lines") << QByteArray("a\r\r\rb") << Rows{row({"a"}), row({"b"})} << Lines{1, 4};
        QTest::addRow("a line of just a delimiter is a record")
            << QByteArray("a,b\n,\n1,2\n") << Rows{row({"a", "b"}), row({"", ""}), row({"1", "2"})} << Lines{1, 2, 3};
        QTest::addRow("trailing delimiter") << QByteArray("a,b,\n") << Rows{row({"a", "b", ""})} << Lines{1};
        QTest::addRow("delimiter at the very end") << QByteArray("a,") << Rows{row({"a", ""})} << Lines{1};
        QTest::addRow("spaces are kept") << QByteArray(" a , b \n") << Rows{row({" a ", " b "})} << Lines{1};
        QTest::addRow("single column") << QByteArray("name\nAnn\nBob\n")
                                       << Rows{row({"name"}), row({"Ann"}), row({"Bob"})} << Lines{1, 2, 3};
        QTest::addRow("UTF-8 text") << QByteArray("名前,é\nñ,😀\n") << Rows{row({"名前", "é"}), row({"ñ", "😀"})}
                                    << Lines{1, 2};
        QTest::addRow("empty input") << QByteArray() << Rows{} << Lines{};
        QTest::addRow("only line breaks") << QByteArray("\n\r\n\r") << Rows{} << Lines{};
    }

    void parsesRfc4180()
    {
        QFETCH(QByteArray, input);
        QFETCH(Rows, fields);
        QFETCH(Lines, lines);
        const Parsed p = parse(input);
        QVERIFY(p.ok);
        COMPARE_RECORDS(p.records, records(fields, lines));
    }

    void detectsEncoding_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<Rows>("fields");

        QTest::addRow("ASCII") << QByteArray("a,b\n") << text("UTF-8") << Rows{row({"a", "b"})};
        QTest::addRow("UTF-8") << QByteArray("café,€\n") << text("UTF-8") << Rows{row({"café", "€"})};
        QTest::addRow("UTF-8 BOM is skipped") << QByteArray("\xEF\xBB\xBFname,email\nÉlise,e@x\n") << text("UTF-8")
                                              << Rows{row({"name", "email"}), row({"Élise", "e@x"})};
        QTest::addRow("UTF-16LE BOM") << utf16(text("name,city\nÉlise,Zürich €\n"), true) << text("UTF-16LE")
                                      << Rows{row({"name", "city"}), row({"Élise", "Zürich €"})};
        QTest::addRow("UTF-16BE BOM") << utf16(text("name,city\nÉlise,Zürich €\n"), false) << text("UTF-16BE")
                                      << Rows{row({"name", "city"}), row({"Élise", "Zürich €"})};
        QTest::addRow("UTF-16LE surrogate pairs")
            << utf16(text("😀,\"a\r\nb\"\r\n"), true) << text("UTF-16LE") << Rows{row({"😀", "a\r\nb"})};
        QTest::addRow("Windows-1252 e acute and euro")
            << QByteArray("caf\xE9,\x80 5\n") << text("Windows-1252") << Rows{row({"café", "€ 5"})};
        QTest::addRow("Windows-1252 curly quotes")
            << QByteArray("\x93hi\x94,\x85\n") << text("Windows-1252") << Rows{row({"“hi”", "…"})};
        QTest::addRow("Windows-1252 Latin-1 range")
            << QByteArray("\xFC\xDF,\xA0\xFF\n") << text("Windows-1252") << Rows{row({"üß", "\u00A0ÿ"})};
        QTest::addRow("overlong UTF-8 is not UTF-8")
            << QByteArray("\xC0\xAF,x\n") << text("Windows-1252") << Rows{row({"À¯", "x"})};
        QTest::addRow("UTF-8 surrogate is not UTF-8")
            << QByteArray("\xED\xA0\x80,x\n") << text("Windows-1252") << Rows{row({"í\u00A0€", "x"})};
        QTest::addRow("UTF-8 cut at the end of a small file")
            << QByteArray("ab\xC3") << text("Windows-1252") << Rows{row({"abÃ"})};
        // A multi-byte sequence cut by the end of the 64 KiB sample is still UTF-8.
        const QString filler(CsvReader::ChunkBytes, QLatin1Char('a'));
        for (int cut = 1; cut <= 3; ++cut) {
            const QByteArray padding(CsvReader::ChunkBytes - cut, 'a');
            QTest::addRow("4-byte sequence cut after %d bytes", cut)
                << (padding + "😀\n") << text("UTF-8") << Rows{QStringList{filler.left(padding.size()) + text("😀")}};
            if (cut <= 2)
                QTest::addRow("3-byte sequence cut after %d bytes", cut)
                    << (padding + "€\n") << text("UTF-8") << Rows{QStringList{filler.left(padding.size()) + text("€")}};
        }
        // Only the sample decides: an invalid byte after it reads as U+FFFD in a UTF-8 file.
        QTest::addRow("invalid UTF-8 after the sample")
            << (QByteArray(CsvReader::ChunkBytes, 'a') + "\n\xE9\n") << text("UTF-8")
            << Rows{QStringList{filler}, QStringList{QString(QChar::ReplacementCharacter)}};
    }

    void detectsEncoding()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, encoding);
        QFETCH(Rows, fields);
        const Parsed p = parse(input);
        QVERIFY(p.ok);
        QCOMPARE(p.encoding, encoding);
        QCOMPARE(p.records.size(), fields.size());
        for (qsizetype i = 0; i < fields.size(); ++i) {
            QCOMPARE(p.records.at(i).fields, fields.at(i));
            QCOMPARE(p.records.at(i).problem, QString());
        }
    }

    void decodesWindows1252Table()
    {
        QByteArray input("x,");
        for (int b = 0x80; b <= 0xFF; ++b)
            input += char(b);
        const QString high = text("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ");
        QCOMPARE(high.size(), 32);
        QString expected = high;
        for (int c = 0xA0; c <= 0xFF; ++c)
            expected += QChar(c);
        const Parsed p = parse(input);
        QCOMPARE(p.encoding, text("Windows-1252"));
        QCOMPARE(p.records.size(), 1);
        QCOMPARE(p.records.at(0).fields, (QStringList{text("x"), expected}));
    }

    void detectsDelimiter_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<int>("columns"); // of the last record

        QTest::addRow("comma") << QByteArray("a,b,c\n1,2,3\n") << QChar(u',') << 3;
        QTest::addRow("semicolon") << QByteArray("a;b;c\n1;2;3\n") << QChar(u';') << 3;
        QTest::addRow("tab") << QByteArray("a\tb\tc\n1\t2\t3\n") << QChar(u'\t') << 3;
        QTest::addRow("pipe") << QByteArray("a|b|c\n1|2|3\n") << QChar(u'|') << 3;
        QTest::addRow("semicolon with commas in values")
            << QByteArray("name;notes;city\nAnn;a, b;Oslo\nBob;c, d;Rome\n") << QChar(u';') << 3;
        QTest::addRow("comma with quoted semicolons")
            << QByteArray("\"a;b;c\",x\n\"d;e;f\",y\n\"g;h;i\",z\n") << QChar(u',') << 2;
        QTest::addRow("tab with quoted commas")
            << QByteArray("name\tnote\nAnn\t\"a, b, c\"\nBob\t\"d, e, f\"\n") << QChar(u'\t') << 2;
        QTest::addRow("semicolon with a quoted multi-line field")
            << QByteArray("a;b\n\"1,\n2,\n3,\";x\nq;r\n") << QChar(u';') << 2;
        QTest::addRow("pipe under note lines") << QByteArray("Notes:\nExported by X, on Monday\n\nname|email|phone\n"
                                                             "Ann|a@x|1\nBob|b@x|2\n")
                                               << QChar(u'|') << 3;
        QTest::addRow("comma without a final newline") << QByteArray("a;b,c\n1,2") << QChar(u',') << 2;
        QTest::addRow("one column defaults to comma") << QByteArray("name\nAnn\n") << QChar(u',') << 1;
        QTest::addRow("empty input defaults to comma") << QByteArray() << QChar(u',') << 0;
    }

    void detectsDelimiter()
    {
        QFETCH(QByteArray, input);
        QFETCH(QChar, delimiter);
        QFETCH(int, columns);
        const Parsed p = parse(input);
        QVERIFY(p.ok);
        QCOMPARE(p.delimiter, delimiter);
        QCOMPARE(p.records.isEmpty() ? 0 : p.records.last().fields.size(), columns);
        for (const CsvRecord& r : p.records)
            QCOMPARE(r.problem, QString());
    }

    void overrides_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("encodingOption");
        QTest::addColumn<QChar>("delimiterOption");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<Rows>("fields");

        QTest::addRow("semicolon on a comma file")
            << QByteArray("a,b;c\n1,2;3\n") << QString() << QChar(u';') << text("UTF-8") << QChar(u';')
            << Rows{row({"a,b", "c"}), row({"1,2", "3"})};
        QTest::addRow("tab on a comma file")
            << QByteArray("a,b\n") << QString() << QChar(u'\t') << text("UTF-8") << QChar(u'\t') << Rows{row({"a,b"})};
        QTest::addRow("Windows-1252 on UTF-8 bytes") << QByteArray("café\n") << text("Windows-1252") << QChar()
                                                     << text("Windows-1252") << QChar(u',') << Rows{row({"cafÃ©"})};
        QTest::addRow("UTF-8 on Windows-1252 bytes")
            << QByteArray("caf\xE9,x\n") << text("UTF-8") << QChar() << text("UTF-8") << QChar(u',')
            << Rows{QStringList{text("caf") + QChar(QChar::ReplacementCharacter), text("x")}};
        QTest::addRow("UTF-16LE without BOM") << utf16(text("é,b\n"), true).mid(2) << text("UTF-16LE") << QChar()
                                              << text("UTF-16LE") << QChar(u',') << Rows{row({"é", "b"})};
        QTest::addRow("UTF-16BE BOM skipped when chosen")
            << utf16(text("é;b\n"), false) << text("UTF-16BE") << QChar(u';') << text("UTF-16BE") << QChar(u';')
            << Rows{row({"é", "b"})};
        QTest::addRow("UTF-8 BOM with UTF-8 chosen") << QByteArray("\xEF\xBB\xBFid\n") << text("UTF-8") << QChar()
                                                     << text("UTF-8") << QChar(u',') << Rows{row({"id"})};
        QTest::addRow("names are matched loosely") << QByteArray("\xE9\n") << text("windows-1252") << QChar()
                                                   << text("Windows-1252") << QChar(u',') << Rows{row({"é"})};
    }

    void overrides()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, encodingOption);
        QFETCH(QChar, delimiterOption);
        QFETCH(QString, encoding);
        QFETCH(QChar, delimiter);
        QFETCH(Rows, fields);
        const Parsed p = parse(input, CsvOptions{encodingOption, delimiterOption});
        QVERIFY(p.ok);
        QCOMPARE(p.encoding, encoding);
        QCOMPARE(p.delimiter, delimiter);
        QCOMPARE(p.records.size(), fields.size());
        for (qsizetype i = 0; i < fields.size(); ++i)
            QCOMPARE(p.records.at(i).fields, fields.at(i));
    }

    void rejectsBadOptions()
    {
        Parsed p = parse(QByteArray("a\n"), CsvOptions{text("EBCDIC"), QChar()});
        QVERIFY(!p.ok);
        QCOMPARE(p.error.code, Error::Code::Invalid);
        QVERIFY2(p.error.message.contains(text("EBCDIC")), qPrintable(p.error.message));
        p = parse(QByteArray("a\n"), CsvOptions{QString(), QChar(u'"')});
        QVERIFY(!p.ok);
        QCOMPARE(p.error.code, Error::Code::Invalid);
    }

    void reportsMalformedRecords_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Rows>("fields");
        QTest::addColumn<Lines>("lines");
        QTest::addColumn<QStringList>("problems");

        const QString unterminated2 = text("unterminated quoted field starting at line 2");
        QTest::addRow("unterminated quote runs to the end")
            << QByteArray("a,b\n1,\"x\n2,y\n3,z\n")
            << Rows{row({"a", "b"}), row({"1", "\"x"}), row({"2", "y"}), row({"3", "z"})} << Lines{1, 2, 3, 4}
            << QStringList{QString(), unterminated2};
        QTest::addRow("unterminated quote meets a later quoted field")
            << QByteArray("a,b\n1,\"x\n2,\"y\"\n3,z\n")
            << Rows{row({"a", "b"}), row({"1", "\"x"}), row({"2", "y"}), row({"3", "z"})} << Lines{1, 2, 3, 4}
            << QStringList{QString(), unterminated2};
        QTest::addRow("unterminated quote, then more on its line")
            << QByteArray("a,b,c\n1,\"x,y\n2,y,z\n")
            << Rows{row({"a", "b", "c"}), row({"1", "\"x,y"}), row({"2", "y", "z"})} << Lines{1, 2, 3}
            << QStringList{QString(), unterminated2};
        QTest::addRow("unterminated quote on the last line")
            << QByteArray("a,b\n1,\"x") << Rows{row({"a", "b"}), row({"1", "\"x"})} << Lines{1, 2}
            << QStringList{QString(), unterminated2};
        QTest::addRow("unterminated quote on the last line with a newline")
            << QByteArray("a,b\n1,\"x\n") << Rows{row({"a", "b"}), row({"1", "\"x"})} << Lines{1, 2}
            << QStringList{QString(), unterminated2};
        QTest::addRow("unterminated quote with CRLF")
            << QByteArray("a\r\n\"b\r\nc\r\n") << Rows{row({"a"}), row({"\"b"}), row({"c"})} << Lines{1, 2, 3}
            << QStringList{QString(), unterminated2};
        QTest::addRow("unterminated quote with CR")
            << QByteArray("a\r\"b\rc\r") << Rows{row({"a"}), row({"\"b"}), row({"c"})} << Lines{1, 2, 3}
            << QStringList{QString(), unterminated2};
        QTest::addRow("unterminated quote after a multi-line field")
            << QByteArray("\"a\nb\",\"c\nd\ne,f\n") << Rows{row({"a\nb", "\"c"}), row({"d"}), row({"e", "f"})}
            << Lines{1, 3, 4} << QStringList{unterminated2};
        QTest::addRow("stray quote") << QByteArray("a,b\n1,x\"y\n2,z\n")
                                     << Rows{row({"a", "b"}), row({"1", "x\"y"}), row({"2", "z"})} << Lines{1, 2, 3}
                                     << QStringList{QString(), text("stray quote in unquoted field 2 at line 2")};
        QTest::addRow("inch mark") << QByteArray("size,item\n5\",screen\n")
                                   << Rows{row({"size", "item"}), row({"5\"", "screen"})} << Lines{1, 2}
                                   << QStringList{QString(), text("stray quote in unquoted field 1 at line 2")};
        QTest::addRow("text after the closing quote")
            << QByteArray("a,b\n\"x\"y,1\n2,z\n") << Rows{row({"a", "b"}), row({"xy", "1"}), row({"2", "z"})}
            << Lines{1, 2, 3} << QStringList{QString(), text("text after the closing quote of field 1 at line 2")};
        QTest::addRow("space after the closing quote")
            << QByteArray("\"x\" ,1\n") << Rows{row({"x ", "1"})} << Lines{1}
            << QStringList{text("text after the closing quote of field 1 at line 1")};
        QTest::addRow("text after a multi-line quoted field")
            << QByteArray("\"a\nb\"c,1\nd,2\n") << Rows{row({"\"a"}), row({"b\"c", "1"}), row({"d", "2"})}
            << Lines{1, 2, 3}
            << QStringList{text("unterminated quoted field starting at line 1"),
                   text("stray quote in unquoted field 1 at line 2")};
        QTest::addRow("two problems in one record")
            << QByteArray("x\"y,\"a\"b\n") << Rows{row({"x\"y", "ab"})} << Lines{1}
            << QStringList{text("stray quote in unquoted field 1 at line 1; "
                                "text after the closing quote of field 2 at line 1")};
        QTest::addRow("line numbers stay right around problems")
            << QByteArray("h1,h2\n\"multi\nline\",ok\nbad\"quote,x\n\n\"open,y\nlast,z\n")
            << Rows{row({"h1", "h2"}), row({"multi\nline", "ok"}), row({"bad\"quote", "x"}), row({"\"open,y"}),
                   row({"last", "z"})}
            << Lines{1, 2, 4, 6, 7}
            << QStringList{QString(), QString(), text("stray quote in unquoted field 1 at line 4"),
                   text("unterminated quoted field starting at line 6")};
    }

    void reportsMalformedRecords()
    {
        QFETCH(QByteArray, input);
        QFETCH(Rows, fields);
        QFETCH(Lines, lines);
        QFETCH(QStringList, problems);
        const Parsed p = parse(input);
        QVERIFY(p.ok);
        COMPARE_RECORDS(p.records, records(fields, lines, problems));
    }

    void readsAcrossChunkBoundaries_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("step");
        QTest::addColumn<Rows>("fields");
        QTest::addColumn<Lines>("lines");

        // A filler line fills the first chunk (the detection sample); the records after it hold a
        // doubled quote, an embedded CRLF, multi-byte characters, a CRLF and a CR line end. Either
        // the end of the first chunk slides over every byte of them, or they arrive in reads of a
        // few bytes.
        const QString tail = text("\"q\"\"x\",\"a\r\nb\",é€😀\r\nlast,1\rend");
        const Rows expectedTail{row({"q\"x", "a\r\nb", "é€😀"}), row({"last", "1"}), row({"end"})};
        for (const bool wide : {false, true}) {
            const char* name = wide ? "UTF-16LE" : "UTF-8";
            const qsizetype bom = wide ? 2 : 0;
            const int unit = wide ? 2 : 1;
            const qsizetype tailBytes = wide ? tail.size() * 2 : tail.toUtf8().size();
            auto add = [&](qsizetype fillerBytes, int step, const QByteArray& label) {
                const QString filler(fillerBytes / unit - 2, QLatin1Char('x')); // 2: its CRLF
                const QString all = filler + text("\r\n") + tail;
                Rows fields{QStringList{filler}};
                fields += expectedTail;
                QTest::addRow("%s, %s", name, label.constData())
                    << (wide ? utf16(all, true) : all.toUtf8()) << step << fields << Lines{1, 2, 4, 5};
            };
            // UTF-16 moves the boundary in steps of whole code units: the odd cuts come from the reads.
            for (qsizetype shift = 0; shift <= tailBytes; shift += unit)
                add(CsvReader::ChunkBytes - bom - shift, 0, "first chunk ends at byte " + QByteArray::number(shift));
            for (int step : {1, 2, 3, 7})
                add(CsvReader::ChunkBytes - bom, step, "reads of " + QByteArray::number(step) + " bytes");
        }
    }

    void readsAcrossChunkBoundaries()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, step);
        QFETCH(Rows, fields);
        QFETCH(Lines, lines);
        const Parsed p = parse(input, CsvOptions{QString(), QChar(u',')}, step);
        QVERIFY(p.ok);
        COMPARE_RECORDS(p.records, records(fields, lines));
    }

    void boundsAnUnterminatedQuote()
    {
        // An opening quote that never closes, in a large file with no other quote: the reader
        // gives up after MaxQuotedLines line breaks, not at the end of the file, and reads on.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("unterminated.csv"));
        constexpr int RowCount = 50000;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray bytes("id,value\n1,\"oops\n");
            for (int i = 2; i <= RowCount; ++i)
                bytes += QByteArray::number(i) + ",plain value " + QByteArray::number(i) + '\n';
            QCOMPARE(file.write(bytes), qint64(bytes.size()));
        }
        CsvReader reader(path);
        QVERIFY(reader.open().ok());
        QVERIFY(reader.totalBytes() > 16 * CsvReader::ChunkBytes);
        auto header = reader.next();
        QVERIFY(header);
        auto bad = reader.next();
        QVERIFY(bad);
        QCOMPARE(bad->line, 2);
        QCOMPARE(bad->fields, row({"1", "\"oops"}));
        QCOMPARE(bad->problem, text("unterminated quoted field starting at line 2"));
        QVERIFY2(reader.bytesRead() <= 4 * CsvReader::ChunkBytes, qPrintable(QString::number(reader.bytesRead())));
        int count = 0;
        qint64 expectedLine = 3;
        while (auto record = reader.next()) {
            if (record->line != expectedLine || !record->problem.isEmpty() || record->fields.size() != 2) {
                QCOMPARE(record->line, expectedLine);
                QCOMPARE(record->problem, QString());
                QCOMPARE(record->fields.size(), 2);
            }
            ++expectedLine;
            ++count;
        }
        QCOMPARE(count, RowCount - 1);
        QCOMPARE(reader.bytesRead(), reader.totalBytes());
    }

    void boundsLongLines()
    {
        // A quote left open on a line longer than MaxQuotedChars.
        QByteArray input = "a,\"" + QByteArray(CsvReader::MaxQuotedChars + 10, 'x') + ",y\nb,c\n";
        Parsed p = parse(input);
        QVERIFY(p.ok);
        QCOMPARE(p.records.size(), 2);
        QCOMPARE(p.records.at(0).problem, text("unterminated quoted field starting at line 1"));
        QCOMPARE(p.records.at(0).fields.size(), 2);
        QVERIFY(p.records.at(0).fields.at(1).startsWith(QLatin1String("\"xxx")));
        QVERIFY(p.records.at(0).fields.at(1).size() <= CsvReader::MaxQuotedChars + CsvReader::ChunkBytes);
        QCOMPARE(p.records.at(1).fields, row({"b", "c"}));
        QCOMPARE(p.records.at(1).line, 2);

        // An unquoted record longer than MaxRecordChars.
        input = "a," + QByteArray(CsvReader::MaxRecordChars + 10, 'x') + ",y\r\nb,c\r\n";
        p = parse(input);
        QVERIFY(p.ok);
        QCOMPARE(p.records.size(), 2);
        QCOMPARE(p.records.at(0).problem,
            text("record longer than 1048576 characters at line 1; the rest of the line was skipped"));
        QCOMPARE(p.records.at(0).fields.first(), text("a"));
        QCOMPARE(p.records.at(1).fields, row({"b", "c"}));
        QCOMPARE(p.records.at(1).line, 2);
    }

    void readsABigFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        constexpr int RowCount = 200000;
        const QString note = text("first line\nsecond, \"quoted\"");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            CsvWriter writer(&file);
            QVERIFY(writer.writeRow(row({"id", "name", "email", "notes"})));
            for (int i = 0; i < RowCount; ++i) {
                if (!writer.writeRow({QString::number(i), text("Zoë Müller %1").arg(i),
                        QStringLiteral("user%1@example.com").arg(i), i % 997 == 0 ? note : QString()}))
                    QFAIL("could not write the file");
            }
        }
        CsvReader reader(path);
        QVERIFY(reader.open().ok());
        QCOMPARE(reader.encoding(), text("UTF-8"));
        QCOMPARE(reader.delimiter(), QChar(u','));
        QCOMPARE(reader.totalBytes(), QFileInfo(path).size());
        auto header = reader.next();
        QVERIFY(header);
        QCOMPARE(header->fields, row({"id", "name", "email", "notes"}));
        int count = 0;
        qint64 expectedLine = 2;
        qint64 progress = reader.bytesRead();
        while (auto record = reader.next()) {
            const bool hasNote = count % 997 == 0;
            if (record->line != expectedLine || record->fields.size() != 4 || !record->problem.isEmpty()
                || record->fields.at(0) != QString::number(count) || (record->fields.at(3) == note) != hasNote
                || reader.bytesRead() < progress) {
                QCOMPARE(record->line, expectedLine);
                QCOMPARE(record->problem, QString());
                QCOMPARE(record->fields.size(), 4);
                QCOMPARE(record->fields.at(0), QString::number(count));
                QCOMPARE(record->fields.at(3), hasNote ? note : QString());
                QVERIFY(reader.bytesRead() >= progress);
            }
            if (count == 123456)
                QCOMPARE(record->fields,
                    (QStringList{
                        text("123456"), text("Zoë Müller 123456"), text("user123456@example.com"), QString()}));
            progress = reader.bytesRead();
            expectedLine += hasNote ? 2 : 1;
            ++count;
        }
        QCOMPARE(count, RowCount);
        QCOMPARE(reader.bytesRead(), reader.totalBytes());
        QVERIFY(!reader.next());
        QVERIFY(reader.errorString().isEmpty());
    }

    void reportsFileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("missing.csv"));
        CsvReader reader(missing);
        Status s = reader.open();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, Error::Code::Io);
        QCOMPARE(s.error().where, missing);
        QVERIFY(s.error().toString().contains(missing));
        QVERIFY(!reader.next());

        CsvReader folder(dir.path());
        s = folder.open();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().where, dir.path());

        QBuffer closed;
        CsvReader unopened(&closed);
        QVERIFY(!unopened.open().ok());
        QVERIFY(!unopened.next());
    }

    void csvSpectrum_data()
    {
        QTest::addColumn<QString>("csvPath");
        QTest::addColumn<QString>("jsonPath");
        const QDir corpus(QString::fromUtf8(CONTACTDESK_TEST_DATA) + QStringLiteral("/csv-spectrum"));
        const QStringList csvs = QDir(corpus.filePath(QStringLiteral("csvs")))
                                     .entryList(QStringList{QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
        QVERIFY2(csvs.size() >= 12, qPrintable(corpus.path()));
        for (const QString& name : csvs) {
            const QString base = QFileInfo(name).completeBaseName();
            QTest::addRow("%s", qPrintable(base))
                << corpus.filePath(QStringLiteral("csvs/") + name)
                << corpus.filePath(QStringLiteral("json/") + base + QStringLiteral(".json"));
        }
    }

    void csvSpectrum()
    {
        QFETCH(QString, csvPath);
        QFETCH(QString, jsonPath);
        const QString base = QFileInfo(csvPath).completeBaseName();
        QFile jsonFile(jsonPath);
        QVERIFY2(jsonFile.open(QIODevice::ReadOnly), qPrintable(jsonPath));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(jsonFile.readAll(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QJsonArray expected;
        if (doc.isObject())
            expected.append(doc.object()); // issue #22: location_coordinates.json is a lone object
        else
            expected = doc.array();

        CsvReader reader(csvPath);
        Status s = reader.open();
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(reader.encoding(), text("UTF-8"));
        QCOMPARE(reader.delimiter(), QChar(u','));
        auto header = reader.next();
        QVERIFY(header);
        QCOMPARE(header->line, 1);
        QCOMPARE(header->problem, QString());
        qsizetype rowIndex = 0;
        while (auto record = reader.next()) {
            QString problem;
            for (const ExpectedProblem& e : SpectrumProblems)
                if (base == QLatin1String(e.file) && rowIndex == e.row)
                    problem = text(e.problem);
            QCOMPARE(record->problem, problem);
            QVERIFY2(rowIndex < expected.size(), "more records than the JSON has rows");
            const QJsonObject object = expected.at(rowIndex).toObject();
            QCOMPARE(object.size(), header->fields.size());
            QCOMPARE(record->fields.size(), header->fields.size());
            for (qsizetype column = 0; column < header->fields.size(); ++column) {
                const QString& name = header->fields.at(column);
                QVERIFY2(object.value(name).isString(), qPrintable(name));
                QString want = object.value(name).toString();
                for (const Erratum& e : SpectrumErrata) {
                    if (base == QLatin1String(e.file) && rowIndex == e.row && name == QLatin1String(e.column)) {
                        QCOMPARE(want, text(e.published)); // still wrong upstream? else drop the erratum
                        want = text(e.correct);
                    }
                }
                QCOMPARE(record->fields.at(column), want);
            }
            ++rowIndex;
        }
        QCOMPARE(rowIndex, expected.size());
        QCOMPARE(reader.bytesRead(), reader.totalBytes());
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
