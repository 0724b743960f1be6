#pragma once
// An inline banner at the top of a pane for outcomes that need no dialog: an error with what is
// wrong and where, or a note with an action (Undo). Hidden until show...() is called.

#include <QFrame>

#include <functional>

class QLabel;
class QToolButton;

namespace ContactDesk {

class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);
    void showMessage(const QString& text, Kind kind = Kind::Information);
    // With a button that runs `action` (and hides the banner).
    void showMessage(const QString& text, Kind kind, const QString& actionText, std::function<void()> action);
    QString text() const;

private:
    QLabel* m_label;
    QToolButton* m_actionButton;
    QToolButton* m_closeButton;
    std::function<void()> m_action;
};

} // namespace ContactDesk
