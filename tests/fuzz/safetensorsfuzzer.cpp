// libFuzzer target: the safetensors reader alone (header length, JSON header,
// offsets), so the fuzzer spends its time there rather than on zip inputs.
#include "model/checkpoint/checkpointformats.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace mplug2::model;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto contents = detail::readSafetensors(std::span<const std::uint8_t>(data, size), "fuzz.safetensors");
    if (!contents)
        return 0;
    for (const StoredStorage &s : contents->storages) {
        if (s.fileOffset > size || s.byteSize > size - s.fileOffset)
            std::abort();
    }
    return 0;
}
