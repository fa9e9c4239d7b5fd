// libFuzzer target: checkpoint files as CheckpointIndex::parse sees them
// (zip archive + pickle, legacy format, safetensors) and the key selection.
// Every offset handed out must lie inside the input.
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/weightselection.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace mplug2::model;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    UnpickleLimits limits;
    limits.maxNodes = 1u << 16;
    limits.maxStack = 1u << 16;
    limits.maxMemo = 1u << 16;
    limits.maxStringBytes = 1u << 20;
    auto index = CheckpointIndex::parse(std::span<const std::uint8_t>(data, size), "fuzz.pth", limits);
    if (!index)
        return 0;
    for (const StoredStorage &s : index->storages()) {
        if (s.fileOffset > size || s.byteSize > size - s.fileOffset)
            std::abort(); // a storage outside the file would be a bug
    }
    for (const StoredTensor &t : index->tensors()) {
        const StoredStorage &s = index->storages().at(t.storage);
        if (t.numel() == 0)
            continue;
        std::uint64_t last = t.storageOffset; // the parsers guarantee this cannot overflow
        for (std::size_t d = 0; d < t.shape.size(); ++d)
            last += static_cast<std::uint64_t>(t.shape[d] - 1) * static_cast<std::uint64_t>(t.strides[d]);
        if ((last + 1) * static_cast<std::uint64_t>(elementSize(t.type)) > s.byteSize)
            std::abort(); // an element outside its storage
    }
    (void)selectModelWeights(*index, true);
    (void)selectModelWeights(*index, false);
    return 0;
}
