// MediaIdentity: the same file through another path is the same medium; an
// edited or replaced file is not.
#include "app/engine/mediaidentity.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using mplug2::app::MediaIdentity;

class MediaIdentityTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private Q_SLOTS:
    void samePathsAgreeChangesDisagree()
    {
        const QString file = m_dir.filePath(QStringLiteral("clip.mp4"));
        write(file, "first");
        const MediaIdentity a = MediaIdentity::of(file);
        QVERIFY(a.isValid());
        QCOMPARE(a.size, 5);
        QCOMPARE(MediaIdentity::of(m_dir.path() + QStringLiteral("/./clip.mp4")), a);
        QVERIFY(QFile::link(file, m_dir.filePath(QStringLiteral("link.mp4"))));
        QCOMPARE(MediaIdentity::of(m_dir.filePath(QStringLiteral("link.mp4"))).key(), a.key());

        write(file, "other"); // same size, new content: the time (or inode) moves
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(10), QFileDevice::FileModificationTime));
        f.close();
        QVERIFY(MediaIdentity::of(file).key() != a.key());

        // Replaced by another file of the same size, as `cp -p` or a download
        // would leave it: its own (older) time. (Within one clock tick of the
        // file system, a reused inode and an unchanged time cannot be told apart
        // without reading the content; the test does not pretend otherwise.)
        QVERIFY(QFile::remove(file));
        const QString replacement = m_dir.filePath(QStringLiteral("tmp"));
        write(replacement, "first");
        QFile r(replacement);
        QVERIFY(r.open(QIODevice::ReadWrite));
        QVERIFY(
            r.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
        r.close();
        QVERIFY(QFile::rename(replacement, file));
        QVERIFY(MediaIdentity::of(file).key() != a.key());
    }

    void missingFilesAndFoldersAreInvalid()
    {
        QVERIFY(!MediaIdentity::of(m_dir.filePath(QStringLiteral("absent"))).isValid());
        QVERIFY(!MediaIdentity::of(m_dir.path()).isValid());
    }
};

QTEST_GUILESS_MAIN(MediaIdentityTest)
#include "mediaidentitytest.moc"
