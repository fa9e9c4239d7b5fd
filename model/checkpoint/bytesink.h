#pragma once
/// Where the checkpoint writers put bytes: a file (streamed, so multi-GB
/// files never sit in memory) or a memory buffer (tests, fuzz seeds). Both
/// can patch bytes already written, for headers whose CRC is known only
/// after the data.
///
///     auto sink = FileSink::create("out.pth");
///     if (!sink) return sink.error();
///     (*sink)->write(bytes);
///     return (*sink)->finish();

#include "base/expected.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mplug2::model {

class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(std::span<const std::uint8_t> bytes) = 0;
    /// Overwrites bytes at an earlier position (not past the end).
    virtual void patch(std::uint64_t position, std::span<const std::uint8_t> bytes) = 0;
    virtual std::uint64_t position() const = 0;
    /// Flushes; reports the first error met since creation.
    virtual Expected<void> finish() = 0;
};

class MemorySink final : public ByteSink {
public:
    void write(std::span<const std::uint8_t> bytes) override;
    void patch(std::uint64_t position, std::span<const std::uint8_t> bytes) override;
    std::uint64_t position() const override { return m_bytes.size(); }
    Expected<void> finish() override { return {}; }

    std::vector<std::uint8_t> &bytes() { return m_bytes; }

private:
    std::vector<std::uint8_t> m_bytes;
};

class FileSink final : public ByteSink {
public:
    /// Creates (or truncates) the file; errors name it.
    static Expected<std::unique_ptr<FileSink>> create(const std::string &path);
    ~FileSink() override;

    void write(std::span<const std::uint8_t> bytes) override;
    void patch(std::uint64_t position, std::span<const std::uint8_t> bytes) override;
    std::uint64_t position() const override { return m_position; }
    Expected<void> finish() override;

private:
    FileSink(std::string path, std::FILE *file)
        : m_path(std::move(path))
        , m_file(file)
    { }
    void noteError(const char *what);

    std::string m_path;
    std::FILE *m_file = nullptr;
    std::uint64_t m_position = 0;
    std::string m_error;
};

} // namespace mplug2::model
