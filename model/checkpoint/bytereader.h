#pragma once
/// Bounds-checked little-endian reads from a byte span, for the checkpoint
/// parsers. Every read says whether the bytes were there; nothing reads past
/// the end, whatever the file claims.
///
///     ByteReader r(bytes);
///     std::uint32_t magic = 0;
///     if (!r.readU32(magic)) return truncated();

#include <cstdint>
#include <span>
#include <string_view>

namespace mplug2::model {

class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> bytes, std::uint64_t position = 0)
        : m_bytes(bytes)
        , m_position(position)
    { }

    std::uint64_t position() const { return m_position; }
    std::uint64_t size() const { return m_bytes.size(); }
    std::uint64_t remaining() const { return m_position <= m_bytes.size() ? m_bytes.size() - m_position : 0; }
    bool atEnd() const { return remaining() == 0; }
    void seek(std::uint64_t position) { m_position = position; }

    bool skip(std::uint64_t count)
    {
        if (count > remaining())
            return false;
        m_position += count;
        return true;
    }

    bool readU8(std::uint8_t &out) { return readLittleEndian(out); }
    bool readU16(std::uint16_t &out) { return readLittleEndian(out); }
    bool readU32(std::uint32_t &out) { return readLittleEndian(out); }
    bool readU64(std::uint64_t &out) { return readLittleEndian(out); }

    /// A view of the next `count` bytes (valid while the underlying span is).
    bool readView(std::uint64_t count, std::span<const std::uint8_t> &out)
    {
        if (count > remaining())
            return false;
        out = m_bytes.subspan(static_cast<size_t>(m_position), static_cast<size_t>(count));
        m_position += count;
        return true;
    }

    bool readText(std::uint64_t count, std::string_view &out)
    {
        std::span<const std::uint8_t> view;
        if (!readView(count, view))
            return false;
        out = std::string_view(reinterpret_cast<const char *>(view.data()), view.size());
        return true;
    }

private:
    template<typename T> bool readLittleEndian(T &out)
    {
        if (sizeof(T) > remaining())
            return false;
        T value = 0;
        for (size_t i = 0; i < sizeof(T); ++i)
            value |= static_cast<T>(static_cast<T>(m_bytes[static_cast<size_t>(m_position) + i]) << (8 * i));
        out = value;
        m_position += sizeof(T);
        return true;
    }

    std::span<const std::uint8_t> m_bytes;
    std::uint64_t m_position = 0;
};

/// Overflow-safe a + b and a * b for sizes declared by files.
inline bool addWithinLimit(std::uint64_t a, std::uint64_t b, std::uint64_t &out)
{
    return !__builtin_add_overflow(a, b, &out);
}
inline bool multiplyWithinLimit(std::uint64_t a, std::uint64_t b, std::uint64_t &out)
{
    return !__builtin_mul_overflow(a, b, &out);
}

} // namespace mplug2::model
