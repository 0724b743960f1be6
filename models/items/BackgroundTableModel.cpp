#include "BackgroundTableModel.h"

namespace ContactDesk {

BackgroundTableModel::BackgroundTableModel(ContactStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

bool BackgroundTableModel::landLoad()
{
    m_loading = false;
    if (!m_reloadAgain)
        return true;
    m_reloadAgain = false; // this result may be stale already
    reload();
    return false;
}

} // namespace ContactDesk
