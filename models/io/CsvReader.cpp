#include "CsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QIODevice>

#include <array>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CsvReader", text);
}

constexpr char16_t Quote = u'"';
constexpr char16_t Lf = u'\n';
constexpr char16_t Cr = u'\r';

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. The five bytes it leaves undefined (0x81,
// 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as the WHATWG Encoding
// Standard and Windows itself do, so no byte is ever lost.
constexpr std::array<char16_t, 32> Windows1252High = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

const QByteArray Utf8Bom("\xEF\xBB\xBF");
const QByteArray Utf16LeBom("\xFF\xFE");
const QByteArray Utf16BeBom("\xFE\xFF");

int utf8SequenceLength(uchar lead)
{
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 1; // ASCII, or a byte that cannot start a sequence
}

// How many leading bytes hold only whole UTF-8 sequences: a sequence cut by the chunk end waits
// for the next chunk (invalid bytes are not held back, so at most 3 bytes ever wait).
qsizetype completeUtf8Length(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    qsizetype i = size - 1;
    int continuations = 0;
    while (i >= 0 && continuations < 3 && (uchar(bytes.at(i)) & 0xC0) == 0x80) {
        --i;
        ++continuations;
    }
    if (i < 0)
        return size;
    return size - i < utf8SequenceLength(uchar(bytes.at(i))) ? i : size;
}

QString tooLong(qint64 line)
{
    return tr("record longer than %1 characters at line %2; the rest of the line was skipped")
        .arg(CsvReader::MaxRecordChars)
        .arg(line);
}

void addProblem(CsvRecord& record, const QString& problem)
{
    if (!record.problem.isEmpty())
        record.problem += QStringLiteral("; ");
    record.problem += problem;
}

} // namespace

CsvReader::CsvReader(const QString& path, const CsvOptions& options)
    : m_path(path)
    , m_options(options)
{
}

CsvReader::CsvReader(QIODevice* device, const CsvOptions& options)
    : m_device(device)
    , m_options(options)
{
}

CsvReader::~CsvReader() = default;

Status CsvReader::open()
{
    if (m_open)
        return {};
    if (!m_options.encoding.isEmpty()) {
        auto chosen = encodingFromName(m_options.encoding);
        if (!chosen)
            return Error{Error::Code::Invalid, tr("unknown encoding \"%1\"").arg(m_options.encoding), m_path};
        m_encoding = *chosen;
    }
    const QChar d = m_options.delimiter;
    if (d == QLatin1Char('"') || d == QLatin1Char('\n') || d == QLatin1Char('\r'))
        return Error{Error::Code::Invalid, tr("a quote or a line break cannot be the delimiter"), m_path};

    if (!m_device) {
        m_file = std::make_unique<QFile>(m_path);
        if (!m_file->open(QIODevice::ReadOnly))
            return Error{Error::Code::Io, m_file->errorString(), m_path};
        m_device = m_file.get();
    } else if (!m_device->isReadable()) {
        return Error{Error::Code::Io, tr("the input is not open for reading"), m_path};
    }
    m_totalBytes = m_device->isSequential() ? -1 : m_device->size() - m_device->pos();

    // The first chunk is the sample both detections look at; it is then parsed like any other.
    QByteArray sample;
    while (sample.size() < ChunkBytes) {
        const qint64 count = readChunk(ChunkBytes - sample.size());
        if (count == 0) {
            m_deviceAtEnd = true;
            break;
        }
        sample.append(m_readBuffer.constData(), count);
    }
    if (!m_deviceAtEnd && !m_device->isSequential() && m_device->atEnd())
        m_deviceAtEnd = true;
    if (!m_errorString.isEmpty())
        return Error{Error::Code::Io, m_errorString, m_path};

    if (m_options.encoding.isEmpty()) {
        if (sample.startsWith(Utf8Bom))
            m_encoding = Encoding::Utf8;
        else if (sample.startsWith(Utf16LeBom))
            m_encoding = Encoding::Utf16Le;
        else if (sample.startsWith(Utf16BeBom))
            m_encoding = Encoding::Utf16Be;
        else
            m_encoding = isValidUtf8(sample, m_deviceAtEnd) ? Encoding::Utf8 : Encoding::Windows1252;
    }
    // A byte order mark is skipped when it is the chosen encoding's own.
    if (m_encoding == Encoding::Utf8 && sample.startsWith(Utf8Bom))
        sample.remove(0, Utf8Bom.size());
    else if (m_encoding == Encoding::Utf16Le && sample.startsWith(Utf16LeBom))
        sample.remove(0, Utf16LeBom.size());
    else if (m_encoding == Encoding::Utf16Be && sample.startsWith(Utf16BeBom))
        sample.remove(0, Utf16BeBom.size());
    decodeAppend(sample, m_deviceAtEnd);

    m_delimiter = m_options.delimiter.isNull() ? detectDelimiter(m_text, m_deviceAtEnd) : m_options.delimiter;
    m_open = true;
    return {};
}

QString CsvReader::encoding() const
{
    return m_open ? encodingName(m_encoding) : m_options.encoding;
}

QChar CsvReader::delimiter() const
{
    return m_open ? m_delimiter : m_options.delimiter;
}

qint64 CsvReader::bytesRead() const
{
    return m_bytesRead;
}

qint64 CsvReader::totalBytes() const
{
    return m_totalBytes;
}

QString CsvReader::errorString() const
{
    return m_errorString;
}

std::optional<CsvRecord> CsvReader::next()
{
    if (!m_open)
        return std::nullopt;
    // Drop what was parsed once it is a chunk's worth; a record in progress never moves, so the
    // offsets the parse keeps into m_text stay valid until the record is returned.
    if (m_pos >= ChunkBytes) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    for (;;) { // a completely empty line is no record
        if (!ensure(1))
            return std::nullopt;
        const char16_t c = m_text.at(m_pos).unicode();
        if (c != Lf && c != Cr)
            break;
        consumeLineBreak();
    }

    CsvRecord record;
    record.line = m_line;
    const qsizetype recordStart = m_pos;
    for (int field = 1;; ++field) {
        bool ended = false; // the field ended the record: resynchronised or cut
        if (ensure(1) && m_text.at(m_pos).unicode() == Quote)
            record.fields.append(quotedField(record, field, ended));
        else
            record.fields.append(unquotedField(record, recordStart, field, ended));
        if (ended || !ensure(1))
            return record;
        if (m_text.at(m_pos) != m_delimiter) {
            consumeLineBreak(); // a field stops only at a delimiter, a line break or the end
            return record;
        }
        ++m_pos;
        if (m_pos - recordStart > MaxRecordChars) {
            addProblem(record, tooLong(m_line));
            skipRestOfLine();
            return record;
        }
    }
}

// From m_pos to the next delimiter, line break or the end of the input. A quote in here is kept
// as text and reported.
QString CsvReader::unquotedField(CsvRecord& record, qsizetype recordStart, int field, bool& ended)
{
    const char16_t delimiter = m_delimiter.unicode();
    const qsizetype start = m_pos;
    bool stray = false;
    for (;;) {
        const QChar* data = m_text.constData();
        const qsizetype size = m_text.size();
        qsizetype i = m_pos;
        for (; i < size; ++i) {
            const char16_t c = data[i].unicode();
            if (c == delimiter || c == Lf || c == Cr)
                break;
            if (c == Quote)
                stray = true;
        }
        m_pos = i;
        if (i < size)
            break;
        if (m_pos - recordStart > MaxRecordChars) {
            const QString value = m_text.mid(start, m_pos - start);
            if (stray)
                addProblem(record, tr("stray quote in unquoted field %1 at line %2").arg(field).arg(m_line));
            addProblem(record, tooLong(m_line));
            skipRestOfLine();
            ended = true;
            return value;
        }
        if (!refill())
            break;
    }
    if (stray)
        addProblem(record, tr("stray quote in unquoted field %1 at line %2").arg(field).arg(m_line));
    return m_text.mid(start, m_pos - start);
}

// m_pos is on the opening quote. A quoted field ends at a quote followed by a delimiter, a line
// break or the end of the input. It is unterminated when the input ends first, when it would span
// more than MaxQuotedLines line breaks or MaxQuotedChars characters, or when its closing quote is
// followed by text after it spanned lines: a stray opening quote then met the next field's
// opening quote, far more often than a multi-line field was written with text after its end. An
// unterminated field keeps the rest of the line where it started as raw text, and parsing resumes
// on the next line.
QString CsvReader::quotedField(CsvRecord& record, int field, bool& ended)
{
    const qsizetype quoteStart = m_pos;
    const qint64 quoteLine = m_line;
    qsizetype firstBreak = -1;      // where the first line break inside the quotes is
    qsizetype afterFirstBreak = -1; // and where the line after it starts
    int breaks = 0;
    ++m_pos;
    QString value;
    qsizetype segment = m_pos; // start of the text not yet copied to value

    auto unterminated = [&]() {
        addProblem(record, tr("unterminated quoted field starting at line %1").arg(quoteLine));
        ended = true;
        if (firstBreak >= 0) {
            m_pos = afterFirstBreak;
            m_line = quoteLine + 1;
            return m_text.mid(quoteStart, firstBreak - quoteStart);
        }
        // Still on the quote's line: the input ended, or the line is longer than MaxQuotedChars.
        QString raw = m_text.mid(quoteStart, m_pos - quoteStart);
        skipRestOfLine();
        return raw;
    };

    for (;;) {
        const QChar* data = m_text.constData();
        const qsizetype size = m_text.size();
        qsizetype i = m_pos;
        while (i < size) {
            const char16_t c = data[i].unicode();
            if (c == Quote || c == Lf || c == Cr)
                break;
            ++i;
        }
        m_pos = i;
        if (m_pos - quoteStart > MaxQuotedChars)
            return unterminated();
        if (i == size) {
            if (!refill())
                return unterminated();
            continue;
        }
        if (data[i].unicode() != Quote) {
            consumeLineBreak();
            if (++breaks == 1) {
                firstBreak = i;
                afterFirstBreak = m_pos;
            }
            if (breaks > MaxQuotedLines)
                return unterminated();
            continue;
        }
        if (ensure(2) && m_text.at(m_pos + 1).unicode() == Quote) { // a doubled quote is one quote
            value += QStringView(m_text).mid(segment, m_pos + 1 - segment);
            m_pos += 2;
            segment = m_pos;
            continue;
        }
        value += QStringView(m_text).mid(segment, m_pos - segment);
        ++m_pos; // the closing quote
        if (!ensure(1))
            return value;
        const QChar after = m_text.at(m_pos);
        if (after == m_delimiter || after.unicode() == Lf || after.unicode() == Cr)
            return value;
        if (breaks > 0)
            return unterminated();
        addProblem(record, tr("text after the closing quote of field %1 at line %2").arg(field).arg(m_line));
        // Keep that text, as most spreadsheets do: "abc"def reads as abcdef.
        value += unquotedField(record, quoteStart, field, ended);
        return value;
    }
}

void CsvReader::consumeLineBreak()
{
    const char16_t c = m_text.at(m_pos).unicode();
    ++m_pos;
    if (c == Cr && ensure(1) && m_text.at(m_pos).unicode() == Lf)
        ++m_pos;
    ++m_line;
}

// Discards text up to and including the next line break, without holding it.
void CsvReader::skipRestOfLine()
{
    for (;;) {
        const qsizetype size = m_text.size();
        for (; m_pos < size; ++m_pos) {
            const char16_t c = m_text.at(m_pos).unicode();
            if (c == Lf || c == Cr) {
                consumeLineBreak();
                return;
            }
        }
        m_text.clear();
        m_pos = 0;
        if (!refill())
            return;
    }
}

bool CsvReader::ensureSlow(qsizetype count)
{
    while (m_pos + count > m_text.size())
        if (!refill())
            return false;
    return true;
}

bool CsvReader::refill()
{
    while (!m_deviceAtEnd) {
        const qsizetype before = m_text.size();
        const qint64 count = readChunk(ChunkBytes);
        m_deviceAtEnd = count == 0;
        decodeAppend(QByteArrayView(m_readBuffer.constData(), count), m_deviceAtEnd);
        if (m_text.size() > before)
            return true;
    }
    return false;
}

// Reads into m_readBuffer; 0 at the end of the input or after a read error.
qint64 CsvReader::readChunk(qint64 maximum)
{
    if (!m_errorString.isEmpty())
        return 0;
    if (m_readBuffer.size() < maximum)
        m_readBuffer.resize(maximum);
    const qint64 count = m_device->read(m_readBuffer.data(), maximum);
    if (count < 0) {
        m_errorString = m_device->errorString();
        return 0;
    }
    m_bytesRead += count;
    return count;
}

void CsvReader::decodeAppend(QByteArrayView bytes, bool last)
{
    QByteArray joined;
    if (!m_carry.isEmpty()) {
        joined = m_carry;
        joined.append(bytes);
        bytes = joined;
        m_carry.clear();
    }
    if (bytes.isEmpty())
        return;
    const auto* in = reinterpret_cast<const uchar*>(bytes.data());
    switch (m_encoding) {
    case Encoding::Utf8: {
        const qsizetype whole = last ? bytes.size() : completeUtf8Length(bytes);
        m_text += QString::fromUtf8(bytes.data(), whole); // invalid bytes become U+FFFD
        m_carry = bytes.sliced(whole).toByteArray();
        break;
    }
    case Encoding::Utf16Le:
    case Encoding::Utf16Be: {
        // A surrogate pair cut by the chunk end needs no care: m_text is UTF-16 too.
        const qsizetype units = bytes.size() / 2;
        const qsizetype old = m_text.size();
        m_text.resize(old + units);
        QChar* out = m_text.data() + old;
        const bool little = m_encoding == Encoding::Utf16Le;
        for (qsizetype i = 0; i < units; ++i) {
            const uchar lo = little ? in[2 * i] : in[2 * i + 1];
            const uchar hi = little ? in[2 * i + 1] : in[2 * i];
            out[i] = QChar(char16_t(lo | (hi << 8)));
        }
        if (bytes.size() % 2 != 0) {
            if (last)
                m_text += QChar(QChar::ReplacementCharacter);
            else
                m_carry = bytes.last(1).toByteArray();
        }
        break;
    }
    case Encoding::Windows1252: {
        const qsizetype old = m_text.size();
        m_text.resize(old + bytes.size());
        QChar* out = m_text.data() + old;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const uchar b = in[i];
            out[i] = (b >= 0x80 && b < 0xA0) ? QChar(Windows1252High[b - 0x80]) : QChar(char16_t(b));
        }
        break;
    }
    }
}

QString CsvReader::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf16Le:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16Be:
        return QStringLiteral("UTF-16BE");
    case Encoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

std::optional<CsvReader::Encoding> CsvReader::encodingFromName(const QString& name)
{
    QString key = name.trimmed().toLower();
    key.remove(QLatin1Char('-'));
    key.remove(QLatin1Char('_'));
    if (key == QLatin1String("utf8"))
        return Encoding::Utf8;
    if (key == QLatin1String("utf16le"))
        return Encoding::Utf16Le;
    if (key == QLatin1String("utf16be"))
        return Encoding::Utf16Be;
    if (key == QLatin1String("windows1252") || key == QLatin1String("cp1252"))
        return Encoding::Windows1252;
    return std::nullopt;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF. When the bytes are only
// the start of the input (complete is false), a sequence cut at their end is fine.
bool CsvReader::isValidUtf8(const QByteArray& bytes, bool complete)
{
    const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const uchar lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        const int length = utf8SequenceLength(lead);
        if (length == 1)
            return false;
        const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        char32_t code = lead & (0x7F >> length);
        for (int k = 1; k < length; ++k) {
            if (i + k >= size)
                return !complete;
            const uchar b = data[i + k];
            if ((b & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (b & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

// Counts each candidate outside quotes on each of the first lines that are not blank, and picks
// the one whose most frequent non-zero count occurs on the most lines (a few note lines above the
// header count zero and do not spoil it). Ties go to the larger count, then to the list order.
QChar CsvReader::detectDelimiter(const QString& sample, bool complete)
{
    const std::array<char16_t, 4> candidates = {u',', u';', u'\t', u'|'};
    QChar best = QLatin1Char(',');
    int bestLines = 0;
    int bestCount = 0;
    for (char16_t candidate : candidates) {
        QHash<int, int> linesWithCount;
        int lines = 0;
        int count = 0;
        bool inQuotes = false;
        bool fieldStart = true;
        bool content = false;
        const qsizetype size = sample.size();
        for (qsizetype i = 0; i < size && lines < DetectionLines; ++i) {
            const char16_t c = sample.at(i).unicode();
            if (inQuotes) {
                if (c == Quote) {
                    if (i + 1 < size && sample.at(i + 1).unicode() == Quote)
                        ++i;
                    else
                        inQuotes = false;
                }
            } else if (c == Lf || c == Cr) {
                if (content) {
                    ++lines;
                    if (count > 0)
                        ++linesWithCount[count];
                }
                count = 0;
                fieldStart = true;
                content = false;
            } else {
                content = true;
                if (c == candidate) {
                    ++count;
                    fieldStart = true;
                    continue;
                }
                if (c == Quote && fieldStart)
                    inQuotes = true;
                fieldStart = false;
            }
        }
        if (complete && content && !inQuotes && count > 0 && lines < DetectionLines)
            ++linesWithCount[count]; // the last line has no line break
        for (auto it = linesWithCount.cbegin(); it != linesWithCount.cend(); ++it) {
            if (it.value() > bestLines || (it.value() == bestLines && it.key() > bestCount)) {
                bestLines = it.value();
                bestCount = it.key();
                best = QChar(candidate);
            }
        }
    }
    return best;
}

} // namespace ContactDesk
