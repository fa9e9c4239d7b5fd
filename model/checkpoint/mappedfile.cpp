#include "model/checkpoint/mappedfile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace mplug2::model {

namespace {

std::string systemReason() { return std::strerror(errno); }

/// Closes the descriptor unless ownership moved to a MappedFile.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

constexpr std::uint64_t kPageSize = 4096;

} // namespace

MappedFile::MappedFile(std::string path, int fd, std::uint8_t *data, std::uint64_t size)
    : m_path(std::move(path))
    , m_fd(fd)
    , m_data(data)
    , m_size(size)
{
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(m_data, m_size);
    if (m_fd >= 0)
        ::close(m_fd);
}

Expected<std::shared_ptr<MappedFile>> MappedFile::open(const std::string &path)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         "cannot open '" + path + "': " + systemReason());
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return makeError(ErrorCode::Io, "cannot read the size of '" + path + "': " + systemReason());
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::InvalidArgument, "'" + path + "' is not a regular file");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size == 0)
        return std::shared_ptr<MappedFile>(new MappedFile(path, fd.release(), nullptr, 0));
    // MAP_PRIVATE + PROT_WRITE: tensors aliasing the file may be written to
    // without changing it; MAP_NORESERVE because only touched pages are copied.
    void *data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE, fd.get(), 0);
    if (data == MAP_FAILED)
        return makeError(errno == ENOMEM ? ErrorCode::OutOfMemory : ErrorCode::Io,
                         "cannot map '" + path + "' into memory: " + systemReason());
    return std::shared_ptr<MappedFile>(
        new MappedFile(path, fd.release(), static_cast<std::uint8_t *>(data), size));
}

void MappedFile::adviseWillNeed(std::uint64_t offset, std::uint64_t length) const
{
    if (!m_data || offset >= m_size)
        return;
    const std::uint64_t start = offset / kPageSize * kPageSize;
    const std::uint64_t end = std::min(m_size, offset + std::min(length, m_size - offset));
    ::madvise(m_data + start, end - start, MADV_WILLNEED);
}

void MappedFile::adviseDontNeed(std::uint64_t offset, std::uint64_t length) const
{
    if (m_fd < 0 || offset >= m_size)
        return;
    const std::uint64_t start = offset / kPageSize * kPageSize;
    const std::uint64_t end = std::min(m_size, offset + std::min(length, m_size - offset));
    // Private copies made by writers would be lost by MADV_DONTNEED, so only
    // the page cache is asked to let go (for benchmarks that want cold reads).
    ::posix_fadvise(m_fd, static_cast<off_t>(start), static_cast<off_t>(end - start), POSIX_FADV_DONTNEED);
}

} // namespace mplug2::model
