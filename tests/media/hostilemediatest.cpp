// Broken and hostile inputs: every one gives an error value that names the
// file and the problem, or a partial result with a warning; none crashes or
// hangs beyond the deadline.
#include "media/core/bytesource.h"
#include "media/sampling/clipsampler.h"
#include "media/video/videoreader.h"
#include "tests/support/mediafactory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>
#include <sys/stat.h>
#include <thread>

using namespace mplug2;
using namespace mplug2::media;
using mplug2::test::MediaFactory;

namespace {

bool mentions(const Error &e, const char *text)
{
    return e.message.find(text) != std::string::npos;
}

// Serves a file's bytes, sleeping before every read: a stalled network drive.
class StallingSource : public ByteSource {
public:
    StallingSource(std::unique_ptr<ByteSource> inner, std::chrono::milliseconds pause)
        : m_inner(std::move(inner))
        , m_pause(pause)
    { }
    const std::string &name() const override { return m_inner->name(); }
    int64_t size() const override { return m_inner->size(); }
    int64_t position() const override { return m_inner->position(); }
    bool seek(int64_t position) override { return m_inner->seek(position); }
    int64_t read(uint8_t *buffer, int64_t count) override
    {
        std::this_thread::sleep_for(m_pause);
        return m_inner->read(buffer, std::min<int64_t>(count, 256));
    }

private:
    std::unique_ptr<ByteSource> m_inner;
    std::chrono::milliseconds m_pause;
};

// A short MPEG-TS clip repeated for ever (a looping stream): a terabyte of
// plausible video that never ends.
class EndlessSource : public ByteSource {
public:
    explicit EndlessSource(QByteArray loop)
        : m_loop(std::move(loop))
    { }
    const std::string &name() const override { return m_name; }
    int64_t size() const override { return int64_t(1) << 40; }
    int64_t position() const override { return m_position; }
    bool seek(int64_t position) override
    {
        if (position < 0 || position > size())
            return false;
        m_position = position;
        return true;
    }
    int64_t read(uint8_t *buffer, int64_t count) override
    {
        for (int64_t i = 0; i < count; ++i)
            buffer[i] = static_cast<uint8_t>(m_loop[qsizetype((m_position + i) % m_loop.size())]);
        m_position += count;
        return count;
    }

private:
    QByteArray m_loop;
    std::string m_name = "endless.ts";
    int64_t m_position = 0;
};

} // namespace

class HostileMediaTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clip; // 64x48, 12 frames, faststart MP4

    QString writeBytes(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return f.fileName();
    }

    static QByteArray readBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (MediaFactory::ffmpeg().isEmpty())
            QSKIP("the ffmpeg command-line tool is not installed");
        MediaFactory media(m_dir.path());
        m_clip = media.make(QStringLiteral("clip.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10", "-t", "1.2", "-c:v", "libx264", "-g", "4",
                "-movflags", "+faststart"});
        QVERIFY2(!m_clip.isEmpty(), qPrintable(media.lastError()));
    }

    void hugeDimensionsAreRefusedBeforeDecoding()
    {
        MediaFactory media(m_dir.path());
        const QString path = media.make(QStringLiteral("wide.avi"),
            {"-f", "lavfi", "-i", "color=size=9000x16", "-frames:v", "2", "-c:v", "mjpeg"});
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(mentions(reader.error(), "9000x16") && mentions(reader.error(), "8192 px per side"),
            reader.error().message.c_str());

        MediaLimits small;
        small.maxSide = 32;
        auto limited = VideoReader::open(m_clip.toStdString(), small);
        QVERIFY(!limited);
        QCOMPARE(limited.error().code, ErrorCode::LimitExceeded);
    }

    void frameCountAndDurationLimits()
    {
        MediaLimits fewFrames;
        fewFrames.maxFrames = 5;
        auto a = VideoReader::open(m_clip.toStdString(), fewFrames);
        QVERIFY(!a);
        QCOMPARE(a.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(mentions(a.error(), "12 frames"), a.error().message.c_str());

        MediaLimits shortOnly;
        shortOnly.maxDurationSeconds = 0.5;
        auto b = VideoReader::open(m_clip.toStdString(), shortOnly);
        QVERIFY(!b);
        QCOMPARE(b.error().code, ErrorCode::LimitExceeded);
    }

    void audioOnlyFiles()
    {
        MediaFactory media(m_dir.path());
        for (const QString &name :
            {QStringLiteral("tone.m4a"), QStringLiteral("tone.mp3"), QStringLiteral("tone.mp4")}) {
            const QString path = media.make(name, {"-f", "lavfi", "-i", "sine=frequency=440", "-t", "0.5"});
            QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
            auto reader = VideoReader::open(path.toStdString());
            QVERIFY(!reader);
            QCOMPARE(reader.error().code, ErrorCode::Unsupported);
            QVERIFY2(mentions(reader.error(), "audio only"), reader.error().message.c_str());
            QVERIFY2(mentions(reader.error(), name.toUtf8().constData()), reader.error().message.c_str());
        }
    }

    void zeroFrameFiles()
    {
        MediaFactory media(m_dir.path());
        for (const QString &name : {QStringLiteral("empty.mp4"), QStringLiteral("empty.mkv")}) {
            const QString path = media.make(
                name, {"-f", "lavfi", "-i", "testsrc2=size=64x48", "-frames:v", "0", "-c:v", "libx264"});
            QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
            auto reader = VideoReader::open(path.toStdString());
            QVERIFY(!reader);
            QVERIFY2(reader.error().code == ErrorCode::Format, reader.error().message.c_str());
        }
    }

    void nonMediaBytesWithAMediaExtension()
    {
        const QString text = writeBytes(QStringLiteral("notes.mp4"), "These are my notes, not a video.\n");
        QByteArray noise(20000, '\0');
        for (qsizetype i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919 + 13) % 251);
        const QString random = writeBytes(QStringLiteral("noise.mkv"), noise);
        const QString empty = writeBytes(QStringLiteral("nothing.webm"), QByteArray());
        for (const QString &path : {text, random, empty}) {
            auto reader = VideoReader::open(path.toStdString());
            QVERIFY(!reader);
            QCOMPARE(reader.error().code, ErrorCode::Format);
            QVERIFY2(mentions(reader.error(), path.toUtf8().constData()), reader.error().message.c_str());
        }
    }

    void truncatedFilesDecodeWhatIsThere()
    {
        const QByteArray whole = readBytes(m_clip);
        const QString cut = writeBytes(QStringLiteral("cut.mp4"), whole.left(whole.size() * 6 / 10));
        auto reader = VideoReader::open(cut.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE(reader->info().frameCount, int64_t(12)); // the index still lists every frame

        auto last = reader->readFrames({2, 11});
        QVERIFY2(last, last ? "" : last.error().message.c_str());
        QCOMPARE(last->frames.size(), size_t(1));
        QCOMPARE(last->missing, std::vector<int64_t> {11});
        QVERIFY2(last->decodableFrames > 2 && last->decodableFrames < 12, last->warning.c_str());
        QVERIFY2(mentions(Error {ErrorCode::Format, last->warning}, "truncated or damaged after frame"),
            last->warning.c_str());

        auto clip = sampleClip(*reader, 4);
        QVERIFY2(clip, clip ? "" : clip.error().message.c_str());
        QCOMPARE(clip->frames.size(), size_t(4));
        QVERIFY2(mentions(Error {ErrorCode::Format, clip->warning}, "frames that decode instead"),
            clip->warning.c_str());
        for (const VideoFrame &f : clip->frames)
            QVERIFY(f.index < last->decodableFrames);

        auto none = reader->readFrames({11});
        QVERIFY(!none);
        QVERIFY2(mentions(none.error(), "could not be decoded"), none.error().message.c_str());

        // Cut before the index (an MP4 still being written): nothing to read.
        MediaFactory media(m_dir.path());
        const QString tail = media.make(QStringLiteral("moovlast.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10", "-t", "1.2", "-c:v", "libx264"});
        const QByteArray tailBytes = readBytes(tail);
        const QString cutTail
            = writeBytes(QStringLiteral("cuttail.mp4"), tailBytes.left(tailBytes.size() / 2));
        auto broken = VideoReader::open(cutTail.toStdString());
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, ErrorCode::Format);

        // A Matroska file cut in the middle: the frames before the cut are there.
        const QString mkv = media.make(QStringLiteral("whole.mkv"), {"-i", m_clip, "-c", "copy"});
        const QByteArray mkvBytes = readBytes(mkv);
        const QString cutMkv = writeBytes(QStringLiteral("cut.mkv"), mkvBytes.left(mkvBytes.size() / 2));
        auto partial = VideoReader::open(cutMkv.toStdString());
        QVERIFY2(partial, partial ? "" : partial.error().message.c_str());
        QVERIFY(partial->info().frameCount > 0 && partial->info().frameCount < 12);
        auto half = sampleClip(*partial, 4);
        QVERIFY2(half, half ? "" : half.error().message.c_str());
    }

    void frameSizeChangingMidStream()
    {
        MediaFactory media(m_dir.path());
        const QString big = media.make(QStringLiteral("big.ts"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10", "-t", "1", "-c:v", "libx264"});
        const QString small = media.make(QStringLiteral("small.ts"),
            {"-f", "lavfi", "-i", "testsrc2=size=32x24:rate=10", "-t", "1", "-c:v", "libx264",
                "-output_ts_offset", "1"});
        QVERIFY2(!big.isEmpty() && !small.isEmpty(), qPrintable(media.lastError()));
        const QString both = writeBytes(QStringLiteral("both.ts"), readBytes(big) + readBytes(small));
        auto reader = VideoReader::open(both.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        QCOMPARE(reader->info().width, 64);
        const int64_t count = reader->info().frameCount;
        QVERIFY(count >= 15);
        auto batch = reader->readFrames({0, count - 2});
        QVERIFY2(batch, batch ? "" : batch.error().message.c_str());
        QCOMPARE(batch->frames.size(), size_t(2));
        for (const VideoFrame &f : batch->frames) {
            QCOMPARE(f.image.width, 64);
            QCOMPARE(f.image.height, 48);
        }
        QVERIFY2(mentions(Error {ErrorCode::Format, batch->warning}, "frame size changes"),
            batch->warning.c_str());
    }

    void damagedBytesInTheMiddle()
    {
        QByteArray bytes = readBytes(m_clip);
        for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 400 && i < bytes.size(); ++i)
            bytes[i] = char(0x55 ^ bytes[i]);
        const QString path = writeBytes(QStringLiteral("damaged.mp4"), bytes);
        auto reader = VideoReader::open(path.toStdString());
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        std::vector<int64_t> all(12);
        std::iota(all.begin(), all.end(), 0);
        auto batch = reader->readFrames(all);
        QVERIFY2(batch, batch ? "" : batch.error().message.c_str()); // concealed, not fatal
        QVERIFY(!batch->frames.empty());
    }

    void pipesDevicesAndFoldersAreNotRead()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("stream.mp4"));
        QCOMPARE(::mkfifo(fifo.toUtf8().constData(), 0600), 0);
        for (const QString &path : {fifo, QStringLiteral("/dev/zero"), m_dir.path()}) {
            QElapsedTimer timer;
            timer.start();
            auto reader = VideoReader::open(path.toStdString());
            QVERIFY(!reader);
            QCOMPARE(reader.error().code, ErrorCode::Unsupported);
            QVERIFY2(mentions(reader.error(), "not a regular file"), reader.error().message.c_str());
            QVERIFY(timer.elapsed() < 5000);
        }
        auto missing = VideoReader::open(m_dir.filePath(QStringLiteral("absent.mp4")).toStdString());
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void stalledSourceHitsTheDeadline()
    {
        auto file = ByteSource::openFile(m_clip.toStdString());
        QVERIFY(file);
        MediaLimits limits;
        limits.deadline = std::chrono::milliseconds(300);
        QElapsedTimer timer;
        timer.start();
        auto reader = VideoReader::open(
            std::make_unique<StallingSource>(std::move(*file), std::chrono::milliseconds(100)), limits);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(mentions(reader.error(), "deadline"), reader.error().message.c_str());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void endlessSourceHitsTheDeadline()
    {
        MediaFactory media(m_dir.path());
        const QString ts
            = media.make(QStringLiteral("loop.ts"), {"-i", m_clip, "-c", "copy", "-f", "mpegts"});
        QVERIFY2(!ts.isEmpty(), qPrintable(media.lastError()));
        const QByteArray loop = readBytes(ts);

        MediaLimits scanAll;
        scanAll.deadline = std::chrono::milliseconds(500);
        scanAll.maxIndexScanBytes = INT64_MAX;
        scanAll.maxFrames = INT64_MAX;
        scanAll.maxDurationSeconds = 1e18;
        QElapsedTimer timer;
        timer.start();
        auto scanned = VideoReader::open(std::make_unique<EndlessSource>(loop), scanAll);
        QVERIFY(!scanned);
        QCOMPARE(scanned.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));

        // With the default limits the scan is skipped; whatever reading a
        // far frame gives, it returns within the deadline.
        MediaLimits defaults;
        defaults.deadline = std::chrono::milliseconds(500);
        defaults.maxDurationSeconds = 1e18;
        timer.restart();
        auto reader = VideoReader::open(std::make_unique<EndlessSource>(loop), defaults);
        if (reader) {
            auto far = reader->readFrames({reader->info().frameCount - 1});
            Q_UNUSED(far);
        }
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void packetsPerWantedFrameAreBounded()
    {
        MediaFactory media(m_dir.path());
        const QString path = media.make(QStringLiteral("onekey.mp4"),
            {"-f", "lavfi", "-i", "testsrc2=size=64x48:rate=25", "-t", "4", "-c:v", "libx264", "-g", "1000"});
        QVERIFY2(!path.isEmpty(), qPrintable(media.lastError()));
        MediaLimits limits;
        limits.maxPacketsPerFrame = 10;
        auto reader = VideoReader::open(path.toStdString(), limits);
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        auto far = reader->readFrames({90});
        QVERIFY(!far);
        QCOMPARE(far.error().code, ErrorCode::LimitExceeded);
        QVERIFY2(mentions(far.error(), "not reached after 10 packets"), far.error().message.c_str());
        QVERIFY(reader->readFrames({3}));
    }

    void cancellation()
    {
        auto reader = VideoReader::open(m_clip.toStdString());
        QVERIFY(reader);
        std::atomic<bool> cancel {true};
        reader->setCancelFlag(&cancel);
        auto batch = reader->readFrames({5});
        QVERIFY(!batch);
        QCOMPARE(batch.error().code, ErrorCode::Cancelled);
        cancel = false;
        QVERIFY(reader->readFrames({5}));
    }
};

QTEST_GUILESS_MAIN(HostileMediaTest)
#include "hostilemediatest.moc"
