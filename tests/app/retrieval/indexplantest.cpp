// FolderScanner and planIndexing: which files a run embeds, skips, re-stamps
// and drops.
#include "app/retrieval/indexplan.h"

#include "app/retrieval/folderscanner.h"
#include "app/retrieval/samplehash.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class IndexPlanTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return QDir::cleanPath(path);
    }

    static CatalogEntry known(const FileStamp &stamp, bool embedded = true)
    {
        CatalogEntry e;
        e.id = qHash(stamp.path) & 0xffffff;
        e.path = stamp.path;
        e.size = stamp.size;
        e.mtimeMs = stamp.mtimeMs;
        e.sampleHash = *sampleHash(stamp.path);
        e.embedded = embedded;
        return e;
    }

private Q_SLOTS:
    void scanFindsMediaByExtensionAndSkipsHiddenAndLinks()
    {
        const QString root = m_dir.filePath(QStringLiteral("scan"));
        write(QStringLiteral("scan/a.PNG"), "a");
        write(QStringLiteral("scan/sub/b.mp4"), "b");
        write(QStringLiteral("scan/sub/c.gif"), "c");
        write(QStringLiteral("scan/notes.txt"), "n");
        write(QStringLiteral("scan/.hidden.png"), "h");
        write(QStringLiteral("scan/.cache/d.png"), "d");
        QVERIFY(QFile::link(
            m_dir.filePath(QStringLiteral("scan/sub")), m_dir.filePath(QStringLiteral("scan/loop"))));
        FolderScanner scanner;
        auto files = scanner.scan({root, root + QStringLiteral("/sub")});
        QVERIFY(files);
        QStringList names;
        for (const FileStamp &f : *files)
            names << QDir(root).relativeFilePath(f.path);
        QCOMPARE(names,
            (QStringList {
                QStringLiteral("a.PNG"), QStringLiteral("sub/b.mp4"), QStringLiteral("sub/c.gif")}));
        QCOMPARE(files->at(0).kind, MediaKind::Image);
        QCOMPARE(files->at(1).kind, MediaKind::Video);
        QCOMPARE(files->at(0).size, 1);
    }

    void missingRootsAreErrorsNotEmptyFolders()
    {
        FolderScanner scanner;
        auto missing = scanner.scan({m_dir.filePath(QStringLiteral("unplugged"))});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        auto notMedia = scanner.scan({write(QStringLiteral("x.txt"), "x")});
        QVERIFY(!notMedia);
        auto single = scanner.scan({write(QStringLiteral("one.jpg"), "j")});
        QVERIFY(single);
        QCOMPARE(single->size(), 1);
        bool stop = true;
        auto cancelled = scanner.scan({m_dir.path()}, [&] { return stop; });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void planSortsEveryCase()
    {
        const QString dir = QStringLiteral("plan/");
        const FileStamp fresh = *stampOf(write(dir + QStringLiteral("new.png"), "new"));
        const FileStamp same = *stampOf(write(dir + QStringLiteral("same.png"), "same"));
        const FileStamp touched = *stampOf(write(dir + QStringLiteral("touched.png"), "touched"));
        const FileStamp edited = *stampOf(write(dir + QStringLiteral("edited.png"), "edited"));
        const FileStamp grown = *stampOf(write(dir + QStringLiteral("grown.png"), "grown"));
        const FileStamp failed = *stampOf(write(dir + QStringLiteral("failed.png"), "failed"));
        const FileStamp otherModel = *stampOf(write(dir + QStringLiteral("other.png"), "other"));

        CatalogEntry touchedEntry = known(touched);
        touchedEntry.mtimeMs -= 5000; // same bytes, older time
        CatalogEntry editedEntry = known(edited);
        editedEntry.mtimeMs -= 5000;
        editedEntry.sampleHash = "something else"; // same size, other bytes
        CatalogEntry grownEntry = known(grown);
        grownEntry.size += 10;
        CatalogEntry failedEntry = known(failed, false);
        failedEntry.error = QStringLiteral("not decodable");
        CatalogEntry goneEntry;
        goneEntry.id = 4242;
        goneEntry.path = m_dir.filePath(dir + QStringLiteral("gone.png"));

        const IndexPlan plan = planIndexing({edited, failed, fresh, grown, otherModel, same, touched},
            {known(same), touchedEntry, editedEntry, grownEntry, failedEntry, known(otherModel, false),
                goneEntry});
        QStringList embed;
        for (const FileStamp &f : plan.toEmbed)
            embed << QFileInfo(f.path).fileName();
        QCOMPARE(embed,
            (QStringList {QStringLiteral("edited.png"), QStringLiteral("new.png"),
                QStringLiteral("grown.png"), QStringLiteral("other.png")}));
        QCOMPARE(plan.changed, 2);
        QCOMPARE(plan.unchanged, 1);
        QCOMPARE(plan.failedBefore, 1);
        QCOMPARE(plan.toRestamp.size(), 1);
        QCOMPARE(plan.toRestamp.first().id, touchedEntry.id);
        QCOMPARE(plan.toRestamp.first().mtimeMs, touched.mtimeMs);
        QCOMPARE(plan.toDrop, (QList<qint64> {4242}));
    }

    void sampleHashSeesEditsAnywhereItLooks()
    {
        QByteArray big(1 << 20, 'a');
        const QString path = write(QStringLiteral("big.bin"), big);
        const QByteArray before = *sampleHash(path);
        big[big.size() / 2] = 'b';
        write(QStringLiteral("big.bin"), big);
        QVERIFY(*sampleHash(path) != before);
        big[big.size() / 2] = 'a';
        write(QStringLiteral("big.bin"), big);
        QCOMPARE(*sampleHash(path), before);
        QCOMPARE(before.size(), 16);
        QCOMPARE(sampleHash(m_dir.filePath(QStringLiteral("nope"))).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(IndexPlanTest)
#include "indexplantest.moc"
