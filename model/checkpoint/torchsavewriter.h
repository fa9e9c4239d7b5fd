#pragma once
/// Writes checkpoints that torch.load reads: the zip format of PyTorch >= 1.6
/// (default) or the legacy pre-1.6 format, holding a top-level dict whose
/// entries are state dicts (OrderedDict name -> tensor), integers, or tensors
/// directly (flat files like the fixtures' expected_*.pth). Storage bytes are
/// streamed from fillers, so multi-GB files (the load benchmark's synthetic
/// checkpoint) never sit in memory; tensors may share a storage (tied
/// weights). Torch-free.
///
///     TorchSaveWriter w;
///     auto s = w.addStorage(ElementType::Float32, 6, filler);
///     w.addTensor("model", "fc.weight", s, {2, 3});
///     w.addInteger("epoch", 3);
///     auto sink = FileSink::create("out.pth");
///     w.writeZip(**sink);

#include "base/expected.h"
#include "model/checkpoint/bytesink.h"
#include "model/checkpoint/elementtype.h"
#include "model/checkpoint/zipwriter.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mplug2::model {

class TorchSaveWriter {
public:
    std::uint32_t addStorage(ElementType type, std::uint64_t numel, ChunkFiller fill);
    /// A storage holding a copy of `bytes` (numel = bytes / element size).
    std::uint32_t addStorage(ElementType type, std::span<const std::uint8_t> bytes);

    /// A tensor viewing `storage`; strides default to contiguous. An empty
    /// `entry` puts the tensor at the top level under `name`.
    void addTensor(const std::string &entry, const std::string &name, std::uint32_t storage,
        std::vector<std::int64_t> shape, std::vector<std::int64_t> strides = {},
        std::uint64_t storageOffset = 0);
    void addInteger(const std::string &entry, std::int64_t value);

    void writeZip(
        ByteSink &sink, const std::string &archiveName = "archive", ZipWriter::Options options = {}) const;
    void writeLegacy(ByteSink &sink) const;

    /// Whole files; errors name the path.
    Expected<void> writeZipFile(const std::string &path) const;
    Expected<void> writeLegacyFile(const std::string &path) const;

private:
    struct Storage {
        ElementType type;
        std::uint64_t numel;
        ChunkFiller fill;
    };
    struct Tensor {
        std::string name;
        std::uint32_t storage;
        std::vector<std::int64_t> shape;
        std::vector<std::int64_t> strides;
        std::uint64_t storageOffset;
    };
    struct Entry {
        std::string name;
        bool isInteger = false;
        bool isTensor = false; ///< a top-level tensor (tensors[0])
        std::int64_t integer = 0;
        std::vector<Tensor> tensors;
    };

    Entry &entry(const std::string &name);
    std::vector<std::uint8_t> pickle(bool legacy) const;
    std::vector<std::uint32_t> legacyStorageOrder() const;

    std::vector<Storage> m_storages;
    std::vector<Entry> m_entries;
};

} // namespace mplug2::model
