#include "model/checkpoint/ziparchive.h"

#include "model/checkpoint/bytereader.h"
#include "model/checkpoint/zipformat.h"

#include <algorithm>

namespace mplug2::model {

namespace {

using namespace zipformat;

constexpr std::uint64_t kEndOfCentralDirSize = 22;
constexpr std::uint64_t kCentralHeaderSize = 46;
constexpr std::uint64_t kLocalHeaderSize = 30;

struct CentralDirectory {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::uint64_t entryCount = 0;
};

class ZipParser {
public:
    ZipParser(std::span<const std::uint8_t> bytes, const std::string &displayName)
        : m_bytes(bytes)
        , m_name(displayName)
    { }

    Error fail(const std::string &what) const
    {
        return makeError(ErrorCode::Format, "'" + m_name + "' is not a valid torch zip archive: " + what);
    }

    Expected<CentralDirectory> findCentralDirectory() const
    {
        if (m_bytes.size() < kEndOfCentralDirSize)
            return fail("the file is too short to hold a zip directory (truncated?)");
        // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
        const std::uint64_t last = m_bytes.size() - kEndOfCentralDirSize;
        const std::uint64_t first = last > 0xFFFF ? last - 0xFFFF : 0;
        for (std::uint64_t pos = last + 1; pos-- > first;) {
            ByteReader r(m_bytes, pos);
            std::uint32_t signature = 0;
            if (r.readU32(signature) && signature == kEndOfCentralDirSignature)
                return readEndRecord(pos);
        }
        return fail("no end-of-central-directory record (the file is truncated or not a zip archive)");
    }

    Expected<CentralDirectory> readEndRecord(std::uint64_t pos) const
    {
        ByteReader r(m_bytes, pos + 4);
        std::uint16_t disk = 0, cdDisk = 0, entriesOnDisk = 0, entries = 0, commentLength = 0;
        std::uint32_t cdSize = 0, cdOffset = 0;
        r.readU16(disk);
        r.readU16(cdDisk);
        r.readU16(entriesOnDisk);
        r.readU16(entries);
        r.readU32(cdSize);
        r.readU32(cdOffset);
        r.readU16(commentLength);
        if (disk != 0 || cdDisk != 0 || entriesOnDisk != entries)
            return fail("multi-volume archives are not supported");
        CentralDirectory cd {cdOffset, cdSize, entries};
        if (pos >= 20) {
            ByteReader locator(m_bytes, pos - 20);
            std::uint32_t signature = 0, zip64Disk = 0, diskCount = 0;
            std::uint64_t zip64EndOffset = 0;
            locator.readU32(signature);
            if (signature == kZip64LocatorSignature) {
                locator.readU32(zip64Disk);
                locator.readU64(zip64EndOffset);
                locator.readU32(diskCount);
                if (zip64Disk != 0 || diskCount > 1)
                    return fail("multi-volume archives are not supported");
                auto zip64 = readZip64EndRecord(zip64EndOffset, pos - 20);
                if (!zip64)
                    return zip64.error();
                cd = *zip64;
            }
        }
        std::uint64_t cdEnd = 0;
        if (!addWithinLimit(cd.offset, cd.size, cdEnd) || cdEnd > pos)
            return fail("the central directory lies outside the file (truncated?)");
        if (cd.entryCount > ZipArchive::kMaxEntries)
            return makeError(ErrorCode::LimitExceeded,
                "'" + m_name + "' claims " + std::to_string(cd.entryCount)
                    + " zip entries, more than the limit of " + std::to_string(ZipArchive::kMaxEntries));
        if (cd.entryCount * kCentralHeaderSize > cd.size)
            return fail(
                "the central directory is too small for its " + std::to_string(cd.entryCount) + " entries");
        return cd;
    }

    Expected<CentralDirectory> readZip64EndRecord(std::uint64_t offset, std::uint64_t limit) const
    {
        if (offset >= limit || limit - offset < 56)
            return fail("the ZIP64 end record lies outside the file");
        ByteReader r(m_bytes, offset);
        std::uint32_t signature = 0, disk = 0, cdDisk = 0;
        std::uint64_t recordSize = 0, entriesOnDisk = 0;
        std::uint16_t versionMade = 0, versionNeeded = 0;
        CentralDirectory cd;
        r.readU32(signature);
        r.readU64(recordSize);
        r.readU16(versionMade);
        r.readU16(versionNeeded);
        r.readU32(disk);
        r.readU32(cdDisk);
        r.readU64(entriesOnDisk);
        r.readU64(cd.entryCount);
        r.readU64(cd.size);
        r.readU64(cd.offset);
        if (signature != kZip64EndSignature)
            return fail("the ZIP64 end record has a bad signature");
        if (disk != 0 || cdDisk != 0 || entriesOnDisk != cd.entryCount)
            return fail("multi-volume archives are not supported");
        return cd;
    }

    Expected<std::vector<ZipEntry>> readEntries(const CentralDirectory &cd)
    {
        std::vector<ZipEntry> entries;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> spans; // [local header, data end)
        entries.reserve(static_cast<size_t>(cd.entryCount));
        spans.reserve(static_cast<size_t>(cd.entryCount));
        const auto directory = m_bytes.subspan(static_cast<size_t>(cd.offset), static_cast<size_t>(cd.size));
        ByteReader r(directory);
        for (std::uint64_t i = 0; i < cd.entryCount; ++i) {
            auto entry = readCentralHeader(r, cd.offset);
            if (!entry)
                return entry.error();
            spans.emplace_back(entry->second, entry->first.dataOffset + entry->first.size);
            entries.push_back(std::move(entry->first));
        }
        std::sort(spans.begin(), spans.end());
        for (size_t i = 1; i < spans.size(); ++i) {
            if (spans[i].first < spans[i - 1].second)
                return fail("two entries overlap (at byte " + std::to_string(spans[i].first) + ")");
        }
        return entries;
    }

private:
    /// One central header; returns the entry and the offset of its local header.
    Expected<std::pair<ZipEntry, std::uint64_t>> readCentralHeader(ByteReader &r, std::uint64_t dataLimit)
    {
        std::uint32_t signature = 0, crc = 0, compressedSize32 = 0, size32 = 0, externalAttributes = 0;
        std::uint32_t localOffset32 = 0;
        std::uint16_t versionMade = 0, versionNeeded = 0, flags = 0, method = 0, time = 0, date = 0;
        std::uint16_t nameLength = 0, extraLength = 0, commentLength = 0, diskStart = 0,
                      internalAttributes = 0;
        if (!r.readU32(signature) || signature != kCentralHeaderSignature)
            return fail("a central directory record is missing or damaged");
        r.readU16(versionMade);
        r.readU16(versionNeeded);
        r.readU16(flags);
        r.readU16(method);
        r.readU16(time);
        r.readU16(date);
        r.readU32(crc);
        r.readU32(compressedSize32);
        r.readU32(size32);
        r.readU16(nameLength);
        r.readU16(extraLength);
        r.readU16(commentLength);
        r.readU16(diskStart);
        r.readU16(internalAttributes);
        r.readU32(externalAttributes);
        if (!r.readU32(localOffset32))
            return fail("the central directory is truncated");
        std::string_view name;
        std::span<const std::uint8_t> extra;
        if (!r.readText(nameLength, name) || !r.readView(extraLength, extra) || !r.skip(commentLength))
            return fail("the central directory is truncated");
        const std::string entryName(name);
        if (auto bad = checkName(entryName); !bad.empty())
            return fail(bad);
        if (flags & 0x1)
            return fail("entry '" + entryName + "' is encrypted");
        if (method != 0)
            return fail("entry '" + entryName + "' is compressed (method " + std::to_string(method)
                + "); torch archives store entries uncompressed, so this file was repacked. "
                  "Re-save it with torch.save or store it without compression");

        std::uint64_t size = size32, compressedSize = compressedSize32, localOffset = localOffset32;
        ByteReader extraReader(extra);
        while (extraReader.remaining() >= 4) {
            std::uint16_t id = 0, length = 0;
            extraReader.readU16(id);
            extraReader.readU16(length);
            std::span<const std::uint8_t> field;
            if (!extraReader.readView(length, field))
                return fail("entry '" + entryName + "' has a damaged extra field");
            if (id != kZip64ExtraId)
                continue;
            ByteReader z(field);
            if ((size32 == 0xFFFFFFFF && !z.readU64(size))
                || (compressedSize32 == 0xFFFFFFFF && !z.readU64(compressedSize))
                || (localOffset32 == 0xFFFFFFFF && !z.readU64(localOffset)))
                return fail("entry '" + entryName + "' has a damaged ZIP64 field");
        }
        if (diskStart != 0 && diskStart != 0xFFFF)
            return fail("multi-volume archives are not supported");
        if (compressedSize != size)
            return fail("entry '" + entryName + "' declares different stored and real sizes");

        auto dataOffset = readLocalHeader(entryName, localOffset, method);
        if (!dataOffset)
            return dataOffset.error();
        std::uint64_t dataEnd = 0;
        if (!addWithinLimit(*dataOffset, size, dataEnd) || dataEnd > dataLimit)
            return fail("entry '" + entryName + "' claims " + std::to_string(size) + " bytes at offset "
                + std::to_string(*dataOffset) + ", past the end of its data area (file size "
                + std::to_string(m_bytes.size()) + "; truncated?)");
        return std::pair {ZipEntry {entryName, *dataOffset, size}, localOffset};
    }

    Expected<std::uint64_t> readLocalHeader(
        const std::string &name, std::uint64_t offset, std::uint16_t method) const
    {
        ByteReader r(m_bytes, offset);
        std::uint32_t signature = 0;
        if (offset >= m_bytes.size() || !r.readU32(signature) || signature != kLocalHeaderSignature)
            return fail("entry '" + name + "' points at " + std::to_string(offset)
                + ", where there is no local header");
        if (m_bytes.size() - offset < kLocalHeaderSize)
            return fail("the local header of entry '" + name + "' is truncated");
        std::uint16_t localMethod = 0, nameLength = 0, extraLength = 0;
        r.seek(offset + 8);
        r.readU16(localMethod);
        r.seek(offset + 26);
        r.readU16(nameLength);
        r.readU16(extraLength);
        std::string_view localName;
        if (!r.readText(nameLength, localName) || !r.skip(extraLength))
            return fail("the local header of entry '" + name + "' is truncated");
        if (localName != name || localMethod != method)
            return fail("the local header of entry '" + name + "' disagrees with the central directory");
        return r.position();
    }

    static std::string checkName(const std::string &name)
    {
        if (name.empty())
            return "an entry has an empty name";
        if (name.find('\0') != std::string::npos || name.find('\\') != std::string::npos)
            return "entry name '" + name + "' holds a NUL or backslash";
        if (name.front() == '/')
            return "entry name '" + name + "' is an absolute path";
        size_t start = 0;
        while (start <= name.size()) {
            const size_t end = std::min(name.find('/', start), name.size());
            if (name.compare(start, end - start, "..") == 0)
                return "entry name '" + name + "' climbs out of the archive with '..'";
            start = end + 1;
        }
        return {};
    }

    std::span<const std::uint8_t> m_bytes;
    const std::string &m_name;
};

} // namespace

bool ZipArchive::looksLikeZip(std::span<const std::uint8_t> bytes)
{
    ByteReader r(bytes);
    std::uint32_t signature = 0;
    return r.readU32(signature) && signature == kLocalHeaderSignature;
}

Expected<ZipArchive> ZipArchive::parse(std::span<const std::uint8_t> bytes, const std::string &displayName)
{
    ZipParser parser(bytes, displayName);
    auto cd = parser.findCentralDirectory();
    if (!cd)
        return cd.error();
    auto entries = parser.readEntries(*cd);
    if (!entries)
        return entries.error();
    ZipArchive archive;
    archive.m_bytes = bytes;
    archive.m_entries = std::move(*entries);
    for (size_t i = 0; i < archive.m_entries.size(); ++i) {
        if (!archive.m_byName.emplace(archive.m_entries[i].name, i).second)
            return parser.fail("entry '" + archive.m_entries[i].name + "' appears twice");
    }
    return archive;
}

const ZipEntry *ZipArchive::find(std::string_view name) const
{
    const auto it = m_byName.find(std::string(name));
    return it == m_byName.end() ? nullptr : &m_entries[it->second];
}

std::span<const std::uint8_t> ZipArchive::view(const ZipEntry &entry) const
{
    return m_bytes.subspan(static_cast<size_t>(entry.dataOffset), static_cast<size_t>(entry.size));
}

} // namespace mplug2::model
