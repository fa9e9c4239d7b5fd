#pragma once
/// The central directory of a zip archive as torch.save writes it (entries
/// stored uncompressed, ZIP64 for big files), validated so that every entry's
/// bytes can be handed out as a zero-copy view: compressed or encrypted
/// entries, duplicate names, paths with `..`, overlapping entries and offsets
/// or sizes past the end are refused with a message naming the entry.
/// Torch-free; parses any byte span (the fuzzer feeds it memory).
///
///     auto zip = ZipArchive::parse(file->bytes(), file->path());
///     if (!zip) return zip.error();
///     if (const ZipEntry *e = zip->find("archive/data.pkl"))
///         std::span<const std::uint8_t> pickle = zip->view(*e);

#include "base/expected.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mplug2::model {

struct ZipEntry {
    std::string name;
    std::uint64_t dataOffset = 0; ///< first byte of the stored data in the archive
    std::uint64_t size = 0; ///< bytes of stored (= uncompressed) data
};

class ZipArchive {
public:
    static constexpr std::uint64_t kMaxEntries = 1u << 22;

    /// `displayName` (usually the path) names the file in error messages.
    static Expected<ZipArchive> parse(std::span<const std::uint8_t> bytes, const std::string &displayName);

    /// True when the bytes start like a zip archive (a local file header).
    static bool looksLikeZip(std::span<const std::uint8_t> bytes);

    const std::vector<ZipEntry> &entries() const { return m_entries; }
    const ZipEntry *find(std::string_view name) const;
    std::span<const std::uint8_t> view(const ZipEntry &entry) const;

private:
    std::span<const std::uint8_t> m_bytes;
    std::vector<ZipEntry> m_entries;
    std::unordered_map<std::string, size_t> m_byName;
};

} // namespace mplug2::model
