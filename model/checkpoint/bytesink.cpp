#include "model/checkpoint/bytesink.h"

#include <cerrno>
#include <cstring>

namespace mplug2::model {

void MemorySink::write(std::span<const std::uint8_t> bytes)
{
    m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end());
}

void MemorySink::patch(std::uint64_t position, std::span<const std::uint8_t> bytes)
{
    if (position <= m_bytes.size() && bytes.size() <= m_bytes.size() - position)
        std::memcpy(m_bytes.data() + position, bytes.data(), bytes.size());
}

Expected<std::unique_ptr<FileSink>> FileSink::create(const std::string &path)
{
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file)
        return makeError(ErrorCode::Io, "cannot create '" + path + "': " + std::strerror(errno));
    return std::unique_ptr<FileSink>(new FileSink(path, file));
}

FileSink::~FileSink()
{
    if (m_file)
        std::fclose(m_file);
}

void FileSink::noteError(const char *what)
{
    if (m_error.empty())
        m_error = std::string(what) + " '" + m_path + "' failed: " + std::strerror(errno);
}

void FileSink::write(std::span<const std::uint8_t> bytes)
{
    if (!m_error.empty() || bytes.empty())
        return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
        noteError("writing");
    m_position += bytes.size();
}

void FileSink::patch(std::uint64_t position, std::span<const std::uint8_t> bytes)
{
    if (!m_error.empty())
        return;
    if (::fseeko(m_file, static_cast<off_t>(position), SEEK_SET) != 0
        || std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size()
        || ::fseeko(m_file, static_cast<off_t>(m_position), SEEK_SET) != 0)
        noteError("writing");
}

Expected<void> FileSink::finish()
{
    if (m_file && std::fclose(m_file) != 0)
        noteError("closing");
    m_file = nullptr;
    if (!m_error.empty())
        return makeError(ErrorCode::Io, m_error);
    return {};
}

} // namespace mplug2::model
