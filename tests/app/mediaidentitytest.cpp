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

private slots:
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

        QVERIFY(QFile::remove(file));
        write(m_dir.filePath(QStringLiteral("tmp")), "first");
        QVERIFY(QFile::rename(m_dir.filePath(QStringLiteral("tmp")), file));
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
