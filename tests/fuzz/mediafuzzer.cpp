// libFuzzer target over the media readers: arbitrary bytes are opened,
// probed, sampled and decoded from memory (a ByteSource over the input, as
// FFmpeg never sees a path). The first byte picks what to exercise. Any
// crash, sanitizer report, hang past the deadline or broken invariant is a
// finding.
//
//   build/fuzz/bin/media-fuzzer -max_len=65536 -timeout=10 -rss_limit_mb=2048 CORPUS
#include "media/image/imageheader.h"
#include "media/image/imagereader.h"
#include "media/preprocess/testtransforms.h"
#include "media/sampling/clipsampler.h"
#include "media/video/videoreader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace mplug2::media;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "media-fuzzer: invariant broken: %s\n", what);
        std::abort();
    }
}

MediaLimits fuzzLimits()
{
    MediaLimits limits;
    limits.maxSide = 1024;
    limits.maxFrames = 100000;
    limits.deadline = std::chrono::milliseconds(2000);
    limits.maxPacketsPerFrame = 600;
    limits.maxBatchBytes = 64 << 20;
    limits.maxImageFileBytes = 1 << 20;
    return limits;
}

void fuzzVideo(const uint8_t *data, size_t size, unsigned options)
{
    const MediaLimits limits = fuzzLimits();
    auto reader = VideoReader::open(ByteSource::viewBytes(data, size, "fuzz.bin"), limits, 1);
    if (!reader)
        return;
    const VideoInfo &info = reader->info();
    check(info.width > 0 && info.height > 0, "frame size is positive");
    check(info.width <= limits.maxSide && info.height <= limits.maxSide, "frame size within the limit");
    check(info.frameCount > 0 && info.frameCount <= limits.maxFrames, "frame count within the limit");
    const int numFrames = 1 + static_cast<int>(options % 8);
    const SamplingRule rule = (options & 0x10) ? SamplingRule::UniformTime : SamplingRule::Middle;
    auto clip = sampleClip(*reader, numFrames, rule);
    if (clip) {
        check(!clip->frames.empty(), "a successful read has frames");
        for (const VideoFrame &f : clip->frames) {
            check(
                f.image.width == info.width && f.image.height == info.height, "frames have the probed size");
            check(f.image.pixels.size() == size_t(f.image.width) * f.image.height * 3, "pixel buffer size");
            check(f.index >= 0 && f.index < info.frameCount, "frame index in range");
        }
        if (options & 0x20) {
            auto pixels = videoTestTransform(framesOf(*clip), 16);
            check(bool(pixels), "transform of decoded frames");
        }
    }
    if (options & 0x40) {
        auto again = reader->readFrames({info.frameCount - 1, 0, info.frameCount / 2});
        (void)again;
    }
}

void fuzzImage(const uint8_t *data, size_t size)
{
    auto header = readImageHeader(data, size);
    if (header)
        check(header->width > 0 && header->height > 0, "header size is positive");
    auto source = ByteSource::viewBytes(data, size, "fuzz.img");
    auto picture = readImage(*source, fuzzLimits());
    if (!picture)
        return;
    check(header.hasValue(), "a decoded picture had a readable header");
    check(!picture->image.empty(), "decoded picture is not empty");
    check(picture->image.width <= 1024 && picture->image.height <= 1024, "picture within the limit");
    auto pixels = imageTestTransform(picture->image, 8);
    check(bool(pixels), "transform of a decoded picture");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const unsigned options = data[0];
    if (options & 0x80)
        fuzzImage(data + 1, size - 1);
    else
        fuzzVideo(data + 1, size - 1, options);
    return 0;
}
