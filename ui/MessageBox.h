#pragma once
// The one place dialogs ask the user a question, so GUI tests can answer it in advance
// (setNextAnswer) instead of blocking on a modal box.

#include <QMessageBox>

namespace ContactDesk::MessageBox {

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::StandardButton defaultButton = QMessageBox::No);
void critical(QWidget* parent, const QString& title, const QString& text);
// The next question() or critical() returns this at once; for tests.
void setNextAnswer(QMessageBox::StandardButton answer);

} // namespace ContactDesk::MessageBox
