#pragma once
/// Where the bytes of a media file come from. Readers never let FFmpeg or
/// OpenCV open paths themselves: they read through a ByteSource, so only
/// regular files (or memory) are ever touched, a demuxer cannot reach other
/// files or URLs named inside a file, and every read can be cut off by a
/// deadline.
///
///     auto src = ByteSource::openFile("/videos/cat.mp4");
///     if (!src) return src.error();
///     auto reader = VideoReader::open(std::move(*src));
///
/// Not thread-safe: one reader owns a source.

#include "base/expected.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mplug2::media {

class ByteSource {
public:
    virtual ~ByteSource() = default;

    /// The name used in messages (the path, or what the caller said).
    virtual const std::string &name() const = 0;
    /// Total size in bytes.
    virtual int64_t size() const = 0;
    /// Reads up to `count` bytes at the current position: the number read,
    /// 0 at the end, -1 on an I/O error.
    virtual int64_t read(uint8_t *buffer, int64_t count) = 0;
    /// Moves to an absolute position in [0, size()]; false when out of range.
    virtual bool seek(int64_t position) = 0;
    virtual int64_t position() const = 0;

    /// Opens a regular file for reading. Directories, pipes and devices are
    /// refused (a FIFO or /dev/zero would stall or never end).
    static Expected<std::unique_ptr<ByteSource>> openFile(const std::string &path);
    /// Bytes held by the source itself.
    static std::unique_ptr<ByteSource> fromBytes(std::vector<uint8_t> bytes, std::string name);
    /// Bytes owned by the caller, who keeps them alive while the source is used.
    static std::unique_ptr<ByteSource> viewBytes(const uint8_t *data, size_t size, std::string name);
};

/// Reads a whole source into memory, refusing sources larger than `maxBytes`.
Expected<std::vector<uint8_t>> readAll(ByteSource &source, int64_t maxBytes);

} // namespace mplug2::media
