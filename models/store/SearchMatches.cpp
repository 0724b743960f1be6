#include "SearchMatches.h"

#include <algorithm>

namespace ContactDesk {

namespace {

constexpr size_t WordsPerBlock = 8; // a running count every 512 positions

int popcount(std::uint64_t w)
{
    return __builtin_popcountll(w);
}

} // namespace

struct SearchMatches::Data
{
    QVector<qint64> ids; // from SQL
    std::shared_ptr<const NameOrder> order; // or a bitmap over this
    std::vector<std::uint64_t> bits;
    std::vector<std::uint32_t> before; // matches before each block of WordsPerBlock words
    qsizetype size = 0;
    bool descending = false;

    // The position in the name order of the `n`-th match in name order.
    size_t position(qsizetype n) const
    {
        const auto block = size_t(std::upper_bound(before.cbegin(), before.cend(), std::uint32_t(n)) - before.cbegin()) - 1;
        auto left = std::uint32_t(n) - before[block];
        for (size_t w = block * WordsPerBlock;; ++w) {
            std::uint64_t word = bits[w];
            const auto count = std::uint32_t(popcount(word));
            if (left < count) {
                for (; left > 0; --left)
                    word &= word - 1;
                return w * 64 + size_t(__builtin_ctzll(word));
            }
            left -= count;
        }
    }
};

SearchMatches::SearchMatches(QVector<qint64> ids)
{
    auto data = std::make_shared<Data>();
    data->size = ids.size();
    data->ids = std::move(ids);
    d = std::move(data);
}

SearchMatches::SearchMatches(std::shared_ptr<const NameOrder> order, std::vector<std::uint64_t> bits, bool descending)
{
    auto data = std::make_shared<Data>();
    data->order = std::move(order);
    data->bits = std::move(bits);
    data->descending = descending;
    data->before.reserve(data->bits.size() / WordsPerBlock + 1);
    std::uint32_t count = 0;
    for (size_t w = 0; w < data->bits.size(); ++w) {
        if (w % WordsPerBlock == 0)
            data->before.push_back(count);
        count += std::uint32_t(popcount(data->bits[w]));
    }
    data->size = qsizetype(count);
    d = std::move(data);
}

qsizetype SearchMatches::size() const
{
    return d ? d->size : 0;
}

qint64 SearchMatches::at(qsizetype row) const
{
    if (!d->order)
        return d->ids.at(row);
    return d->order->ids[d->position(d->descending ? d->size - 1 - row : row)];
}

qsizetype SearchMatches::indexOf(qint64 id) const
{
    if (!d)
        return -1;
    if (!d->order)
        return d->ids.indexOf(id);
    const auto& rank = d->order->rank;
    if (id <= 0 || size_t(id) >= rank.size() || rank[size_t(id)] == 0)
        return -1;
    const size_t p = rank[size_t(id)] - 1;
    const size_t word = p / 64;
    const std::uint64_t below = (std::uint64_t(1) << (p % 64)) - 1;
    if (word >= d->bits.size() || !(d->bits[word] >> (p % 64) & 1))
        return -1;
    qsizetype n = d->before[word / WordsPerBlock];
    for (size_t w = word / WordsPerBlock * WordsPerBlock; w < word; ++w)
        n += popcount(d->bits[w]);
    n += popcount(d->bits[word] & below);
    return d->descending ? d->size - 1 - n : n;
}

QVector<qint64> SearchMatches::toVector() const
{
    if (!d)
        return {};
    if (!d->order)
        return d->ids;
    QVector<qint64> ids;
    ids.reserve(d->size);
    for (size_t w = 0; w < d->bits.size(); ++w) {
        for (std::uint64_t word = d->bits[w]; word != 0; word &= word - 1)
            ids.append(d->order->ids[w * 64 + size_t(__builtin_ctzll(word))]);
    }
    if (d->descending)
        std::reverse(ids.begin(), ids.end());
    return ids;
}

bool SearchMatches::sameAs(const SearchMatches& other) const
{
    if (size() != other.size())
        return false;
    if (size() == 0 || d == other.d)
        return true;
    if (d->order && d->order == other.d->order && d->descending == other.d->descending)
        return d->bits == other.d->bits;
    return toVector() == other.toVector();
}

} // namespace ContactDesk
