#include "model/checkpoint/tensormaterializer.h"

#include <cstring>
#include <optional>
#include <sys/mman.h>
#include <torch/torch.h>
#include <unistd.h>

namespace mplug2::model {

c10::ScalarType toScalarType(ElementType type)
{
    switch (type) {
    case ElementType::Float32:
        return at::kFloat;
    case ElementType::Float64:
        return at::kDouble;
    case ElementType::Float16:
        return at::kHalf;
    case ElementType::BFloat16:
        return at::kBFloat16;
    case ElementType::Int64:
        return at::kLong;
    case ElementType::Int32:
        return at::kInt;
    case ElementType::Int16:
        return at::kShort;
    case ElementType::Int8:
        return at::kChar;
    case ElementType::UInt8:
        return at::kByte;
    case ElementType::Bool:
        return at::kBool;
    case ElementType::Complex64:
        return at::kComplexFloat;
    case ElementType::Complex128:
        return at::kComplexDouble;
    }
    return at::kFloat;
}

std::optional<ElementType> elementTypeOf(c10::ScalarType type)
{
    for (int i = 0; i <= static_cast<int>(ElementType::Complex128); ++i) {
        if (toScalarType(static_cast<ElementType>(i)) == type)
            return static_cast<ElementType>(i);
    }
    return std::nullopt;
}

struct TensorMaterializer::StorageCache {
    std::vector<std::optional<at::Storage>> storages;
    std::vector<std::uint32_t> aliased; ///< storage indices that alias the file
};

TensorMaterializer::TensorMaterializer(const CheckpointIndex &index, Mode mode)
    : m_index(index)
    , m_mode(mode)
    , m_cache(std::make_unique<StorageCache>())
{
    m_cache->storages.resize(index.storages().size());
}

TensorMaterializer::~TensorMaterializer() = default;

namespace {

void releaseFileReference(void *context)
{
    delete static_cast<std::shared_ptr<MappedFile> *>(context);
}

at::Storage aliasFile(const std::shared_ptr<MappedFile> &file, const StoredStorage &s)
{
    void *data = file->writableData() + s.fileOffset;
    auto *owner = new std::shared_ptr<MappedFile>(file);
    c10::DataPtr pointer(data, owner, &releaseFileReference, c10::Device(c10::DeviceType::CPU));
    return at::Storage(c10::Storage::use_byte_size_t(), static_cast<std::int64_t>(s.byteSize),
        std::move(pointer),
        /*allocator=*/nullptr, /*resizable=*/false);
}

} // namespace

/// The file this tensor's storage aliases, or null.
const std::shared_ptr<MappedFile> *aliasedFile(const at::Tensor &tensor)
{
    if (!tensor.defined() || !tensor.has_storage())
        return nullptr;
    const c10::DataPtr &pointer = tensor.storage().data_ptr();
    if (pointer.get_deleter() != &releaseFileReference)
        return nullptr;
    return static_cast<const std::shared_ptr<MappedFile> *>(pointer.get_context());
}

void populateFilePages(const at::Tensor &tensor)
{
    if (const std::shared_ptr<MappedFile> *file = aliasedFile(tensor)) {
        const c10::Storage &storage = tensor.storage();
        const auto *data = static_cast<const std::uint8_t *>(storage.data());
        (*file)->populate(std::uint64_t(data - (*file)->writableData()), storage.nbytes());
    }
}

bool releaseFilePages(const at::Tensor &tensor)
{
    if (!aliasedFile(tensor))
        return false;
    const c10::Storage &storage = tensor.storage();
    static const std::uintptr_t page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(storage.data());
    const std::uintptr_t first = (begin + page - 1) / page * page; // whole pages of this storage only
    const std::uintptr_t last = (begin + storage.nbytes()) / page * page;
    if (last <= first)
        return false;
    return ::madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED) == 0;
}

namespace {

at::Storage copyBytes(std::span<const std::uint8_t> bytes, const StoredStorage &s)
{
    at::Tensor buffer
        = at::empty({static_cast<std::int64_t>(s.byteSize)}, at::TensorOptions().dtype(at::kByte));
    const std::uint8_t *source = bytes.data() + s.fileOffset;
    auto *target = buffer.data_ptr<std::uint8_t>();
    if (s.type == ElementType::Bool) {
        // Any byte but 0 or 1 in a bool tensor is undefined behaviour in torch.
        for (std::uint64_t i = 0; i < s.byteSize; ++i)
            target[i] = source[i] != 0;
    } else if (s.byteSize > 0) {
        std::memcpy(target, source, s.byteSize);
    }
    return buffer.storage();
}

} // namespace

void TensorMaterializer::waitUntilResident() const
{
    for (const std::uint32_t s : m_cache->aliased)
        m_index.file()->populate(m_index.storages()[s].fileOffset, m_index.storages()[s].byteSize);
}

Expected<at::Tensor> TensorMaterializer::materialize(std::uint32_t tensorIndex)
{
    if (tensorIndex >= m_index.tensors().size())
        return makeError(ErrorCode::InvalidArgument, "tensor index out of range");
    const StoredTensor &t = m_index.tensors()[tensorIndex];
    const StoredStorage &s = m_index.storages()[t.storage];
    try {
        auto &cached = m_cache->storages[t.storage];
        if (!cached) {
            const bool aligned = (s.fileOffset % static_cast<std::uint64_t>(elementSize(s.type))) == 0;
            const bool alias
                = m_mode == Mode::AliasFile && m_index.file() && aligned && s.type != ElementType::Bool;
            if (m_index.file())
                m_index.file()->adviseWillNeed(s.fileOffset, s.byteSize);
            cached = alias ? aliasFile(m_index.file(), s) : copyBytes(m_index.bytes(), s);
            if (alias)
                m_cache->aliased.push_back(t.storage);
            m_storageBytes += s.byteSize;
        }
        at::Tensor tensor = at::empty({0}, at::TensorOptions().dtype(toScalarType(t.type)));
        tensor.set_(*cached, static_cast<std::int64_t>(t.storageOffset), t.shape, t.strides);
        return tensor;
    } catch (const c10::Error &e) {
        return makeError(ErrorCode::Format,
            "'" + m_index.displayName() + "': tensor '" + t.name
                + "' cannot be built: " + e.what_without_backtrace());
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory,
            "'" + m_index.displayName() + "': out of memory reading tensor '" + t.name + "' ("
                + std::to_string(s.byteSize) + " bytes)");
    }
}

} // namespace mplug2::model
