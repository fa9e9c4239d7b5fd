#pragma once
/// Writes a zip archive the way torch.save does: entries stored uncompressed,
/// data aligned to 64 bytes (so readers can map tensors in place), CRC-32 on
/// every entry, ZIP64 records when offsets or sizes need them (or always,
/// with `forceZip64`, to exercise readers on small files). Entries can be
/// streamed chunk by chunk, so multi-GB archives never sit in memory.
///
///     MemorySink sink;
///     ZipWriter zip(sink);
///     zip.addEntry("archive/version", bytesOf("3\n"));
///     zip.finish();

#include "model/checkpoint/bytesink.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace mplug2::model {

/// Fills `chunk` with the bytes of an entry starting at `offset`.
using ChunkFiller = std::function<void(std::uint64_t offset, std::span<std::uint8_t> chunk)>;

std::uint32_t crc32Update(std::uint32_t crc, std::span<const std::uint8_t> bytes);

class ZipWriter {
public:
    struct Options {
        bool forceZip64 = false;
        std::uint32_t alignment = 64;
    };

    explicit ZipWriter(ByteSink &sink)
        : ZipWriter(sink, Options {})
    { }
    ZipWriter(ByteSink &sink, Options options)
        : m_sink(sink)
        , m_options(options)
    { }

    void addEntry(const std::string &name, std::span<const std::uint8_t> data);
    void addEntry(const std::string &name, std::uint64_t size, const ChunkFiller &fill);
    /// Writes the central directory and end records.
    void finish();

private:
    struct Written {
        std::string name;
        std::uint64_t localHeaderOffset = 0;
        std::uint64_t size = 0;
        std::uint32_t crc = 0;
    };

    ByteSink &m_sink;
    Options m_options;
    std::vector<Written> m_entries;
};

} // namespace mplug2::model
