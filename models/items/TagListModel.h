#pragma once
// Every tag with the number of live contacts carrying it; feeds the tag completer on the profile
// (and later the tag manager). Tags are few, so it holds them all.

#include "store/ContactRepository.h"

#include <QAbstractListModel>

namespace ContactDesk {

class ContactStore;

class TagListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { TagIdRole = Qt::UserRole + 1, CountRole, NameRole };

    explicit TagListModel(ContactStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QStringList names() const;
    void reload();

private:
    ContactStore* m_store;
    QList<TagInfo> m_tags;
};

} // namespace ContactDesk
