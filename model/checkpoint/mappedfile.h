#pragma once
/// A whole file mapped into memory, read-only for parsers and copy-on-write
/// for tensors that alias it: a tensor built on the mapping can be modified
/// in place without touching the file (the touched pages get private copies).
/// Shared by everything that views it; the mapping lives as long as the last
/// holder. Thread-safe to read from several threads.
///
///     auto file = MappedFile::open("caption.pth");
///     if (!file) return file.error();
///     std::span<const std::uint8_t> bytes = (*file)->bytes();

#include "base/expected.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace mplug2::model {

class MappedFile {
public:
    /// Maps a regular file; errors name the file and the system's reason.
    static Expected<std::shared_ptr<MappedFile>> open(const std::string &path);

    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    const std::string &path() const { return m_path; }
    std::uint64_t size() const { return m_size; }
    std::span<const std::uint8_t> bytes() const { return {m_data, static_cast<size_t>(m_size)}; }
    /// Copy-on-write view of the same bytes, for tensors that alias the file.
    std::uint8_t *writableData() const { return m_data; }

    /// Asks the kernel to start reading this range in the background.
    void adviseWillNeed(std::uint64_t offset, std::uint64_t length) const;
    /// Reads the range in and maps it (MADV_POPULATE_READ), so later reads
    /// take no page faults; false where the kernel cannot (then pages fault
    /// in on first use). Pair with adviseWillNeed() for parallel I/O.
    bool populate(std::uint64_t offset, std::uint64_t length) const;
    /// Random access: a page fault reads only its page, not the usual
    /// read-around window (which can be megabytes of tensor data around
    /// each scattered zip header); readers then ask for exact ranges with
    /// adviseWillNeed(). Off again: normal read-around.
    void adviseRandomAccess(bool random) const;

private:
    MappedFile(std::string path, std::uint8_t *data, std::uint64_t size);

    std::string m_path;
    std::uint8_t *m_data = nullptr;
    std::uint64_t m_size = 0;
};

} // namespace mplug2::model
