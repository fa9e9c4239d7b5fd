#include "ui/viewer/mediaviewer.h"

#include "ui/theme/paletteicon.h"
#include "ui/viewer/filmstripwidget.h"
#include "ui/viewer/framedecoder.h"
#include "ui/viewer/timelinewidget.h"

#include <QBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace mplug2::ui {

namespace {
constexpr int kReadAheadFrames = 6;
constexpr int kLowWaterFrames = 3;
/// The smallest the player gets (16:9), whatever the window's size.
constexpr QSize kMinimumPlayerSize(320, 180);

QString formatTime(double seconds)
{
    const int centis = int(std::lround(std::max(0.0, seconds) * 100.0));
    return QStringLiteral("%1:%2.%3")
        .arg(centis / 6000)
        .arg((centis / 100) % 60, 2, 10, QLatin1Char('0'))
        .arg(centis % 100, 2, 10, QLatin1Char('0'));
}

QToolButton *transportButton(const QString &icon, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(paletteIcon(icon));
    button->setIconSize(QSize(20, 20));
    button->setAutoRaise(true);
    button->setToolTip(name);
    button->setAccessibleName(name);
    return button;
}
} // namespace

MediaViewer::MediaViewer(QWidget *parent)
    : QWidget(parent)
    , m_decoder(new FrameDecoder(this))
    , m_view(new FrameView(this))
    , m_timeline(new TimelineWidget(this))
    , m_filmstrip(new FilmstripWidget(this))
    , m_playTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mediaViewer"));
    setAccessibleName(tr("Viewer"));
    m_view->setObjectName(QStringLiteral("frameView"));
    // Big enough to see what the model looked at: the window's panels give way first (a 1024×700
    // window once left the player 95×80 px).
    m_view->setMinimumSize(kMinimumPlayerSize);
    m_view->setAccessibleName(tr("Frame"));
    m_view->setPlaceholderText(tr("Open images or videos (File ▸ Open) or drop them here."));
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_filmstrip->setObjectName(QStringLiteral("filmstrip"));

    m_transport = new QWidget(this);
    m_previousButton = transportButton(QStringLiteral("previous-frame"), tr("Previous frame"), m_transport);
    m_playButton = transportButton(QStringLiteral("play"), tr("Play"), m_transport);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_nextButton = transportButton(QStringLiteral("next-frame"), tr("Next frame"), m_transport);
    m_nextMatchButton = transportButton(QStringLiteral("search"), tr("Next match"), m_transport);
    m_nextMatchButton->setObjectName(QStringLiteral("nextMatchButton"));
    m_nextMatchButton->setText(tr("Next match"));
    m_nextMatchButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_timeLabel = new QLabel(m_transport);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setAccessibleName(tr("Time"));
    m_timeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *transportLayout = new QHBoxLayout(m_transport);
    transportLayout->setContentsMargins(0, 0, 0, 0);
    transportLayout->addWidget(m_previousButton);
    transportLayout->addWidget(m_playButton);
    transportLayout->addWidget(m_nextButton);
    transportLayout->addWidget(m_timeline, 1);
    transportLayout->addWidget(m_timeLabel);
    transportLayout->addWidget(m_nextMatchButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_transport);
    layout->addWidget(m_filmstrip);

    m_playTimer->setTimerType(Qt::PreciseTimer);
    connect(m_playTimer, &QTimer::timeout, this, &MediaViewer::advancePlayback);
    connect(m_playButton, &QToolButton::clicked, this, &MediaViewer::togglePlay);
    connect(m_previousButton, &QToolButton::clicked, this, &MediaViewer::stepBackward);
    connect(m_nextButton, &QToolButton::clicked, this, &MediaViewer::stepForward);
    connect(m_nextMatchButton, &QToolButton::clicked, this, &MediaViewer::nextMoment);
    connect(m_timeline, &TimelineWidget::seekRequested, this, &MediaViewer::seek);
    connect(m_filmstrip, &FilmstripWidget::frameClicked, this, &MediaViewer::showSample);
    connect(m_view, &FrameView::valueHovered, this, &MediaViewer::valueHovered);
    connect(m_decoder, &FrameDecoder::opened, this, &MediaViewer::onOpened);
    connect(m_decoder, &FrameDecoder::failed, this, &MediaViewer::onFailed);
    connect(m_decoder, &FrameDecoder::frameReady, this, &MediaViewer::showFrame);
    connect(m_decoder, &FrameDecoder::framesReady, this, &MediaViewer::onFramesDecoded);
    connect(m_decoder, &FrameDecoder::sampledFramesReady, this, &MediaViewer::onSampledFrames);
    connect(m_decoder, &FrameDecoder::framesAtReady, this, &MediaViewer::onFramesAt);
    connect(m_timeline, &TimelineWidget::segmentClicked, this, &MediaViewer::segmentClicked);
    updateControls();
}

MediaViewer::~MediaViewer() = default;

void MediaViewer::setMedia(const QString &path)
{
    stopPlayback();
    m_path = path;
    m_facts = {};
    m_position = 0;
    m_frameIndex = 0;
    m_sampleImages.clear();
    m_sampleTimes.clear();
    m_modelFramesKnown = false;
    m_overlays.clear();
    m_importance.clear();
    m_view->setImage({});
    m_view->clearOverlay();
    m_view->setCaption({});
    m_filmstrip->setFrames({}, {});
    m_timeline->setSampleTimes({});
    m_timeline->setDuration(0);
    m_timeline->clearMarkedRange();
    m_timeline->setSegments({});
    m_segments.clear();
    m_modelFrom = m_modelTo = -1;
    ++m_framesAtSerial;
    const bool hadMoments = m_currentMoment >= 0;
    m_moments.clear();
    m_currentMoment = -1;
    if (hadMoments)
        Q_EMIT momentChanged(-1);
    if (path.isEmpty()) {
        m_decoder->close();
        m_view->setPlaceholderText(tr("Open images or videos (File ▸ Open) or drop them here."));
    } else {
        m_view->setPlaceholderText(tr("Opening %1…").arg(path));
        m_decoder->open(path);
    }
    updateControls();
}

void MediaViewer::setSampling(int numFrames, app::FrameSampling sampling)
{
    if (numFrames == m_sampleCount && sampling == m_sampling)
        return;
    m_sampleCount = numFrames;
    m_sampling = sampling;
    if (m_decoder->isOpen() && !m_modelFramesKnown)
        m_decoder->readSampledFrames(m_sampleCount, m_sampling);
}

void MediaViewer::setModelFrames(
    const QList<QImage> &frames, const QList<double> &seconds, double fromSeconds, double toSeconds)
{
    if (seconds.isEmpty()) {
        // A result without frames of its own (a dense caption as a whole): the preview again.
        showPreview();
        return;
    }
    m_modelFramesKnown = true;
    m_modelFrom = fromSeconds;
    m_modelTo = toSeconds;
    const bool sameTimes = seconds == m_sampleTimes;
    m_sampleTimes = seconds;
    if (frames.size() == seconds.size()) {
        ++m_framesAtSerial;
        m_sampleImages = frames;
    } else if (!sameTimes || m_sampleImages.size() != seconds.size()) {
        m_sampleImages = QList<QImage>(seconds.size());
        if (m_decoder->isOpen())
            m_decoder->readFramesAt(seconds, ++m_framesAtSerial);
    }
    m_filmstrip->setFrames(m_sampleImages, m_sampleTimes);
    m_timeline->setSampleTimes(m_facts.isVideo ? m_sampleTimes : QList<double>());
    refreshOverlay();
    updateControls();
}

void MediaViewer::showPreview()
{
    const bool wasModel = m_modelFramesKnown;
    m_modelFramesKnown = false;
    m_modelFrom = m_modelTo = -1;
    ++m_framesAtSerial;
    if (wasModel) {
        m_sampleImages.clear();
        m_sampleTimes.clear();
        m_filmstrip->setFrames({}, {});
        m_timeline->setSampleTimes({});
        if (m_decoder->isOpen())
            m_decoder->readSampledFrames(m_sampleCount, m_sampling);
    }
    refreshOverlay();
    updateControls();
}

void MediaViewer::setCaptionSegments(const QList<app::CaptionSegment> &segments)
{
    m_segments = segments;
    QList<TimelineSegment> track;
    for (const app::CaptionSegment &s : segments)
        track.append({s.startSeconds, s.endSeconds, s.caption.text});
    m_timeline->setSegments(track);
}

int MediaViewer::currentSegment() const
{
    return m_timeline->currentSegment();
}

void MediaViewer::setAttention(
    const QList<FrameOverlay> &overlays, const QList<float> &importance, double opacity)
{
    m_overlays = overlays;
    m_importance = importance;
    m_opacity = opacity;
    QList<QImage> heat;
    for (const FrameOverlay &overlay : overlays)
        heat.append(overlay.heat);
    m_filmstrip->setOverlays(heat, opacity);
    m_filmstrip->setImportance(importance);
    m_timeline->setImportance(importance);
    refreshOverlay();
}

void MediaViewer::clearAttention()
{
    setAttention({}, {}, m_opacity);
}

void MediaViewer::setMoments(const QList<app::MediaMoment> &moments, int current)
{
    const qint64 id = current >= 0 && current < moments.size() ? moments.at(current).id : 0;
    m_moments = moments;
    std::stable_sort(m_moments.begin(), m_moments.end(),
        [](const app::MediaMoment &a, const app::MediaMoment &b) { return a.startSeconds < b.startSeconds; });
    int index = m_moments.isEmpty() ? -1 : 0;
    for (int i = 0; i < int(m_moments.size()); ++i)
        if (m_moments.at(i).id == id)
            index = i;
    showMoment(index);
}

void MediaViewer::nextMoment()
{
    if (m_moments.size() > 1)
        showMoment((m_currentMoment + 1) % int(m_moments.size()));
}

void MediaViewer::showMoment(int index)
{
    m_currentMoment = index;
    if (index < 0) {
        m_timeline->clearMarkedRange();
    } else {
        const app::MediaMoment &moment = m_moments.at(index);
        m_timeline->setMarkedRange(moment.startSeconds, moment.endSeconds);
        // Before the video is open, onOpened() starts at the moment instead of the first frame.
        if (m_facts.isVideo)
            seek(moment.startSeconds);
    }
    updateControls();
    Q_EMIT momentChanged(index);
}

bool MediaViewer::isPlaying() const
{
    return m_playing;
}

int MediaViewer::currentSample() const
{
    if (m_sampleTimes.isEmpty())
        return -1;
    if (m_facts.isVideo && m_modelTo > m_modelFrom) {
        // A window's frames belong to that window: elsewhere no sampled frame is current.
        const double frame = m_facts.fps > 0 ? 1.0 / m_facts.fps : 0.04;
        if (m_position < m_modelFrom - frame || m_position > m_modelTo + frame)
            return -1;
    }
    int best = 0;
    for (int i = 1; i < int(m_sampleTimes.size()); ++i) {
        if (std::abs(m_sampleTimes.at(i) - m_position) < std::abs(m_sampleTimes.at(best) - m_position))
            best = i;
    }
    return best;
}

void MediaViewer::play()
{
    if (!m_facts.isVideo || m_playing)
        return;
    if (m_frameIndex >= m_facts.frameCount - 1)
        m_frameIndex = -1; // at the end: play from the start
    m_playing = true;
    m_endReached = false;
    m_buffer.clear();
    ++m_playbackSerial;
    m_requestPending = false;
    m_nextToRequest = m_frameIndex + 1;
    m_clockStart = m_frameIndex < 0 ? 0.0 : m_position;
    m_clock.start();
    requestMoreFrames();
    const double fps = m_facts.fps > 0 ? std::min(m_facts.fps, 60.0) : 25.0;
    m_playTimer->start(std::max(5, int(500.0 / fps)));
    updateControls();
    Q_EMIT playingChanged(true);
}

void MediaViewer::pause()
{
    m_resumeAfterSeek = false;
    stopPlayback();
}

void MediaViewer::stopPlayback()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_playTimer->stop();
    m_buffer.clear();
    ++m_playbackSerial;
    updateControls();
    Q_EMIT playingChanged(false);
}

void MediaViewer::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void MediaViewer::stepForward()
{
    if (!m_facts.isVideo)
        return;
    pause();
    m_decoder->seekFrame(std::min(m_facts.frameCount - 1, m_frameIndex + 1));
}

void MediaViewer::stepBackward()
{
    if (!m_facts.isVideo)
        return;
    pause();
    m_decoder->seekFrame(std::max<qint64>(0, m_frameIndex - 1));
}

void MediaViewer::seek(double seconds)
{
    if (!m_facts.isVideo)
        return;
    m_resumeAfterSeek = m_playing || m_resumeAfterSeek;
    stopPlayback();
    // The timeline follows the request at once; position() changes when the frame arrives.
    const double target = std::clamp(seconds, 0.0, m_facts.durationSeconds);
    m_timeline->setPosition(target);
    m_decoder->seek(target);
}

void MediaViewer::showSample(int index)
{
    if (index < 0 || index >= m_sampleTimes.size())
        return;
    if (!m_facts.isVideo) {
        refreshOverlay();
        return;
    }
    pause();
    seek(m_sampleTimes.at(index));
}

void MediaViewer::onOpened(const app::MediaFacts &facts)
{
    m_facts = facts;
    m_timeline->setDuration(facts.durationSeconds);
    const double start = m_currentMoment >= 0 ? m_moments.at(m_currentMoment).startSeconds : 0.0;
    m_timeline->setPosition(start);
    m_decoder->seek(start);
    const bool picturesMissing = std::any_of(
        m_sampleImages.begin(), m_sampleImages.end(), [](const QImage &image) { return image.isNull(); });
    if (!m_modelFramesKnown)
        m_decoder->readSampledFrames(m_sampleCount, m_sampling);
    else if (picturesMissing) // a result came before the file was open
        m_decoder->readFramesAt(m_sampleTimes, ++m_framesAtSerial);
    m_timeline->setSampleTimes(m_facts.isVideo ? m_sampleTimes : QList<double>());
    updateControls();
    Q_EMIT mediaOpened(facts);
}

void MediaViewer::onFailed(const QString &message)
{
    stopPlayback();
    if (m_view->image().isNull())
        m_view->setPlaceholderText(message);
    Q_EMIT mediaFailed(message);
}

void MediaViewer::showFrame(const app::MediaFrame &frame)
{
    m_view->setImage(frame.image);
    m_frameIndex = frame.index;
    m_position = frame.seconds;
    m_timeline->setPosition(m_position);
    refreshOverlay();
    updateControls();
    Q_EMIT positionChanged(m_position);
    if (m_resumeAfterSeek) {
        m_resumeAfterSeek = false;
        play();
    }
}

void MediaViewer::onFramesDecoded(const QList<app::MediaFrame> &frames, quint64 serial)
{
    if (serial != m_playbackSerial || !m_playing)
        return;
    m_requestPending = false;
    if (frames.isEmpty()) {
        m_endReached = true;
        return;
    }
    m_buffer.append(frames);
    m_nextToRequest = frames.last().index + 1;
    if (m_nextToRequest >= m_facts.frameCount)
        m_endReached = true;
}

void MediaViewer::onSampledFrames(const QList<app::MediaFrame> &frames)
{
    if (m_modelFramesKnown)
        return; // a result named the frames: onFramesAt() fills them in
    m_sampleImages.clear();
    m_sampleTimes.clear();
    for (const app::MediaFrame &frame : frames) {
        m_sampleImages.append(frame.image);
        m_sampleTimes.append(frame.seconds);
    }
    m_filmstrip->setFrames(m_sampleImages, m_sampleTimes);
    m_timeline->setSampleTimes(m_facts.isVideo ? m_sampleTimes : QList<double>());
    refreshOverlay();
    updateControls();
}

void MediaViewer::onFramesAt(const QList<app::MediaFrame> &frames, quint64 serial)
{
    if (serial != m_framesAtSerial || !m_modelFramesKnown || frames.size() != m_sampleTimes.size())
        return;
    for (int i = 0; i < int(frames.size()); ++i)
        m_sampleImages[i] = frames.at(i).image;
    m_filmstrip->setFrames(m_sampleImages, m_sampleTimes);
    refreshOverlay();
    updateControls();
    Q_EMIT sampleImagesChanged();
}

void MediaViewer::advancePlayback()
{
    const double now = m_clockStart + m_clock.elapsed() / 1000.0;
    int shown = -1;
    while (shown + 1 < m_buffer.size() && m_buffer.at(shown + 1).seconds <= now)
        ++shown;
    if (shown >= 0) {
        const app::MediaFrame frame = m_buffer.at(shown);
        m_buffer.remove(0, shown + 1);
        m_view->setImage(frame.image);
        m_frameIndex = frame.index;
        m_position = frame.seconds;
        m_timeline->setPosition(m_position);
        refreshOverlay();
        updateControls();
        Q_EMIT positionChanged(m_position);
    } else if (m_buffer.isEmpty() && m_requestPending) {
        // Decoding fell behind: hold the clock instead of skipping ahead.
        m_clockStart = m_position;
        m_clock.restart();
    }
    if (m_buffer.isEmpty() && m_endReached && !m_requestPending) {
        pause();
        return;
    }
    requestMoreFrames();
}

void MediaViewer::requestMoreFrames()
{
    if (m_requestPending || m_endReached || m_buffer.size() >= kLowWaterFrames)
        return;
    m_requestPending = true;
    m_decoder->readAhead(m_nextToRequest, kReadAheadFrames, m_playbackSerial);
}

void MediaViewer::refreshOverlay()
{
    const int sample = m_facts.isVideo ? currentSample() : (m_sampleTimes.isEmpty() ? -1 : 0);
    m_filmstrip->setCurrentFrame(sample);
    m_timeline->setCurrentSample(sample);
    if (sample < 0 || sample >= m_overlays.size() || m_overlays.at(sample).isEmpty()) {
        m_view->clearOverlay();
        m_view->setCaption({});
        return;
    }
    m_view->setOverlay(m_overlays.at(sample), m_opacity);
    m_view->setCaption(m_facts.isVideo ? tr("Attention of sampled frame %1 of %2 (%3)")
                                             .arg(sample + 1)
                                             .arg(m_sampleTimes.size())
                                             .arg(formatTime(m_sampleTimes.at(sample)))
                                       : tr("Attention"));
}

void MediaViewer::updateControls()
{
    const bool video = m_facts.isVideo;
    m_transport->setVisible(video);
    m_filmstrip->setVisible(video && !m_sampleImages.isEmpty());
    m_playButton->setIcon(paletteIcon(m_playing ? QStringLiteral("pause") : QStringLiteral("play")));
    const QString playText = m_playing ? tr("Pause") : tr("Play");
    m_playButton->setToolTip(playText);
    m_playButton->setAccessibleName(playText);
    m_timeLabel->setText(
        QStringLiteral("%1 / %2").arg(formatTime(m_position), formatTime(m_facts.durationSeconds)));
    m_nextMatchButton->setVisible(!m_moments.isEmpty());
    m_nextMatchButton->setEnabled(m_moments.size() > 1);
    if (m_currentMoment >= 0) {
        const app::MediaMoment &moment = m_moments.at(m_currentMoment);
        const QString tip = tr("Next match of the search in this video (this is %1 of %2: %3–%4)")
                                .arg(m_currentMoment + 1)
                                .arg(m_moments.size())
                                .arg(formatTime(moment.startSeconds), formatTime(moment.endSeconds));
        m_nextMatchButton->setToolTip(tip);
    }
}

} // namespace mplug2::ui
