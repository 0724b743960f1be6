#pragma once
// The tag manager's table: every tag with its colour and live-contact count. The counts are one
// grouped scan of contact_tags that grows with the contacts (2.7 s cold on 1M), so the model
// loads in the background on its own connection and swaps the rows in when the scan lands
// (BackgroundTableModel).
// Editing a name asks for a rename (renameRequested; the tag manager runs it as an undoable job,
// a merge when the name is taken).

#include "BackgroundTableModel.h"
#include "store/ContactRepository.h"

namespace ContactDesk {

struct TagLoad
{
    QList<TagInfo> tags;
    QString error;
};

class TagTableModel : public BackgroundTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ColorColumn, CountColumn, ColumnCount };
    enum Role { TagIdRole = Qt::UserRole + 1, CountRole, ColorNameRole };

    explicit TagTableModel(ContactStore* store, QObject* parent = nullptr);
    ~TagTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    TagInfo tagAt(int row) const { return m_tags.value(row); }
    int rowOf(qint64 tagId) const;
    void reload() override;

Q_SIGNALS:
    void loadFailed(const QString& message);
    // The rep typed a new name for the tag; the row changes when the store reports the rename.
    void renameRequested(qint64 tagId, const QString& newName);

private:
    void apply(const TagLoad& load);

    QList<TagInfo> m_tags;
    QFutureWatcher<TagLoad> m_watcher;
};

} // namespace ContactDesk
