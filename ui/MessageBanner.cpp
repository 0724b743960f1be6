#include "MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ContactDesk {

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_actionButton(new QToolButton(this))
    , m_closeButton(new QToolButton(this))
{
    m_actionButton->setObjectName(QStringLiteral("messageBannerActionButton"));
    m_actionButton->hide();
    connect(m_actionButton, &QToolButton::clicked, this, [this] {
        hide();
        if (m_action)
            m_action();
    });
    setObjectName(QStringLiteral("messageBanner"));
    m_label->setObjectName(QStringLiteral("messageBannerLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_closeButton->setObjectName(QStringLiteral("messageBannerCloseButton"));
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_actionButton, 0, Qt::AlignTop);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);
    connect(m_closeButton, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBanner::showMessage(const QString& text, Kind kind)
{
    const char* style = kind == Kind::Error     ? "background:#fdecea; border:1px solid #f5c2c0; color:#7a1c16;"
                        : kind == Kind::Warning ? "background:#fff4e5; border:1px solid #f7d8a8; color:#6b4a00;"
                                                : "background:#e8f1fb; border:1px solid #bcd4f0; color:#123a63;";
    setStyleSheet(QStringLiteral("#messageBanner { %1 border-radius:4px; } QLabel { border:none; background:transparent; }")
                      .arg(QString::fromLatin1(style)));
    m_label->setText(text);
    m_action = nullptr;
    m_actionButton->hide();
    show();
}

void MessageBanner::showMessage(const QString& text, Kind kind, const QString& actionText, std::function<void()> action)
{
    showMessage(text, kind);
    m_action = std::move(action);
    m_actionButton->setText(actionText);
    m_actionButton->setVisible(!actionText.isEmpty());
}

QString MessageBanner::text() const
{
    return m_label->text();
}

} // namespace ContactDesk
