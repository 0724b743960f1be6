#pragma once
// The list's horizontal header with a checkbox in the first section, as in the seeds' contact
// list: ticking it selects every contact matching the search and filters (MainWindow's "Select
// all matching"), unticking clears the selection. Clicks elsewhere sort as before.

#include <QHeaderView>

namespace ContactDesk {

class SelectAllHeader : public QHeaderView
{
    Q_OBJECT

public:
    explicit SelectAllHeader(QWidget* parent = nullptr);

    bool isChecked() const { return m_checked; }
    void setChecked(bool checked); // shows the state; announces nothing
    QRect checkBoxRect() const;    // in the header's coordinates

Q_SIGNALS:
    void toggled(bool checked);

protected:
    void paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    QSize sectionSizeFromContents(int logicalIndex) const override;

private:
    QRect boxIn(const QRect& section) const;

    bool m_checked = false;
    bool m_pressedOnBox = false;
};

} // namespace ContactDesk
