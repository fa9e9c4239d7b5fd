#pragma once
/// A least-recently-used cache bounded by a total cost (bytes): inserting
/// past the capacity evicts the entries used longest ago. Header-only, not
/// thread-safe (the engine's worker is its only user).
///
///     LruCache<QString, Embedding> cache(256 << 20);
///     cache.insert(key, embedding, embedding.bytes());
///     if (const Embedding *hit = cache.find(key)) ...   // now the most recent
///
/// An entry larger than the whole capacity is not stored; capacity 0 stores nothing.

#include <QHash>
#include <QtGlobal>

#include <list>
#include <utility>

namespace mplug2::app {

template<typename Key, typename Value> class LruCache {
public:
    explicit LruCache(qint64 capacity = 0)
        : m_capacity(qMax<qint64>(0, capacity))
    { }

    qint64 capacity() const { return m_capacity; }
    qint64 cost() const { return m_cost; }
    qsizetype size() const { return m_index.size(); }

    void setCapacity(qint64 capacity)
    {
        m_capacity = qMax<qint64>(0, capacity);
        evictTo(m_capacity);
    }

    /// The value, marked most recently used; null when absent.
    Value *find(const Key &key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return nullptr;
        m_order.splice(m_order.begin(), m_order, it.value());
        return &it.value()->value;
    }

    bool contains(const Key &key) const { return m_index.contains(key); }

    /// Stores (or replaces) `key`; false when `cost` alone exceeds the capacity.
    bool insert(const Key &key, Value value, qint64 cost)
    {
        remove(key);
        if (cost > m_capacity || cost < 0)
            return false;
        evictTo(m_capacity - cost);
        m_order.push_front(Entry {key, std::move(value), cost});
        m_index.insert(key, m_order.begin());
        m_cost += cost;
        return true;
    }

    bool remove(const Key &key)
    {
        const auto it = m_index.find(key);
        if (it == m_index.end())
            return false;
        m_cost -= it.value()->cost;
        m_order.erase(it.value());
        m_index.erase(it);
        return true;
    }

    void clear()
    {
        m_index.clear();
        m_order.clear();
        m_cost = 0;
    }

private:
    struct Entry {
        Key key;
        Value value;
        qint64 cost = 0;
    };

    void evictTo(qint64 budget)
    {
        while (!m_order.empty() && m_cost > budget) {
            m_cost -= m_order.back().cost;
            m_index.remove(m_order.back().key);
            m_order.pop_back();
        }
    }

    qint64 m_capacity = 0;
    qint64 m_cost = 0;
    std::list<Entry> m_order; ///< most recent first
    QHash<Key, typename std::list<Entry>::iterator> m_index;
};

} // namespace mplug2::app
