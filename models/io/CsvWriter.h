#pragma once
// Writes RFC 4180 CSV: UTF-8, CRLF line ends, fields quoted when they hold a comma, a quote or a
// line break, quotes doubled. Streams to any QIODevice.

#include <QStringList>

class QIODevice;

namespace ContactDesk {

class CsvWriter
{
public:
    explicit CsvWriter(QIODevice* device);
    bool writeRow(const QStringList& fields);
    static QString escape(const QString& field);

private:
    QIODevice* m_device;
};

} // namespace ContactDesk
