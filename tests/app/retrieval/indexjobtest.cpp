// IndexJob over the engine: a folder of generated shapes is indexed, then
// re-runs skip what is unchanged, keep touched files, re-embed edited ones
// and drop deleted ones; pause, resume and cancel behave; ITC embeddings are
// stored when the model has the heads.
#include "app/retrieval/catalog.h"
#include "tests/app/enginerecorder.h"
#include "tests/app/retrieval/retrievaltestsupport.h"
#include "tests/app/retrieval/shapegallery.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace mplug2;
using namespace mplug2::app;
using namespace mplug2::test;

class IndexJobTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    QString newDb() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(m_counter++)); }

    /// Four shapes (two pictures, two clips) and one file that is not media.
    QString makeGallery(const QString &name)
    {
        const QString dir = m_dir.filePath(name);
        QDir().mkpath(dir);
        const QList<ShapeSpec> specs {{QStringLiteral("red"), QStringLiteral("circle"), false},
            {QStringLiteral("blue"), QStringLiteral("square"), true},
            {QStringLiteral("green"), QStringLiteral("triangle"), false},
            {QStringLiteral("yellow"), QStringLiteral("circle"), true}};
        for (const ShapeSpec &s : specs)
            if (makeShapeMedia(dir, s).isEmpty())
                qFatal("ffmpeg could not make the test media");
        QFile broken(dir + QStringLiteral("/broken_clip.mp4"));
        if (!broken.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        broken.write("this is not a video");
        return dir;
    }

    /// `count` small files folder/stem_0.png ... (not pictures: the word
    /// engine embeds file names). Returns the folder, or "" when one cannot be written.
    QString makeNamedFiles(const QString &folder, const QString &stem, int count)
    {
        const QString dir = m_dir.filePath(folder);
        QDir().mkpath(dir);
        for (int i = 0; i < count; ++i) {
            QFile f(dir + QStringLiteral("/%1_%2.png").arg(stem).arg(i));
            if (!f.open(QIODevice::WriteOnly))
                return {};
            f.write(QByteArray::number(i));
        }
        return dir;
    }

    static qint64 visualRuns(const Engine &engine) { return engine.stats().visualEncoderRuns; }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("the ffmpeg command is not installed (packaging/install-deps.sh installs it)");
    }

    void indexesThenSkipsTouchesReembedsAndDrops()
    {
        const QString gallery = makeGallery(QStringLiteral("gallery"));
        const QString db = newDb();
        auto engine = loadedWordEngine(m_dir.path());

        IndexSummary first = runIndexJob(*engine, db, {gallery});
        QCOMPARE(first.status, IndexJobStatus::Finished);
        QCOMPARE(first.indexed, 4);
        QCOMPARE(first.failed, 1);
        QCOMPARE(visualRuns(*engine), 4);
        auto catalog = std::move(*Catalog::open(db));
        QCOMPARE(*catalog->entryCount(), 5);
        const CatalogEntry red = **catalog->entry(gallery + QStringLiteral("/red_circle.png"));
        QCOMPARE(red.kind, MediaKind::Image);
        QCOMPARE(red.width, 64);
        QCOMPARE(red.sampleHash.size(), 16);
        QCOMPARE(catalog->thumbnails(red.id)->size(), 1);
        QVERIFY(!QImage::fromData(catalog->thumbnails(red.id)->first()).isNull());
        const CatalogEntry blue = **catalog->entry(gallery + QStringLiteral("/blue_square.mp4"));
        QCOMPARE(blue.kind, MediaKind::Video);
        QVERIFY(catalog->thumbnails(blue.id)->size() >= 2); // poster + hover preview
        const CatalogEntry broken = **catalog->entry(gallery + QStringLiteral("/broken_clip.mp4"));
        QVERIFY2(broken.error.contains(QStringLiteral("not a media file")), qPrintable(broken.error));

        IndexSummary again = runIndexJob(*engine, db, {gallery});
        QCOMPARE(again.indexed, 0);
        QCOMPARE(again.unchanged, 4);
        QCOMPARE(again.failedBefore, 1);
        QCOMPARE(visualRuns(*engine), 4);

        // Touch: new time, same bytes -> re-stamped, not re-embedded.
        QFile redFile(red.path);
        QVERIFY(redFile.open(QIODevice::ReadWrite));
        QVERIFY(redFile.setFileTime(
            QDateTime::currentDateTime().addSecs(3600), QFileDevice::FileModificationTime));
        redFile.close();
        IndexSummary touched = runIndexJob(*engine, db, {gallery});
        QCOMPARE(touched.restamped, 1);
        QCOMPARE(touched.indexed, 0);
        QCOMPARE(visualRuns(*engine), 4);
        QVERIFY((*catalog->entry(red.path))->mtimeMs > red.mtimeMs);

        // Edit: other bytes -> re-embedded with a new embedding id.
        const EmbeddingSpace space = **catalog->space((*catalog->lastJob())->modelKey, EmbeddingKind::Clip);
        const QList<EmbeddingRef> before = *catalog->embeddingRefs(space.id);
        QFile blueFile(blue.path);
        QVERIFY(blueFile.open(QIODevice::Append));
        blueFile.write(QByteArray(100, '\0'));
        blueFile.close();
        IndexSummary edited = runIndexJob(*engine, db, {gallery});
        QCOMPARE(edited.indexed, 1);
        QCOMPARE(edited.changed, 1);
        QCOMPARE(visualRuns(*engine), 5);
        const QList<EmbeddingRef> after = *catalog->embeddingRefs(space.id);
        QCOMPARE(after.size(), before.size());
        QVERIFY(after.last().embeddingId > before.last().embeddingId);
        QCOMPARE(after.last().entryId, blue.id);

        // Delete: dropped with its embeddings and thumbnails.
        QVERIFY(QFile::remove(gallery + QStringLiteral("/green_triangle.png")));
        IndexSummary deleted = runIndexJob(*engine, db, {gallery});
        QCOMPARE(deleted.dropped, 1);
        QVERIFY(!*catalog->entry(gallery + QStringLiteral("/green_triangle.png")));
        QCOMPARE((*catalog->space(space.modelKey, EmbeddingKind::Clip))->count, 3);
        QCOMPARE((*catalog->lastJob())->status, IndexJobStatus::Finished);
    }

    void anotherModelEmbedsTheSameFilesAgain()
    {
        const QString gallery = makeGallery(QStringLiteral("two-models"));
        const QString db = newDb();
        auto engine = loadedWordEngine(m_dir.path());
        QCOMPARE(runIndexJob(*engine, db, {gallery}).indexed, 4);
        const QString otherDir = m_dir.filePath(QStringLiteral("other-model"));
        QDir().mkpath(otherDir);
        ModelBundle other = wordBundle(otherDir, "word-model-v2");
        QSignalSpy loaded(engine.get(), &Engine::modelLoaded);
        engine->loadModel(other, DeviceChoice::cpu());
        QVERIFY(loaded.wait());
        const IndexSummary second = runIndexJob(*engine, db, {gallery});
        QCOMPARE(second.indexed, 4);
        QCOMPARE(second.unchanged, 0);
        auto catalog = std::move(*Catalog::open(db));
        QCOMPARE(catalog->spaces()->size(), 2);
        QCOMPARE(*catalog->entryCount(), 5);
    }

    void pauseStopsFeedingTheEngineAndResumeFinishes()
    {
        const QString dir = makeNamedFiles(QStringLiteral("many"), QStringLiteral("red_circle"), 12);
        QVERIFY(!dir.isEmpty());
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->delayMs = 40;
        auto engine = loadedWordEngine(m_dir.path(), config);
        IndexJobOptions options;
        options.roots = {dir};
        IndexJob job(engine.get(), newDb(), options);
        QSignalSpy finished(&job, &IndexJob::finished);
        QSignalSpy progressed(&job, &IndexJob::progressed);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.progress().done >= 2, 10000);
        job.pause();
        QCOMPARE(job.state(), IndexJob::State::Paused);
        QTest::qWait(300); // what was already sent arrives...
        const qint64 settled = job.progress().done;
        QTest::qWait(300); // ...and nothing more
        QCOMPARE(job.progress().done, settled);
        QVERIFY(settled < 12);
        QVERIFY(finished.isEmpty());
        job.resume();
        QVERIFY(finished.wait(20000));
        QCOMPARE(job.summary().indexed, 12);
        QCOMPARE(job.state(), IndexJob::State::Finished);
        const IndexProgress last = progressed.last().at(0).value<IndexProgress>();
        QCOMPARE(last.done, 12);
        QCOMPARE(last.total, 12);
        // One vector per picture (no moments), and the rates follow from the counts.
        QCOMPARE(last.embeddings, 12);
        QCOMPARE(job.summary().embeddings, 12);
        QVERIFY(last.embeddingsPerSecond > 0);
        QVERIFY(qAbs(last.embeddingsPerSecond - last.filesPerSecond) < 1e-9);
    }

    void cancelKeepsWhatWasStoredAndTheNextRunDoesTheRest()
    {
        const QString dir = makeNamedFiles(QStringLiteral("cancel"), QStringLiteral("blue_square"), 10);
        QVERIFY(!dir.isEmpty());
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->delayMs = 40;
        auto engine = loadedWordEngine(m_dir.path(), config);
        const QString db = newDb();
        IndexJobOptions options;
        options.roots = {dir};
        qint64 stored = 0;
        {
            IndexJob job(engine.get(), db, options);
            QSignalSpy finished(&job, &IndexJob::finished);
            job.start();
            QTRY_VERIFY_WITH_TIMEOUT(job.progress().done >= 3, 10000);
            job.cancel();
            QCOMPARE(finished.size(), 1);
            QCOMPARE(job.summary().status, IndexJobStatus::Cancelled);
            stored = job.progress().done;
        }
        auto catalog = std::move(*Catalog::open(db));
        QCOMPARE(*catalog->entryCount(), stored);
        QCOMPARE((*catalog->lastJob())->status, IndexJobStatus::Cancelled);
        const qint64 runsBefore = visualRuns(*engine);
        const IndexSummary rest = runIndexJob(*engine, db, {dir});
        QCOMPARE(rest.indexed, 10 - stored);
        QCOMPARE(rest.unchanged, stored);
        QCOMPARE(visualRuns(*engine) - runsBefore, 10 - stored);
    }

    void aRequestCancelledFromOutsideEndsTheJob_data()
    {
        QTest::addColumn<bool>("whileRunning");
        QTest::newRow("queued") << false;
        QTest::newRow("running") << true;
    }
    void aRequestCancelledFromOutsideEndsTheJob()
    {
        // Esc in the status bar cancels one of the job's engine requests: the job ends as cancelled,
        // with what it stored so far kept.
        QFETCH(bool, whileRunning);
        const QString dir
            = makeNamedFiles(QString::fromLatin1(whileRunning ? "outside-running" : "outside-queued"),
                QStringLiteral("red_circle"), 6);
        QVERIFY(!dir.isEmpty());
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->delayMs = 5000;
        auto engine = loadedWordEngine(m_dir.path(), config);
        testing::EngineRecorder rec(engine.get());
        IndexJobOptions options;
        options.roots = {dir};
        options.pipelineDepth = 2;
        IndexJob job(engine.get(), newDb(), options);
        QSignalSpy finished(&job, &IndexJob::finished);
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(rec.handles.size(), 2, 10000);
        QTRY_COMPARE(rec.handles.first().state(), RequestState::Running);
        const RequestHandle target = rec.handles.at(whileRunning ? 0 : 1);
        QCOMPARE(target.state(), whileRunning ? RequestState::Running : RequestState::Queued);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(target.cancel());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(job.state(), IndexJob::State::Cancelled);
        QCOMPARE(job.summary().status, IndexJobStatus::Cancelled);
        // Its other request does not go on running for nothing.
        QTRY_VERIFY_WITH_TIMEOUT(!engine->isBusy(), 2000);
    }

    void loadingAnotherModelMidwayStopsTheJob()
    {
        const QString dir = makeNamedFiles(QStringLiteral("switch"), QStringLiteral("green_circle"), 10);
        QVERIFY(!dir.isEmpty());
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->delayMs = 40;
        auto engine = loadedWordEngine(m_dir.path(), config);
        const QString db = newDb();
        IndexJobOptions options;
        options.roots = {dir};
        IndexJob job(engine.get(), db, options);
        QSignalSpy finished(&job, &IndexJob::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.progress().done >= 2, 10000);
        const QString otherDir = m_dir.filePath(QStringLiteral("switched-model"));
        QDir().mkpath(otherDir);
        engine->loadModel(wordBundle(otherDir, "another model"), DeviceChoice::cpu());
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.summary().status, IndexJobStatus::Failed);
        QVERIFY2(job.summary().error.contains(QStringLiteral("model was changed")),
            qPrintable(job.summary().error));
        // Everything stored belongs to the first model.
        auto catalog = std::move(*Catalog::open(db));
        QCOMPARE(catalog->spaces()->size(), 1);
        QCOMPARE(catalog->spaces()->first().count, *catalog->entryCount());
    }

    void storesItcEmbeddingsWhenTheModelHasTheHeads()
    {
        const QString gallery = makeGallery(QStringLiteral("itc"));
        auto config = std::make_shared<WordEmbeddingConfig>();
        config->itcHeads = true;
        auto engine = loadedWordEngine(m_dir.path(), config);
        const QString db = newDb();
        IndexJobOptions options;
        options.vectorIndex.annThreshold = 2; // also exercise the graph refresh at the end
        QCOMPARE(runIndexJob(*engine, db, {gallery}, options).indexed, 4);
        auto catalog = std::move(*Catalog::open(db));
        const QString key = (*catalog->lastJob())->modelKey;
        const auto clip = **catalog->space(key, EmbeddingKind::Clip);
        const auto itc = **catalog->space(key, EmbeddingKind::Itc);
        QCOMPARE(clip.count, 4);
        QCOMPARE(itc.count, 4);
        QVERIFY(QFile::exists(VectorIndex::annPath(db, clip)));
        const qint64 red = (*catalog->entry(gallery + QStringLiteral("/red_circle.png")))->id;
        QVERIFY(*catalog->embedding(red, clip.id) != *catalog->embedding(red, itc.id));
    }

    void aMissingOrEmptyRootNeverDropsItsEntries()
    {
        const QString archive = makeNamedFiles(QStringLiteral("archive"), QStringLiteral("clip"), 3);
        const QString db = newDb();
        auto engine = loadedWordEngine(m_dir.path());
        QCOMPARE(runIndexJob(*engine, db, {archive}).indexed, 3);
        const QString away = m_dir.filePath(QStringLiteral("archive-unmounted"));
        QVERIFY(QDir().rename(archive, away));
        const IndexSummary missing = runIndexJob(*engine, db, {archive});
        QCOMPARE(missing.status, IndexJobStatus::Failed);
        QVERIFY2(missing.error.contains(QStringLiteral("missing"))
                && missing.error.contains(QStringLiteral("3 file"))
                && missing.error.contains(QStringLiteral("Nothing was dropped")),
            qPrintable(missing.error));
        QVERIFY(QDir().mkpath(archive)); // an empty mount point
        const IndexSummary empty = runIndexJob(*engine, db, {archive});
        QCOMPARE(empty.status, IndexJobStatus::Failed);
        QVERIFY2(empty.error.contains(QStringLiteral("empty")), qPrintable(empty.error));
        QCOMPARE(*(*Catalog::open(db))->entryCount(), 3);
        QVERIFY(QDir().rmdir(archive));
        QVERIFY(QDir().rename(away, archive));
        const IndexSummary back = runIndexJob(*engine, db, {archive});
        QCOMPARE(back.status, IndexJobStatus::Finished);
        QCOMPARE(back.unchanged, 3);
        QCOMPARE(back.dropped, 0);
    }

    void aNameThatIsNotUtf8IsSkippedAndNamed()
    {
        const QString dir = makeNamedFiles(QStringLiteral("mixed-names"), QStringLiteral("fine"), 2);
        // "bad\xff\xfe.png": bytes no UTF-8 decoder accepts, written below Qt.
        const QByteArray raw = QFile::encodeName(dir) + QByteArray("/bad\xff\xfe.png");
        const int fd = ::open(raw.constData(), O_CREAT | O_WRONLY, 0644);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, "x", 1), 1);
        ::close(fd);
        auto engine = loadedWordEngine(m_dir.path());
        const QString db = newDb();
        const IndexSummary s = runIndexJob(*engine, db, {dir});
        QCOMPARE(s.status, IndexJobStatus::Finished);
        QCOMPARE(s.indexed, 2);
        QCOMPARE(s.skipped.size(), 1);
        QVERIFY2(s.skipped.first().contains(QStringLiteral("not valid UTF-8"))
                && s.skipped.first().contains(QStringLiteral("/bad")),
            qPrintable(s.skipped.first()));
        auto catalog = std::move(*Catalog::open(db));
        QCOMPARE(*catalog->entryCount(), 2);
        const Expected<QList<CatalogEntry>> stored = catalog->entriesUnder(dir, QString());
        QVERIFY(stored);
        for (const CatalogEntry &e : *stored)
            QVERIFY(!e.path.contains(QChar::ReplacementCharacter));
    }

    void failsClearlyWithoutAModelOrFolders()
    {
        auto engine = makeWordEngine(std::make_shared<WordEmbeddingConfig>());
        IndexSummary noModel = runIndexJob(*engine, newDb(), {m_dir.path()});
        QCOMPARE(noModel.status, IndexJobStatus::Failed);
        QVERIFY(noModel.error.contains(QStringLiteral("no model")));
        auto loaded = loadedWordEngine(m_dir.path());
        IndexSummary missing
            = runIndexJob(*loaded, newDb(), {m_dir.filePath(QStringLiteral("unplugged-disk"))});
        QCOMPARE(missing.status, IndexJobStatus::Failed);
        QVERIFY2(missing.error.contains(QStringLiteral("mounted")), qPrintable(missing.error));
    }
};

QTEST_GUILESS_MAIN(IndexJobTest)
#include "indexjobtest.moc"
