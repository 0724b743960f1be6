#include "CsvWriter.h"

#include <QIODevice>

namespace ContactDesk {

CsvWriter::CsvWriter(QIODevice* device)
    : m_device(device)
{
}

QString CsvWriter::escape(const QString& field)
{
    bool quote = false;
    for (QChar c : field) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return field;
    QString out = field;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

bool CsvWriter::writeRow(const QStringList& fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += escape(fields[i]);
    }
    line += QStringLiteral("\r\n");
    const QByteArray bytes = line.toUtf8();
    return m_device->write(bytes) == bytes.size();
}

} // namespace ContactDesk
