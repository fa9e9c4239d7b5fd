// libFuzzer target: the restricted unpickler and the tensor naming walk.
// Any input must parse or fail with an error value: no crash, no hang, no
// sanitizer report, bounded memory.
#include "model/checkpoint/checkpointformats.h"
#include "model/checkpoint/unpickler.h"

#include <cstddef>
#include <cstdint>

using namespace mplug2::model;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    UnpickleLimits limits;
    limits.maxNodes = 1u << 16; // keep each run small; the limits themselves are what is tested
    limits.maxStack = 1u << 16;
    limits.maxMemo = 1u << 16;
    limits.maxStringBytes = 1u << 20;
    auto graph = unpickle(std::span<const std::uint8_t>(data, size), "fuzz.pkl", limits);
    if (!graph)
        return 0;
    for (PickleId id = 0; id < graph->nodes.size(); ++id)
        (void)describePickleNode(*graph, id);
    std::vector<StoredStorage> storages;
    for (const PickledStorage &s : graph->storages)
        storages.push_back(StoredStorage {s.key, s.type, s.numel, 0, 0});
    const auto contents = detail::collectPickleTensors(*graph, std::move(storages), "fuzz.pkl");
    if (!contents)
        return 0;
    for (const StoredTensor &t : contents->tensors)
        (void)t.byteSize();
    return 0;
}
