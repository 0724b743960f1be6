#include "SelectAllHeader.h"

#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionButton>

namespace ContactDesk {

SelectAllHeader::SelectAllHeader(QWidget* parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("selectAllHeader"));
    setSectionsClickable(true);
    setToolTip(tr("Tick to select every matching contact, not only those shown"));
}

void SelectAllHeader::setChecked(bool checked)
{
    if (m_checked == checked)
        return;
    m_checked = checked;
    viewport()->update();
}

QRect SelectAllHeader::boxIn(const QRect& section) const
{
    QStyleOptionButton option;
    const QRect box = style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, this);
    return QRect(section.left() + 6, section.top() + (section.height() - box.height()) / 2, box.width(), box.height());
}

QRect SelectAllHeader::checkBoxRect() const
{
    const int logical = 0;
    const QRect section(sectionViewportPosition(logical), 0, sectionSize(logical), height());
    return boxIn(section);
}

void SelectAllHeader::paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const
{
    if (logicalIndex != 0) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    // The section as usual, its text moved right of the box.
    const QRect box = boxIn(rect);
    painter->save();
    QStyleOptionHeader header;
    initStyleOption(&header);
    header.rect = rect;
    header.section = logicalIndex;
    header.text = model() ? model()->headerData(logicalIndex, orientation()).toString() : QString();
    header.textAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    if (isSortIndicatorShown() && sortIndicatorSection() == logicalIndex)
        header.sortIndicator = sortIndicatorOrder() == Qt::AscendingOrder ? QStyleOptionHeader::SortDown
                                                                           : QStyleOptionHeader::SortUp;
    style()->drawControl(QStyle::CE_HeaderSection, &header, painter, this);
    QStyleOptionHeader label = header;
    label.rect = rect.adjusted(box.right() - rect.left() + 4, 0, 0, 0);
    style()->drawControl(QStyle::CE_HeaderLabel, &label, painter, this);
    if (header.sortIndicator != QStyleOptionHeader::None) {
        QStyleOptionHeader arrow = header;
        arrow.rect = style()->subElementRect(QStyle::SE_HeaderArrow, &header, this);
        style()->drawPrimitive(QStyle::PE_IndicatorHeaderArrow, &arrow, painter, this);
    }
    QStyleOptionButton check;
    check.rect = box;
    check.state = QStyle::State_Enabled | (m_checked ? QStyle::State_On : QStyle::State_Off);
    style()->drawPrimitive(QStyle::PE_IndicatorCheckBox, &check, painter, this);
    painter->restore();
}

QSize SelectAllHeader::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    if (logicalIndex == 0)
        size.rwidth() += checkBoxRect().width() + 8;
    return size;
}

void SelectAllHeader::mousePressEvent(QMouseEvent* event)
{
    m_pressedOnBox = checkBoxRect().adjusted(-3, -3, 3, 3).contains(event->position().toPoint());
    if (!m_pressedOnBox)
        QHeaderView::mousePressEvent(event);
}

void SelectAllHeader::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_pressedOnBox) {
        QHeaderView::mouseReleaseEvent(event);
        return;
    }
    m_pressedOnBox = false;
    if (checkBoxRect().adjusted(-3, -3, 3, 3).contains(event->position().toPoint()))
        Q_EMIT toggled(!m_checked);
}

} // namespace ContactDesk
