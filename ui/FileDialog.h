#pragma once
// The one place panes ask for a file name, so GUI tests can answer in advance (setNextFileName)
// instead of blocking on a native dialog.

#include <QString>

class QWidget;

namespace ContactDesk::FileDialog {

QString openFileName(QWidget* parent, const QString& caption, const QString& filter);
QString saveFileName(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter);
// The next open/save call returns this at once (an empty string means "cancelled").
void setNextFileName(const QString& path);

} // namespace ContactDesk::FileDialog
