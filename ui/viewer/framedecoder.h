#pragma once
/// Decodes frames of one picture or video on its own thread for the player,
/// so the GUI thread never waits on FFmpeg. Requests return at once; results
/// come back as signals on the GUI thread. Seeks coalesce: while one is being
/// decoded, newer ones replace older ones and only the newest is served.
///
///     auto *decoder = new FrameDecoder(this);
///     connect(decoder, &FrameDecoder::opened, this, &Player::showFacts);
///     connect(decoder, &FrameDecoder::frameReady, this, &Player::showFrame);
///     decoder->open("clip.mp4");
///     decoder->seek(12.5);                       // the frame shown at 12.5 s
///     decoder->readAhead(firstIndex, 8);          // playback: the next 8 frames
///     decoder->readFramesAt({2.0, 2.5, 3.0}, serial); // a result's sampled frames

#include "app/engine/enginerequest.h"
#include "app/media/mediasource.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace mplug2::ui {

class FrameDecoder : public QObject {
    Q_OBJECT
public:
    explicit FrameDecoder(QObject *parent = nullptr);
    /// Stops the current read and waits for the thread.
    ~FrameDecoder() override;

    /// Opens `path` (closing what was open); ends in opened() or failed().
    void open(const QString &path);
    void close();
    /// The frame shown at `seconds`: frameReady() (coalesced, newest wins).
    void seek(double seconds);
    /// Frame `index` in presentation order: frameReady() (coalesced with seeks).
    void seekFrame(qint64 index);
    /// Up to `count` frames from `first` on, in order, for playback:
    /// framesReady() with `playbackSerial`, so the player can drop stale batches.
    void readAhead(qint64 first, int count, quint64 playbackSerial);
    /// The frames the model will see: sampledFramesReady().
    void readSampledFrames(int numFrames, app::FrameSampling sampling);
    /// The frames shown at `seconds` (those a result sampled, e.g. in one
    /// window of a dense caption): framesAtReady() with `serial`, so that the
    /// player can drop an answer to an older question.
    void readFramesAt(const QList<double> &seconds, quint64 serial);

    /// Whether a file is open (after opened(), before close() or failed()).
    bool isOpen() const { return m_open; }

Q_SIGNALS:
    void opened(const mplug2::app::MediaFacts &facts);
    void failed(const QString &message);
    void frameReady(const mplug2::app::MediaFrame &frame);
    void framesReady(const QList<mplug2::app::MediaFrame> &frames, quint64 playbackSerial);
    void sampledFramesReady(const QList<mplug2::app::MediaFrame> &frames);
    void framesAtReady(const QList<mplug2::app::MediaFrame> &frames, quint64 serial);

private:
    struct Worker;
    void post(std::function<void(Worker &)> job);
    void queueSeek(double seconds, qint64 index);

    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; ///< lives on m_thread; runs the jobs
    std::shared_ptr<Worker> m_worker;
    std::atomic<bool> m_cancel {false};
    std::atomic<quint64> m_seekSerial {0};
    quint64 m_openSerial = 0;
    bool m_open = false;
};

} // namespace mplug2::ui
