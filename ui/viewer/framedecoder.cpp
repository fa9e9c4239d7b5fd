#include "ui/viewer/framedecoder.h"

#include <QThread>

#include <optional>

namespace mplug2::ui {

/// State touched only on the decoding thread.
struct FrameDecoder::Worker {
    std::optional<app::MediaSource> source;
    quint64 openSerial = 0;
};

FrameDecoder::FrameDecoder(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_context(new QObject)
    , m_worker(std::make_shared<Worker>())
{
    m_thread->setObjectName(QStringLiteral("FrameDecoder"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

FrameDecoder::~FrameDecoder()
{
    m_cancel = true;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void FrameDecoder::post(std::function<void(Worker &)> job)
{
    std::shared_ptr<Worker> worker = m_worker;
    QMetaObject::invokeMethod(
        m_context, [worker, job = std::move(job)] { job(*worker); }, Qt::QueuedConnection);
}

void FrameDecoder::open(const QString &path)
{
    m_cancel = true; // stop a slow read of the previous file
    m_open = false;
    const quint64 serial = ++m_openSerial;
    post([this, path, serial](Worker &worker) {
        m_cancel = false;
        worker.source.reset();
        worker.openSerial = serial;
        auto source = app::MediaSource::open(path);
        if (!source) {
            const QString message = QString::fromStdString(source.error().message);
            QMetaObject::invokeMethod(
                this,
                [this, serial, message] {
                    if (serial == m_openSerial)
                        Q_EMIT failed(message);
                },
                Qt::QueuedConnection);
            return;
        }
        source->setCancelFlag(&m_cancel);
        const app::MediaFacts facts = source->facts();
        worker.source.emplace(std::move(*source));
        QMetaObject::invokeMethod(
            this,
            [this, serial, facts] {
                if (serial != m_openSerial)
                    return;
                m_open = true;
                Q_EMIT opened(facts);
            },
            Qt::QueuedConnection);
    });
}

void FrameDecoder::close()
{
    m_cancel = true;
    m_open = false;
    ++m_openSerial;
    post([this](Worker &worker) {
        m_cancel = false;
        worker.source.reset();
    });
}

void FrameDecoder::seek(double seconds)
{
    queueSeek(seconds, -1);
}

void FrameDecoder::seekFrame(qint64 index)
{
    queueSeek(0.0, index);
}

void FrameDecoder::queueSeek(double seconds, qint64 index)
{
    const quint64 serial = ++m_seekSerial;
    const quint64 openSerial = m_openSerial;
    post([this, seconds, index, serial, openSerial](Worker &worker) {
        if (serial != m_seekSerial || !worker.source || worker.openSerial != openSerial)
            return; // a newer seek or another file replaced this one
        auto frame = index >= 0 ? worker.source->frameAtIndex(index) : worker.source->frameAt(seconds);
        if (!frame) {
            if (frame.error().code == ErrorCode::Cancelled)
                return;
            const QString message = QString::fromStdString(frame.error().message);
            QMetaObject::invokeMethod(
                this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, openSerial, decoded = *frame] {
                if (openSerial == m_openSerial)
                    Q_EMIT frameReady(decoded);
            },
            Qt::QueuedConnection);
    });
}

void FrameDecoder::readAhead(qint64 first, int count, quint64 playbackSerial)
{
    const quint64 openSerial = m_openSerial;
    post([this, first, count, playbackSerial, openSerial](Worker &worker) {
        if (!worker.source || worker.openSerial != openSerial)
            return;
        auto frames = worker.source->framesFrom(first, count);
        QList<app::MediaFrame> decoded = frames ? *frames : QList<app::MediaFrame>();
        QMetaObject::invokeMethod(
            this,
            [this, openSerial, playbackSerial, decoded] {
                if (openSerial == m_openSerial)
                    Q_EMIT framesReady(decoded, playbackSerial);
            },
            Qt::QueuedConnection);
    });
}

void FrameDecoder::readSampledFrames(int numFrames, app::FrameSampling sampling)
{
    const quint64 openSerial = m_openSerial;
    post([this, numFrames, sampling, openSerial](Worker &worker) {
        if (!worker.source || worker.openSerial != openSerial)
            return;
        auto frames = worker.source->sampledFrames(numFrames, sampling);
        if (!frames)
            return; // the player reports unreadable frames when it shows them
        QMetaObject::invokeMethod(
            this,
            [this, openSerial, decoded = *frames] {
                if (openSerial == m_openSerial)
                    Q_EMIT sampledFramesReady(decoded);
            },
            Qt::QueuedConnection);
    });
}

void FrameDecoder::readFramesAt(const QList<double> &seconds, quint64 serial)
{
    const quint64 openSerial = m_openSerial;
    post([this, seconds, serial, openSerial](Worker &worker) {
        if (!worker.source || worker.openSerial != openSerial)
            return;
        QList<app::MediaFrame> decoded;
        for (double t : seconds) {
            auto frame = worker.source->frameAt(t);
            if (!frame)
                return; // cancelled, or unreadable: the player reports that when it shows a frame
            decoded.append(*frame);
        }
        QMetaObject::invokeMethod(
            this,
            [this, openSerial, serial, decoded] {
                if (openSerial == m_openSerial)
                    Q_EMIT framesAtReady(decoded, serial);
            },
            Qt::QueuedConnection);
    });
}

} // namespace mplug2::ui
