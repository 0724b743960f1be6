#pragma once
// A search's matches in list order, as the list model keeps them: either the ids themselves (from
// SQL) or QuickSearch's bitmap of name positions over a snapshot of the name order, which holds
// 600,000 matches in 125 KB instead of a 5 MB vector built on every keystroke. Immutable and
// cheap to copy: the search thread makes one, the UI thread reads it.

#include <QVector>

#include <cstdint>
#include <memory>
#include <vector>

namespace ContactDesk {

// Live contacts in name order at one moment (QuickSearch's; shared by the matches made from it).
struct NameOrder
{
    std::vector<qint64> ids;           // in (sort_key, id) order
    std::vector<std::uint32_t> rank;   // id -> position in ids + 1; 0: not a live contact
};

class SearchMatches
{
public:
    SearchMatches() = default;
    explicit SearchMatches(QVector<qint64> ids);
    // The positions set in `bits` (one bit per position of `order`), in name order or reversed.
    SearchMatches(std::shared_ptr<const NameOrder> order, std::vector<std::uint64_t> bits, bool descending);

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    qint64 at(qsizetype row) const;        // 0 <= row < size()
    qsizetype indexOf(qint64 id) const;    // -1 when not a match
    QVector<qint64> toVector() const;
    // The same ids in the same order (cheap when both come from the same name order).
    bool sameAs(const SearchMatches& other) const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace ContactDesk
