#include "media/video/videoreader.h"

#include "media/video/demuxer.h"
#include "media/video/rgbconverter.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <thread>

namespace mplug2::media {

using namespace ffmpeg;

namespace {

enum class Outcome { Found, Missing, LandedAfter };

struct Decoded {
    Outcome outcome = Outcome::Missing;
    FramePtr frame;
    int64_t pts = AV_NOPTS_VALUE;
};

// Codecs whose decoders skip non-reference frames without changing any
// other frame; skipping them on the way to a wanted frame saves decoding.
bool canSkipNonReference(AVCodecID id)
{
    return id == AV_CODEC_ID_H264 || id == AV_CODEC_ID_HEVC;
}

std::string joinIndices(const std::vector<int64_t> &values)
{
    std::string text;
    for (size_t i = 0; i < values.size() && i < 8; ++i)
        text += (i ? ", " : "") + std::to_string(values[i]);
    if (values.size() > 8)
        text += ", ...";
    return text;
}

} // namespace

struct VideoReader::Impl {
    MediaLimits limits;
    OperationClock clock;
    std::unique_ptr<Demuxer> demuxer;
    CodecContextPtr codec;
    RgbConverter converter;
    PacketPtr packet {av_packet_alloc()};
    FramePtr scratch {av_frame_alloc()};
    // A frame the decoder already gave that lies after the last target.
    FramePtr pending;
    int64_t pendingPts = AV_NOPTS_VALUE;
    int64_t lastOutputPts = AV_NOPTS_VALUE;
    int64_t lastFedDts = INT64_MIN;
    int64_t maxDecodedPts = INT64_MIN;
    double frameStep = 1; // ticks per frame
    // framesByOrder(): the frame number of the next decoded frame, counted
    // from the key frame a seek landed on (-1: not known yet).
    int64_t ordinal = -1;
    // No timestamps and frame reordering (AVI with B-frames): after a seek
    // the frames before a key frame's leading B-frames cannot be placed, so
    // such streams are decoded forward from their first frame, counting.
    bool unplaceableAfterSeek = false;
    // DecodeStrategy::DecodeEveryFrame was asked for.
    bool everyFrame = false;
    // Decoding forward from the first frame, never seeking in between.
    bool sequential = false;
    bool positioned = false;
    bool draining = false;
    bool reachedEnd = false;
    bool skipNonRef = false;
    int damagedPackets = 0;
    std::set<int64_t> wanted;

    Error error(ErrorCode code, const std::string &what) const
    {
        return makeError(code, "file " + demuxer->name() + ": " + what);
    }
    Expected<void> openDecoder(int threads);
    void resetAfterSeek();
    Expected<Decoded> decodeAt(int64_t target);
    Expected<Decoded> decodeForward(int64_t target, bool afterSeek);
    Expected<Decoded> takeFrame(
        int64_t target, bool afterSeek, FramePtr &candidate, int64_t &candidatePts, bool &done);
};

Expected<void> VideoReader::Impl::openDecoder(int threads)
{
    const AVStream *st = demuxer->stream();
    const AVCodec *decoder = avcodec_find_decoder(st->codecpar->codec_id);
    codec.reset(avcodec_alloc_context3(decoder));
    if (!codec || !packet || !scratch)
        return error(ErrorCode::OutOfMemory, "cannot allocate a decoder");
    if (avcodec_parameters_to_context(codec.get(), st->codecpar) < 0)
        return error(ErrorCode::Format, "unusable codec parameters");
    codec->pkt_timebase = st->time_base;
    if (threads <= 0)
        threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    codec->thread_count = threads;
    codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    codec->max_pixels = static_cast<int64_t>(limits.maxSide) * limits.maxSide;
    if (const int rc = avcodec_open2(codec.get(), decoder, nullptr); rc < 0)
        return error(ErrorCode::Unsupported,
            "cannot start the " + std::string(decoder->name) + " decoder (" + errorText(rc) + ")");
    // Skipped frames would break counting frames by their order.
    skipNonRef = canSkipNonReference(st->codecpar->codec_id) && !demuxer->framesByOrder();
    unplaceableAfterSeek
        = demuxer->framesByOrder() && (st->codecpar->video_delay > 0 || codec->has_b_frames > 0);
    sequential = unplaceableAfterSeek;
    const double ticksPerSecond = 1.0 / av_q2d(st->time_base);
    frameStep = demuxer->info().fps > 0 ? ticksPerSecond / demuxer->info().fps : 1.0;
    // A frame rate of almost nothing (damaged metadata) must not push
    // guessed timestamps out of range.
    if (!(frameStep <= double(int64_t(1) << 40)))
        frameStep = double(int64_t(1) << 40);
    return {};
}

void VideoReader::Impl::resetAfterSeek()
{
    avcodec_flush_buffers(codec.get());
    pending.reset();
    pendingPts = AV_NOPTS_VALUE;
    lastOutputPts = AV_NOPTS_VALUE;
    lastFedDts = INT64_MIN;
    ordinal = sequential ? 0 : -1;
    positioned = true;
    draining = false;
}

Expected<Decoded> VideoReader::Impl::decodeAt(int64_t target)
{
    clock.start(limits.deadline);
    if (pending && pendingPts == target) {
        Decoded d {Outcome::Found, FramePtr(av_frame_clone(pending.get())), pendingPts};
        return d;
    }
    // Keep decoding forward when the wanted frame lies ahead in the same run
    // of frames (no key frame in between); seek otherwise.
    bool seek = true;
    if (positioned && !draining && lastOutputPts != AV_NOPTS_VALUE && lastOutputPts < target
        && (pendingPts == AV_NOPTS_VALUE || pendingPts < target)) {
        const int64_t key = demuxer->timeline().keyDtsBefore(target);
        seek = !sequential && (key == INT64_MIN || key > lastFedDts);
    }
    const int64_t first = demuxer->timeline().ptsOf(0);
    const int64_t oneSecond = std::max<int64_t>(1, std::llround(1.0 / av_q2d(demuxer->stream()->time_base)));
    int64_t seekTarget = sequential ? first : target;
    for (int attempt = 0;; ++attempt) {
        if (seek) {
            if (!demuxer->seekBefore(seekTarget))
                return error(ErrorCode::Format, "cannot seek (damaged index?)");
            resetAfterSeek();
        }
        auto decoded = decodeForward(target, seek);
        if (!decoded || decoded->outcome != Outcome::LandedAfter)
            return decoded;
        // The seek landed after the wanted frame (its key frame sits
        // earlier than the index said): go further back, up to the start.
        if (seekTarget <= first || attempt >= 4) {
            decoded->outcome = Outcome::Found;
            return decoded;
        }
        seek = true;
        seekTarget = std::max(first, seekTarget - oneSecond * (int64_t(1) << attempt));
    }
}

Expected<Decoded> VideoReader::Impl::takeFrame(
    int64_t target, bool afterSeek, FramePtr &candidate, int64_t &candidatePts, bool &done)
{
    int64_t pts = scratch->best_effort_timestamp;
    if (!FrameTimeline::plausible(pts)) // AV_NOPTS_VALUE too
        pts = AV_NOPTS_VALUE;
    if (demuxer->framesByOrder() && ordinal >= 0)
        pts = demuxer->timeline().ptsOf(ordinal++);
    else if (pts == AV_NOPTS_VALUE)
        pts = lastOutputPts != AV_NOPTS_VALUE ? lastOutputPts + std::llround(frameStep) : target;
    const bool firstOutput = lastOutputPts == AV_NOPTS_VALUE;
    lastOutputPts = pts;
    maxDecodedPts = std::max(maxDecodedPts, pts);
    done = true;
    if (pts == target)
        return Decoded {Outcome::Found, FramePtr(av_frame_clone(scratch.get())), pts};
    if (pts < target) {
        candidate.reset(av_frame_clone(scratch.get()));
        candidatePts = pts;
        done = false;
        return Decoded {};
    }
    // Past the wanted time: the frame shown then is the one before, if any.
    pending.reset(av_frame_clone(scratch.get()));
    pendingPts = pts;
    if (candidate)
        return Decoded {Outcome::Found, std::move(candidate), candidatePts};
    const Outcome outcome = afterSeek && firstOutput ? Outcome::LandedAfter : Outcome::Found;
    return Decoded {outcome, FramePtr(av_frame_clone(scratch.get())), pts};
}

Expected<Decoded> VideoReader::Impl::decodeForward(int64_t target, bool afterSeek)
{
    FramePtr candidate;
    int64_t candidatePts = AV_NOPTS_VALUE;
    if (!afterSeek && pending && pendingPts < target) {
        candidate = std::move(pending);
        candidatePts = pendingPts;
        pendingPts = AV_NOPTS_VALUE;
    }
    int64_t packets = 0;
    // Counting forward from the first frame needs a packet per frame on the way.
    const int64_t packetBudget = limits.maxPacketsPerFrame
        + (sequential
                ? std::max<int64_t>(0, demuxer->timeline().indexAt(target) - std::max<int64_t>(ordinal, 0))
                : 0);
    for (;;) {
        if (clock.cancelled())
            return error(ErrorCode::Cancelled, "reading was cancelled");
        if (clock.expired())
            return error(ErrorCode::LimitExceeded,
                "frame at " + std::to_string(demuxer->secondsOf(target))
                    + " s not decoded within the deadline");
        for (;;) {
            const int rc = avcodec_receive_frame(codec.get(), scratch.get());
            if (rc == AVERROR(EAGAIN) && !draining)
                break;
            if (rc < 0) {
                // Drained to the end: what comes last is shown until the end,
                // unless the wanted time lies well past it (a truncated file).
                reachedEnd = true;
                draining = true;
                positioned = false;
                if (candidate && target - candidatePts <= std::llround(2 * frameStep))
                    return Decoded {Outcome::Found, std::move(candidate), candidatePts};
                return Decoded {};
            }
            bool done = false;
            auto taken = takeFrame(target, afterSeek, candidate, candidatePts, done);
            av_frame_unref(scratch.get());
            if (done)
                return taken;
        }
        const int rc = demuxer->readPacket(packet.get());
        if (rc == AVERROR_EXIT)
            continue;
        if (rc < 0) {
            avcodec_send_packet(codec.get(), nullptr);
            draining = true;
            continue;
        }
        if (++packets > packetBudget) {
            av_packet_unref(packet.get());
            return error(ErrorCode::LimitExceeded,
                "frame at " + std::to_string(demuxer->secondsOf(target)) + " s not reached after "
                    + std::to_string(limits.maxPacketsPerFrame) + " packets");
        }
        const bool unwanted = packet->pts != AV_NOPTS_VALUE && !wanted.count(packet->pts);
        codec->skip_frame = skipNonRef && !everyFrame && unwanted ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
        lastFedDts = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
        if (demuxer->framesByOrder() && !sequential && ordinal < 0 && lastFedDts != AV_NOPTS_VALUE)
            ordinal = demuxer->timeline().indexAt(lastFedDts);
        const int sent = avcodec_send_packet(codec.get(), packet.get());
        av_packet_unref(packet.get());
        if (sent < 0 && sent != AVERROR(EAGAIN))
            ++damagedPackets;
    }
}

VideoReader::VideoReader(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{ }
VideoReader::VideoReader(VideoReader &&) noexcept = default;
VideoReader &VideoReader::operator=(VideoReader &&) noexcept = default;
VideoReader::~VideoReader() = default;

Expected<VideoReader> VideoReader::open(
    const std::string &path, const MediaLimits &limits, int decoderThreads)
{
    auto source = ByteSource::openFile(path);
    if (!source)
        return source.error();
    return open(std::move(*source), limits, decoderThreads);
}

Expected<VideoReader> VideoReader::open(
    std::unique_ptr<ByteSource> source, const MediaLimits &limits, int decoderThreads)
{
    auto impl = std::make_unique<Impl>();
    impl->limits = limits;
    auto demuxer = Demuxer::open(std::move(source), limits, impl->clock);
    if (!demuxer)
        return demuxer.error();
    impl->demuxer = std::move(*demuxer);
    if (auto ok = impl->openDecoder(decoderThreads); !ok)
        return ok.error();
    return VideoReader(std::move(impl));
}

const VideoInfo &VideoReader::info() const
{
    return d->demuxer->info();
}

double VideoReader::secondsOf(int64_t index) const
{
    return d->demuxer->secondsOf(d->demuxer->timeline().ptsOf(index));
}

int64_t VideoReader::frameAt(double seconds) const
{
    return d->demuxer->timeline().indexAt(d->demuxer->ptsOfSeconds(std::max(0.0, seconds)));
}

void VideoReader::setCancelFlag(const std::atomic<bool> *cancel)
{
    d->clock.setCancelFlag(cancel);
}

void VideoReader::setDecodeStrategy(DecodeStrategy strategy)
{
    d->everyFrame = strategy == DecodeStrategy::DecodeEveryFrame;
    d->sequential = d->unplaceableAfterSeek || d->everyFrame;
    d->positioned = false; // the next read starts over from a known place
}

Expected<FrameBatch> VideoReader::readFrames(const std::vector<int64_t> &indices)
{
    const FrameTimeline &timeline = d->demuxer->timeline();
    const VideoInfo &vi = info();
    for (int64_t index : indices) {
        if (index < 0 || index >= timeline.count())
            return d->error(ErrorCode::InvalidArgument,
                "frame " + std::to_string(index) + " does not exist (the video has "
                    + std::to_string(timeline.count()) + " frames)");
    }
    const std::set<int64_t> unique(indices.begin(), indices.end());
    const int64_t bytes = static_cast<int64_t>(unique.size()) * vi.width * vi.height * 3;
    if (bytes > d->limits.maxBatchBytes)
        return d->error(ErrorCode::LimitExceeded,
            std::to_string(unique.size()) + " frames of " + std::to_string(vi.width) + "x"
                + std::to_string(vi.height) + " need more memory than the limit allows");
    d->wanted.clear();
    for (int64_t index : unique)
        d->wanted.insert(timeline.ptsOf(index));

    std::map<int64_t, VideoFrame> decoded;
    std::vector<int64_t> missing;
    bool resized = false;
    d->reachedEnd = false;
    for (int64_t index : unique) {
        auto result = d->decodeAt(timeline.ptsOf(index));
        if (!result)
            return result.error();
        if (result->outcome != Outcome::Found) {
            missing.push_back(index);
            continue;
        }
        const AVFrame &picture = *result->frame;
        if (picture.width != vi.codedWidth || picture.height != vi.codedHeight)
            resized = true;
        auto image = d->converter.convert(picture, vi.codedWidth, vi.codedHeight, vi.rotation);
        if (!image)
            return d->error(image.error().code, image.error().message);
        VideoFrame frame;
        frame.index = timeline.indexAt(result->pts);
        frame.seconds = d->demuxer->secondsOf(result->pts);
        frame.image = std::move(*image);
        decoded.emplace(index, std::move(frame));
    }

    FrameBatch batch;
    std::map<int64_t, size_t> lastUse;
    for (size_t i = 0; i < indices.size(); ++i)
        lastUse[indices[i]] = i;
    for (size_t i = 0; i < indices.size(); ++i) {
        auto it = decoded.find(indices[i]);
        if (it == decoded.end())
            continue;
        if (lastUse[indices[i]] == i)
            batch.frames.push_back(std::move(it->second)); // big pictures: copy only repeats
        else
            batch.frames.push_back(it->second);
    }
    batch.missing = missing;
    if (d->reachedEnd && !missing.empty() && d->maxDecodedPts != INT64_MIN)
        batch.decodableFrames = timeline.indexAt(d->maxDecodedPts) + 1;
    if (!missing.empty()) {
        const std::string where = batch.decodableFrames > 0 ? "truncated or damaged after frame "
                + std::to_string(batch.decodableFrames - 1) + " of " + std::to_string(timeline.count())
                                                            : "damaged";
        batch.warning = "file " + d->demuxer->name() + ": " + where + "; frames " + joinIndices(missing)
            + " could not be decoded";
    }
    if (resized) {
        batch.warning += (batch.warning.empty() ? "file " + d->demuxer->name() + ": " : "; ")
            + "the frame size changes within the stream; frames were scaled to "
            + std::to_string(vi.codedWidth) + "x" + std::to_string(vi.codedHeight);
    }
    if (batch.frames.empty())
        return makeError(ErrorCode::Format,
            batch.warning.empty() ? "file " + d->demuxer->name() + ": no frame decoded" : batch.warning);
    return batch;
}

Expected<FrameBatch> VideoReader::readFramesAt(const std::vector<double> &seconds)
{
    std::vector<int64_t> indices;
    indices.reserve(seconds.size());
    for (double s : seconds) {
        if (!std::isfinite(s))
            return d->error(ErrorCode::InvalidArgument, "time is not a number");
        indices.push_back(frameAt(s));
    }
    return readFrames(indices);
}

} // namespace mplug2::media
