// LruCache: eviction by cost in least-recently-used order.
#include "app/engine/lrucache.h"

#include <QString>
#include <QTest>

using mplug2::app::LruCache;

class LruCacheTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evictsTheLeastRecentlyUsedFirst()
    {
        LruCache<QString, int> cache(100);
        QVERIFY(cache.insert(QStringLiteral("a"), 1, 40));
        QVERIFY(cache.insert(QStringLiteral("b"), 2, 40));
        QCOMPARE(*cache.find(QStringLiteral("a")), 1); // a is now the most recent
        QVERIFY(cache.insert(QStringLiteral("c"), 3, 40)); // evicts b
        QVERIFY(cache.contains(QStringLiteral("a")));
        QVERIFY(!cache.contains(QStringLiteral("b")));
        QVERIFY(cache.contains(QStringLiteral("c")));
        QCOMPARE(cache.cost(), 80);
        QCOMPARE(cache.size(), 2);
    }

    void replacingAKeyUpdatesItsCost()
    {
        LruCache<QString, int> cache(100);
        cache.insert(QStringLiteral("a"), 1, 90);
        cache.insert(QStringLiteral("a"), 2, 10);
        QCOMPARE(cache.cost(), 10);
        QCOMPARE(*cache.find(QStringLiteral("a")), 2);
    }

    void tooLargeOrZeroCapacityStoresNothing()
    {
        LruCache<QString, int> cache(100);
        cache.insert(QStringLiteral("small"), 1, 10);
        QVERIFY(!cache.insert(QStringLiteral("huge"), 2, 101));
        QVERIFY(cache.contains(QStringLiteral("small"))); // not flushed for nothing
        cache.setCapacity(0);
        QCOMPARE(cache.size(), 0);
        QVERIFY(!cache.insert(QStringLiteral("x"), 3, 1));
        QVERIFY(!cache.find(QStringLiteral("x")));
    }

    void shrinkingEvictsDownToTheNewCapacity()
    {
        LruCache<int, int> cache(1000);
        for (int i = 0; i < 10; ++i)
            cache.insert(i, i, 100);
        cache.setCapacity(350);
        QCOMPARE(cache.size(), 3);
        QVERIFY(cache.contains(9) && cache.contains(8) && cache.contains(7));
        QVERIFY(cache.remove(8));
        QVERIFY(!cache.remove(8));
        QCOMPARE(cache.cost(), 200);
    }
};

QTEST_GUILESS_MAIN(LruCacheTest)
#include "lrucachetest.moc"
