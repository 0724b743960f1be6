#pragma once
// Clicks a main-window action as a rep does: its toolbar button, or, for an action in a toolbar
// button's menu (the "Actions" menu, the Import button's history), opens that menu and clicks the
// entry. Fails the test when the action is on neither or is disabled.

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

namespace ContactDesk::Test {

inline void clickToolbarAction(QMainWindow* window, const char* name)
{
    auto* action = window->findChild<QAction*>(QString::fromLatin1(name));
    auto* toolbar = window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY2(action && toolbar, name);
    if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(action))) {
        QVERIFY2(button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
        return;
    }
    for (QToolButton* button : toolbar->findChildren<QToolButton*>()) {
        QMenu* menu = button->menu();
        if (!menu || !menu->actions().contains(action))
            continue;
        QVERIFY2(button->isEnabled() && action->isEnabled(), name);
        // popup() does not wait: a test's timer that answers the dialog the entry opens must not
        // run before the click.
        menu->popup(button->mapToGlobal(QPoint(0, button->height())));
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
        return;
    }
    QFAIL(qPrintable(QStringLiteral("%1 is neither on the toolbar nor in a toolbar menu").arg(QLatin1String(name))));
}

} // namespace ContactDesk::Test
