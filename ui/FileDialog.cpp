#include "FileDialog.h"

#include <QFileDialog>

#include <optional>

namespace ContactDesk::FileDialog {

namespace {
std::optional<QString> s_next;

bool takeNext(QString* path)
{
    if (!s_next)
        return false;
    *path = *s_next;
    s_next.reset();
    return true;
}
} // namespace

QString openFileName(QWidget* parent, const QString& caption, const QString& filter)
{
    QString path;
    if (takeNext(&path))
        return path;
    return QFileDialog::getOpenFileName(parent, caption, {}, filter);
}

QString saveFileName(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter)
{
    QString path;
    if (takeNext(&path))
        return path;
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void setNextFileName(const QString& path)
{
    s_next = path;
}

} // namespace ContactDesk::FileDialog
