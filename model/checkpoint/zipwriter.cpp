#include "model/checkpoint/zipwriter.h"

#include "model/checkpoint/zipformat.h"

#include <algorithm>
#include <array>

namespace mplug2::model {

namespace {

using namespace zipformat;

constexpr std::uint16_t kPaddingExtraId = 0x4246; // "FB", the id torch's writer uses
constexpr std::uint64_t kChunk = 4u << 20;

/// Little-endian field builder.
class Fields {
public:
    Fields &u16(std::uint64_t v) { return put(v, 2); }
    Fields &u32(std::uint64_t v) { return put(v, 4); }
    Fields &u64(std::uint64_t v) { return put(v, 8); }
    Fields &text(const std::string &s)
    {
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
        return *this;
    }
    Fields &zeros(std::size_t n)
    {
        m_bytes.insert(m_bytes.end(), n, 0);
        return *this;
    }
    std::span<const std::uint8_t> bytes() const { return m_bytes; }
    std::size_t size() const { return m_bytes.size(); }

private:
    Fields &put(std::uint64_t v, int n)
    {
        for (int i = 0; i < n; ++i)
            m_bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
        return *this;
    }
    std::vector<std::uint8_t> m_bytes;
};

const std::array<std::uint32_t, 256> &crcTable()
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t {};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    return table;
}

} // namespace

std::uint32_t crc32Update(std::uint32_t crc, std::span<const std::uint8_t> bytes)
{
    const auto &table = crcTable();
    crc = ~crc;
    for (const std::uint8_t b : bytes)
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

void ZipWriter::addEntry(const std::string &name, std::span<const std::uint8_t> data)
{
    addEntry(name, data.size(), [data](std::uint64_t offset, std::span<std::uint8_t> chunk) {
        std::copy_n(data.begin() + static_cast<std::ptrdiff_t>(offset), chunk.size(), chunk.begin());
    });
}

void ZipWriter::addEntry(const std::string &name, std::uint64_t size, const ChunkFiller &fill)
{
    const bool zip64 = m_options.forceZip64 || size >= kMax32;
    Written entry {name, m_sink.position(), size, 0};
    Fields header;
    header.u32(kLocalHeaderSignature).u16(zip64 ? 45 : 20).u16(0).u16(0).u16(0).u16(0x21);
    const std::size_t crcField = header.size();
    header.u32(0).u32(zip64 ? kMax32 : size).u32(zip64 ? kMax32 : size).u16(name.size());
    const std::size_t extraLengthField = header.size();
    header.u16(0).text(name);
    std::size_t extraLength = 0;
    if (zip64) {
        header.u16(kZip64ExtraId).u16(16).u64(size).u64(size);
        extraLength += 20;
    }
    if (m_options.alignment > 1) {
        const std::uint64_t unaligned = entry.localHeaderOffset + header.size() + 4;
        const std::uint64_t pad
            = (m_options.alignment - unaligned % m_options.alignment) % m_options.alignment;
        header.u16(kPaddingExtraId).u16(pad).zeros(pad);
        extraLength += 4 + pad;
    }
    std::vector<std::uint8_t> bytes(header.bytes().begin(), header.bytes().end());
    bytes[extraLengthField] = static_cast<std::uint8_t>(extraLength);
    bytes[extraLengthField + 1] = static_cast<std::uint8_t>(extraLength >> 8);
    m_sink.write(bytes);

    std::vector<std::uint8_t> chunk(static_cast<std::size_t>(std::min(size, kChunk)));
    for (std::uint64_t offset = 0; offset < size; offset += chunk.size()) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), size - offset));
        const std::span<std::uint8_t> part(chunk.data(), n);
        fill(offset, part);
        entry.crc = crc32Update(entry.crc, part);
        m_sink.write(part);
    }
    Fields crc;
    crc.u32(entry.crc);
    m_sink.patch(entry.localHeaderOffset + crcField, crc.bytes());
    m_entries.push_back(std::move(entry));
}

void ZipWriter::finish()
{
    const std::uint64_t cdOffset = m_sink.position();
    for (const Written &e : m_entries) {
        const bool bigSize = m_options.forceZip64 || e.size >= kMax32;
        const bool bigOffset = m_options.forceZip64 || e.localHeaderOffset >= kMax32;
        Fields extra;
        if (bigSize)
            extra.u64(e.size).u64(e.size);
        if (bigOffset)
            extra.u64(e.localHeaderOffset);
        Fields header;
        header.u32(kCentralHeaderSignature)
            .u16(bigSize || bigOffset ? 45 : 20)
            .u16(bigSize || bigOffset ? 45 : 20);
        header.u16(0).u16(0).u16(0).u16(0x21).u32(e.crc);
        header.u32(bigSize ? kMax32 : e.size).u32(bigSize ? kMax32 : e.size).u16(e.name.size());
        header.u16(extra.size() ? extra.size() + 4 : 0).u16(0).u16(0).u16(0).u32(0);
        header.u32(bigOffset ? kMax32 : e.localHeaderOffset).text(e.name);
        if (extra.size())
            header.u16(kZip64ExtraId).u16(extra.size());
        m_sink.write(header.bytes());
        m_sink.write(extra.bytes());
    }
    const std::uint64_t cdSize = m_sink.position() - cdOffset;
    const bool zip64
        = m_options.forceZip64 || m_entries.size() >= 0xFFFF || cdOffset >= kMax32 || cdSize >= kMax32;
    Fields end;
    if (zip64) {
        const std::uint64_t zip64End = m_sink.position();
        end.u32(kZip64EndSignature).u64(44).u16(45).u16(45).u32(0).u32(0);
        end.u64(m_entries.size()).u64(m_entries.size()).u64(cdSize).u64(cdOffset);
        end.u32(kZip64LocatorSignature).u32(0).u64(zip64End).u32(1);
    }
    const std::uint64_t count = zip64 ? 0xFFFF : m_entries.size();
    end.u32(kEndOfCentralDirSignature).u16(0).u16(0).u16(count).u16(count);
    end.u32(zip64 ? kMax32 : cdSize).u32(zip64 ? kMax32 : cdOffset).u16(0);
    m_sink.write(end.bytes());
}

} // namespace mplug2::model
