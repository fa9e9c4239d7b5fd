#include "media/core/bytesource.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mplug2::media {

namespace {

class FileSource final : public ByteSource {
public:
    FileSource(int fd, int64_t size, std::string name)
        : m_fd(fd)
        , m_size(size)
        , m_name(std::move(name))
    { }
    ~FileSource() override { ::close(m_fd); }
    FileSource(const FileSource &) = delete;
    FileSource &operator=(const FileSource &) = delete;

    const std::string &name() const override { return m_name; }
    int64_t size() const override { return m_size; }
    int64_t position() const override { return m_position; }

    int64_t read(uint8_t *buffer, int64_t count) override
    {
        if (count <= 0 || m_position >= m_size)
            return 0;
        for (;;) {
            const ssize_t n = ::pread(m_fd, buffer, static_cast<size_t>(count), m_position);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return -1;
            m_position += n;
            return n;
        }
    }

    bool seek(int64_t position) override
    {
        if (position < 0 || position > m_size)
            return false;
        m_position = position;
        return true;
    }

private:
    int m_fd;
    int64_t m_size;
    int64_t m_position = 0;
    std::string m_name;
};

class MemorySource final : public ByteSource {
public:
    MemorySource(std::vector<uint8_t> owned, const uint8_t *data, size_t size, std::string name)
        : m_owned(std::move(owned))
        , m_data(m_owned.empty() ? data : m_owned.data())
        , m_size(m_owned.empty() ? static_cast<int64_t>(size) : static_cast<int64_t>(m_owned.size()))
        , m_name(std::move(name))
    { }

    const std::string &name() const override { return m_name; }
    int64_t size() const override { return m_size; }
    int64_t position() const override { return m_position; }

    int64_t read(uint8_t *buffer, int64_t count) override
    {
        const int64_t n = std::min(count, m_size - m_position);
        if (n <= 0)
            return 0;
        std::memcpy(buffer, m_data + m_position, static_cast<size_t>(n));
        m_position += n;
        return n;
    }

    bool seek(int64_t position) override
    {
        if (position < 0 || position > m_size)
            return false;
        m_position = position;
        return true;
    }

private:
    std::vector<uint8_t> m_owned;
    const uint8_t *m_data;
    int64_t m_size;
    int64_t m_position = 0;
    std::string m_name;
};

} // namespace

Expected<std::unique_ptr<ByteSource>> ByteSource::openFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        return makeError(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
            "file " + path + ": cannot open (" + std::strerror(err) + ")");
    }
    struct stat st { };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::Unsupported,
            "file " + path + ": not a regular file (pipes, devices and folders are not read)");
    }
    return std::unique_ptr<ByteSource>(new FileSource(fd, static_cast<int64_t>(st.st_size), path));
}

std::unique_ptr<ByteSource> ByteSource::fromBytes(std::vector<uint8_t> bytes, std::string name)
{
    if (bytes.empty())
        return std::make_unique<MemorySource>(std::vector<uint8_t> {}, nullptr, 0, std::move(name));
    return std::make_unique<MemorySource>(std::move(bytes), nullptr, 0, std::move(name));
}

std::unique_ptr<ByteSource> ByteSource::viewBytes(const uint8_t *data, size_t size, std::string name)
{
    return std::make_unique<MemorySource>(std::vector<uint8_t> {}, data, size, std::move(name));
}

Expected<std::vector<uint8_t>> readAll(ByteSource &source, int64_t maxBytes)
{
    const int64_t size = source.size();
    if (size > maxBytes)
        return makeError(ErrorCode::LimitExceeded,
            "file " + source.name() + ": " + std::to_string(size) + " bytes, more than the limit of "
                + std::to_string(maxBytes));
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    if (!source.seek(0))
        return makeError(ErrorCode::Io, "file " + source.name() + ": cannot seek to the start");
    int64_t done = 0;
    while (done < size) {
        const int64_t n = source.read(bytes.data() + done, size - done);
        if (n < 0)
            return makeError(ErrorCode::Io, "file " + source.name() + ": read error");
        if (n == 0)
            break;
        done += n;
    }
    bytes.resize(static_cast<size_t>(done));
    return bytes;
}

} // namespace mplug2::media
