#pragma once
/// Shots and moments of a video (issue 22): where the hard cuts are, found
/// by comparing frames sampled a few times per second, in the manner of
/// PySceneDetect's content detector; and the moments a search can land on:
/// each shot, with long shots split into windows of bounded length.
///
///     auto reader = VideoReader::open("talk.mp4");
///     ShotScan scan = *scanShots(*reader, {}, [&](const VideoFrame &f, bool cut) {
///         ... // every analysed frame, in order; `cut`: a new shot starts here
///         return Expected<void>();
///     });
///     for (const MomentSpan &m : momentsOf(scan, 8.0)) ...  // [start, end) in seconds
///
/// The cut test looks at two things between consecutive analysed frames:
/// how their colour histograms differ (what a cut changes and motion does
/// not), and PySceneDetect's content value, the mean absolute difference of
/// hue, saturation and value (which a cut between two similar pictures of
/// different things still moves). Both must pass their threshold. A cut is
/// placed at the first analysed frame of the new shot: within one analysis
/// step (0.25 s at 4 per second) after the true cut.
///
/// Qt-free and torch-free.

#include "base/expected.h"
#include "media/core/rgbimage.h"
#include "media/video/videoreader.h"

#include <functional>
#include <vector>

namespace mplug2::media {

struct ShotDetectorOptions {
    double analysisFps = 4.0; ///< frames analysed per second of video
    /// Half the L1 distance of the two frames' colour histograms (hue of
    /// coloured pixels, value of grey ones), as a share of the picture: 0.01
    /// is a change in colour over 1% of the frame. 0.019: chosen on multi-shot
    /// videos of the synthetic world, where moving shapes under x264 reach
    /// 0.017 and the faintest cut (a small shape for another) 0.021.
    double histogramThreshold = 0.019;
    /// PySceneDetect's content value (mean |dH| + |dS| + |dV| over 3, 0-255).
    double contentThreshold = 3.0;
    double minShotSeconds = 0.5; ///< a cut closer than this to the last one is ignored
    int analysisSide = 96; ///< frames are box-averaged to at most this many pixels per side

    static ShotDetectorOptions defaults() { return {}; }
};

/// Looks at analysed frames one by one and says where a new shot starts.
class ShotDetector {
public:
    explicit ShotDetector(ShotDetectorOptions options = ShotDetectorOptions::defaults());

    /// The next analysed frame (times ascending). True when a new shot starts
    /// at it (never for the first frame).
    bool add(const RgbImage &frame, double seconds);

    struct Scores {
        double histogram = 0;
        double content = 0;
    };
    /// The scores between the last two frames added.
    Scores lastScores() const { return m_last; }

    /// The frame as the detector compares it: its histogram (24 bins summing
    /// to 1) and its HSV pixels after the box average.
    struct Signature {
        std::vector<float> histogram;
        std::vector<uint8_t> hsv;
        int width = 0;
        int height = 0;
    };
    static Signature signatureOf(const RgbImage &frame, int analysisSide);
    static Scores compare(const Signature &a, const Signature &b);

private:
    ShotDetectorOptions m_options;
    Signature m_previous;
    bool m_hasPrevious = false;
    double m_lastCut = 0;
    Scores m_last;
};

/// What a scan of a whole video found.
struct ShotScan {
    double durationSeconds = 0; ///< where the last shot ends
    std::vector<double> cuts; ///< times at which a new shot starts, ascending (0 is not a cut)
    int64_t analysedFrames = 0;
};

/// Called for every analysed frame in order; an error stops the scan with it.
using AnalysedFrameSink = std::function<Expected<void>(const VideoFrame &frame, bool cut)>;

/// Reads the whole video at options.analysisFps, in one forward pass, and
/// finds its cuts. `progress(seconds, duration)` after each batch of frames.
/// Stops with ErrorCode::Cancelled when the reader's cancel flag turns true.
Expected<ShotScan> scanShots(VideoReader &reader, const ShotDetectorOptions &options,
    const AnalysedFrameSink &sink = {}, const std::function<void(double, double)> &progress = {});

/// One moment: a shot or a window of a long one, [start, end) in seconds.
struct MomentSpan {
    double start = 0;
    double end = 0;
    int shot = 0; ///< index of the shot it lies in
    bool operator==(const MomentSpan &other) const = default;
};

/// Turns shots into moments as the frames arrive, so that a caller can
/// embed each moment as soon as it closes, holding at most twice the window
/// of frames: a shot up to `maxWindowSeconds` long is one moment; a longer
/// one is cut into windows of `maxWindowSeconds`, the last stretch (up to
/// twice the window) split evenly, so that no window is shorter than half
/// the window.
class MomentSplitter {
public:
    explicit MomentSplitter(double maxWindowSeconds);
    /// An analysed frame at `seconds`; `cut` when a shot starts there.
    /// Returns the moments that closed (all end at or before `seconds`).
    std::vector<MomentSpan> add(double seconds, bool cut);
    /// The video ends at `endSeconds`: the moments still open.
    std::vector<MomentSpan> finish(double endSeconds);

private:
    std::vector<MomentSpan> close(double end);

    double m_window;
    double m_pendingStart = 0;
    int m_shot = 0;
    bool m_started = false;
};

/// Every moment of a scan (MomentSplitter over its cuts).
std::vector<MomentSpan> momentsOf(const ShotScan &scan, double maxWindowSeconds);

} // namespace mplug2::media
