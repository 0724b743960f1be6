#pragma once
// Streams records out of a CSV file for the import job and its preview: RFC 4180 quoting, any line
// end, encoding and delimiter detection, and malformed records reported with their line instead of
// stopping the import. Memory stays bounded whatever the file size: the input is read in chunks
// and a record never holds more than a bounded amount of text (see the limits below).
//
// Encoding: a byte order mark, else UTF-8 when the first chunk is valid UTF-8, else Windows-1252;
// an invalid UTF-8 byte after the first chunk reads as U+FFFD. A malformed record comes back with
// `problem` set and never ends the input: a stray quote in an unquoted field, or text after a
// closing quote, is kept as text; an unterminated quoted field ends its record with the rest of
// the quote's line as raw text, and parsing resumes on the line after it.

#include "domain/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QChar>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QFile;
class QIODevice;

namespace ContactDesk {

struct CsvOptions
{
    QString encoding; // empty = detect; else "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"
    QChar delimiter;  // null QChar = detect among , ; \t |
};

struct CsvRecord
{
    QStringList fields;
    qint64 line = 0; // 1-based physical line where the record starts
    QString problem; // empty, or what was malformed in this record
};

class CsvReader
{
public:
    // Bytes read per device read; the first chunk is also the sample for both detections.
    static constexpr qint64 ChunkBytes = 64 * 1024;
    // Lines (outside quotes, blank ones ignored) the delimiter detection looks at.
    static constexpr int DetectionLines = 100;
    // An opening quote with no closing quote within this many line breaks or characters is taken
    // as unterminated: the record is returned as malformed and parsing resumes on the line after
    // the quote. Generous on purpose, so a long note pasted into one quoted cell still reads as one
    // field; going past them costs a re-scan of what was read, never a lost record.
    static constexpr int MaxQuotedLines = 1000;
    static constexpr qsizetype MaxQuotedChars = 1024 * 1024;
    // A record longer than this is cut there; the rest of its physical line is skipped.
    static constexpr qsizetype MaxRecordChars = 1024 * 1024;

    explicit CsvReader(const QString& path, const CsvOptions& options = {});
    explicit CsvReader(QIODevice* device, const CsvOptions& options = {}); // not owned
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    Status open();                   // file errors name the path
    QString encoding() const;        // the detected or chosen encoding, one of the names above
    QChar delimiter() const;         // the detected or chosen delimiter
    std::optional<CsvRecord> next(); // std::nullopt at the end of the input
    qint64 bytesRead() const;        // for progress
    qint64 totalBytes() const;       // -1 when unknown
    QString errorString() const;     // set when a device read failed; reading then stopped there

private:
    enum class Encoding { Utf8, Utf16Le, Utf16Be, Windows1252 };

    static QString encodingName(Encoding encoding);
    static std::optional<Encoding> encodingFromName(const QString& name);
    static bool isValidUtf8(const QByteArray& bytes, bool complete);
    static QChar detectDelimiter(const QString& sample, bool complete);

    qint64 readChunk(qint64 maximum);
    void decodeAppend(QByteArrayView bytes, bool last);
    bool refill();
    bool ensure(qsizetype count) { return m_pos + count <= m_text.size() || ensureSlow(count); }
    bool ensureSlow(qsizetype count);
    void consumeLineBreak();
    void skipRestOfLine();
    QString unquotedField(CsvRecord& record, qsizetype recordStart, int field, bool& ended);
    QString quotedField(CsvRecord& record, int field, bool& ended);

    QString m_path;
    std::unique_ptr<QFile> m_file;
    QIODevice* m_device = nullptr;
    CsvOptions m_options;
    Encoding m_encoding = Encoding::Utf8;
    QChar m_delimiter;
    bool m_open = false;
    bool m_deviceAtEnd = false;
    QByteArray m_readBuffer;
    QByteArray m_carry; // bytes of a character cut at the end of the last chunk
    QString m_text;     // decoded text not yet parsed, from m_pos on
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = -1;
    QString m_errorString;
};

} // namespace ContactDesk
