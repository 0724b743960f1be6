#include "MessageBox.h"

namespace ContactDesk::MessageBox {

namespace {
QMessageBox::StandardButton s_nextAnswer = QMessageBox::NoButton;

bool takeNextAnswer(QMessageBox::StandardButton* answer)
{
    if (s_nextAnswer == QMessageBox::NoButton)
        return false;
    *answer = s_nextAnswer;
    s_nextAnswer = QMessageBox::NoButton;
    return true;
}
} // namespace

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    QMessageBox::StandardButton answer;
    if (takeNextAnswer(&answer))
        return answer;
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void critical(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::StandardButton answer;
    if (takeNextAnswer(&answer))
        return;
    QMessageBox::critical(parent, title, text);
}

void setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

} // namespace ContactDesk::MessageBox
