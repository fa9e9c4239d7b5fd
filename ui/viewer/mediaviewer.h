#pragma once
/// The viewer: a picture, or a video player with play/pause, frame steps and
/// a timeline to seek on, plus a filmstrip of the frames the model sees
/// (also marked on the timeline). Decoding runs on a FrameDecoder thread.
/// When the attention panel chooses a map, the frame shown carries the
/// overlay of the nearest sampled frame, and the timeline and filmstrip show
/// how much each sampled frame mattered. Opened from a moment search, the
/// player starts at the moment, marks its range on the timeline, and "Next
/// match" goes to the search's next moment in the same video. A dense
/// caption's windows are a subtitle track on the timeline; one window's
/// frames (decoded here when the result carries none) replace the preview in
/// the filmstrip, and its overlays show while the playhead is in that window.
///
///     viewer->setMedia("clip.mp4");
///     viewer->setSampling(16, FrameSampling::Middle);      // preview the model's frames
///     viewer->setModelFrames(result.frames, result.geometry.frameTimes);
///     viewer->setCaptionSegments(dense.segments);         // the windows on the timeline
///     viewer->setModelFrames({}, window.geometry.frameTimes, window.startSeconds, window.endSeconds);
///     viewer->setModelFrames({}, {});                     // back to the preview
///     viewer->setAttention(overlays, grid.frameImportance(), 0.5);
///     viewer->setMoments(hitsInThisVideo, 0);            // at the first, [start, end) marked
///     viewer->nextMoment();                               // the next one, in time order

#include "app/engine/enginerequest.h"
#include "app/engine/engineresult.h"
#include "app/media/mediasource.h"
#include "app/retrieval/catalogtypes.h"
#include "ui/viewer/frameview.h"

#include <QElapsedTimer>
#include <QList>
#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

namespace mplug2::ui {

class FilmstripWidget;
class FrameDecoder;
class TimelineWidget;

class MediaViewer : public QWidget {
    Q_OBJECT
public:
    explicit MediaViewer(QWidget *parent = nullptr);
    ~MediaViewer() override;

    /// Shows `path` ("" shows the hint for an empty viewer).
    void setMedia(const QString &path);
    QString mediaPath() const { return m_path; }
    /// Whether the media is open and known to be a video.
    bool isVideo() const { return m_facts.isVideo; }
    const app::MediaFacts &facts() const { return m_facts; }

    /// Which frames the next request will sample: previewed in the filmstrip.
    void setSampling(int numFrames, app::FrameSampling sampling);
    /// The frames a result was computed from (times in seconds). Without
    /// pictures they are decoded here (sampleImagesChanged() when they are in);
    /// with no times at all the preview of setSampling() comes back. A range
    /// [fromSeconds, toSeconds] (one window of a dense caption) limits the
    /// overlays and the current sample to the playhead inside it.
    void setModelFrames(const QList<QImage> &frames, const QList<double> &seconds, double fromSeconds = -1,
        double toSeconds = -1);
    const QList<double> &sampleTimes() const { return m_sampleTimes; }
    /// The pictures of the sampled frames (empty ones while decoding).
    const QList<QImage> &sampleImages() const { return m_sampleImages; }
    /// Whether the filmstrip shows a result's frames, not the preview.
    bool showsModelFrames() const { return m_modelFramesKnown; }

    /// A dense caption's windows as the timeline's subtitle track (empty: none).
    /// Cleared by setMedia().
    void setCaptionSegments(const QList<app::CaptionSegment> &segments);
    const QList<app::CaptionSegment> &captionSegments() const { return m_segments; }
    /// The window under the playhead (-1: none).
    int currentSegment() const;
    /// One overlay per sampled frame (empty: none) and the per-frame importance strip.
    void setAttention(const QList<FrameOverlay> &overlays, const QList<float> &importance, double opacity);
    void clearAttention();

    /// The moments a search found in this video (sorted here by start time);
    /// shows moment `current`: seeks to its start (now, or once the video is
    /// open) and marks [start, end) on the timeline. Cleared by setMedia().
    void setMoments(const QList<app::MediaMoment> &moments, int current);
    const QList<app::MediaMoment> &moments() const { return m_moments; }
    /// The moment shown (-1: none).
    int currentMoment() const { return m_currentMoment; }

    bool isPlaying() const;
    double position() const { return m_position; }
    /// The sampled frame nearest to the frame shown (-1 when there are none).
    int currentSample() const;

    FrameView *frameView() const { return m_view; }
    TimelineWidget *timeline() const { return m_timeline; }
    FilmstripWidget *filmstrip() const { return m_filmstrip; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBackward();
    void seek(double seconds);
    /// Shows sampled frame `index`.
    void showSample(int index);
    /// Goes to the next moment of setMoments(), after the last back to the first.
    void nextMoment();

Q_SIGNALS:
    void mediaOpened(const mplug2::app::MediaFacts &facts);
    void mediaFailed(const QString &message);
    void positionChanged(double seconds);
    void playingChanged(bool playing);
    void valueHovered(const QString &text);
    /// The moment shown changed (-1: none).
    void momentChanged(int index);
    /// A window was clicked on the timeline; the player seeks to its start.
    void segmentClicked(int index);
    /// The pictures of a result's sampled frames were decoded (sampleImages()).
    void sampleImagesChanged();

private:
    void onOpened(const app::MediaFacts &facts);
    void onFailed(const QString &message);
    void showFrame(const app::MediaFrame &frame);
    void onFramesDecoded(const QList<app::MediaFrame> &frames, quint64 serial);
    void onSampledFrames(const QList<app::MediaFrame> &frames);
    void onFramesAt(const QList<app::MediaFrame> &frames, quint64 serial);
    void showPreview();
    void advancePlayback();
    void requestMoreFrames();
    void stopPlayback();
    void refreshOverlay();
    void updateControls();
    void showMoment(int index);

    FrameDecoder *m_decoder = nullptr;
    FrameView *m_view = nullptr;
    TimelineWidget *m_timeline = nullptr;
    FilmstripWidget *m_filmstrip = nullptr;
    QWidget *m_transport = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QToolButton *m_nextMatchButton = nullptr;
    QLabel *m_timeLabel = nullptr;
    QTimer *m_playTimer = nullptr;

    QString m_path;
    app::MediaFacts m_facts;
    double m_position = 0;
    qint64 m_frameIndex = 0;

    int m_sampleCount = 16;
    app::FrameSampling m_sampling = app::FrameSampling::Middle;
    QList<QImage> m_sampleImages;
    QList<double> m_sampleTimes;
    bool m_modelFramesKnown = false; ///< the samples came from a result, not a preview
    double m_modelFrom = -1; ///< the result's time range, when it covers a part of the video
    double m_modelTo = -1;
    quint64 m_framesAtSerial = 0;
    QList<app::CaptionSegment> m_segments;
    QList<FrameOverlay> m_overlays;
    QList<float> m_importance;
    double m_opacity = 0.5;
    QList<app::MediaMoment> m_moments;
    int m_currentMoment = -1;

    // Playback: frames decoded ahead, shown by the wall clock.
    QList<app::MediaFrame> m_buffer;
    QElapsedTimer m_clock;
    double m_clockStart = 0;
    qint64 m_nextToRequest = 0;
    quint64 m_playbackSerial = 0;
    bool m_requestPending = false;
    bool m_playing = false;
    bool m_endReached = false;
    bool m_resumeAfterSeek = false;
};

} // namespace mplug2::ui
