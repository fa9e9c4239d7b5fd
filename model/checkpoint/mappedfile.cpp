#include "model/checkpoint/mappedfile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mplug2::model {

namespace {

std::string systemReason()
{
    return std::strerror(errno);
}

/// Closes the descriptor on every path out (the mapping outlives it).
class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    { }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

constexpr std::uint64_t kPageSize = 4096;
#ifdef MADV_POPULATE_READ
constexpr int kPopulateRead = MADV_POPULATE_READ;
#else
constexpr int kPopulateRead = 22; // Linux >= 5.14; older kernels answer EINVAL
#endif

} // namespace

MappedFile::MappedFile(std::string path, std::uint8_t *data, std::uint64_t size)
    : m_path(std::move(path))
    , m_data(data)
    , m_size(size)
{ }

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(m_data, m_size);
}

Expected<std::shared_ptr<MappedFile>> MappedFile::open(const std::string &path)
{
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
            "cannot open '" + path + "': " + systemReason());
    struct stat st { };
    if (::fstat(fd.get(), &st) != 0)
        return makeError(ErrorCode::Io, "cannot read the size of '" + path + "': " + systemReason());
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::InvalidArgument, "'" + path + "' is not a regular file");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size == 0)
        return std::shared_ptr<MappedFile>(new MappedFile(path, nullptr, 0));
    // MAP_PRIVATE + PROT_WRITE: tensors aliasing the file may be written to
    // without changing it; MAP_NORESERVE because only touched pages are copied.
    void *data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE, fd.get(), 0);
    if (data == MAP_FAILED)
        return makeError(errno == ENOMEM ? ErrorCode::OutOfMemory : ErrorCode::Io,
            "cannot map '" + path + "' into memory: " + systemReason());
    return std::shared_ptr<MappedFile>(new MappedFile(path, static_cast<std::uint8_t *>(data), size));
}

void MappedFile::adviseWillNeed(std::uint64_t offset, std::uint64_t length) const
{
    if (!m_data || offset >= m_size)
        return;
    const std::uint64_t start = offset / kPageSize * kPageSize;
    const std::uint64_t end = std::min(m_size, offset + std::min(length, m_size - offset));
    // One call reads ahead at most the device's read-ahead window (Linux
    // force_page_cache_ra), so ask piece by piece to cover the whole range.
    constexpr std::uint64_t kPiece = 8u << 20;
    for (std::uint64_t at = start; at < end; at += kPiece)
        ::madvise(m_data + at, std::min(kPiece, end - at), MADV_WILLNEED);
}

bool MappedFile::populate(std::uint64_t offset, std::uint64_t length) const
{
    if (!m_data || offset >= m_size)
        return true;
    const std::uint64_t start = offset / kPageSize * kPageSize;
    const std::uint64_t end = std::min(m_size, offset + std::min(length, m_size - offset));
    return ::madvise(m_data + start, end - start, kPopulateRead) == 0;
}

void MappedFile::adviseRandomAccess(bool random) const
{
    if (m_data)
        ::madvise(m_data, m_size, random ? MADV_RANDOM : MADV_NORMAL);
}

} // namespace mplug2::model
