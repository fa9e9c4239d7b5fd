#pragma once
/// A restricted unpickler for torch.save pickles (protocols 2-5). It executes
/// nothing: it knows the handful of globals a state dict needs
/// (collections.OrderedDict, torch._utils._rebuild_tensor_v2 and
/// _rebuild_parameter, torch._tensor._rebuild_from_type_v2, the
/// torch.*Storage types) and turns every other global, call, NEWOBJ or BUILD
/// into an inert placeholder, so unknown objects in 'config' or 'optimizer'
/// do not stop 'model' from loading. Opcode count, nodes, stack, memo, marks,
/// string bytes and every declared length are bounded; a violation is a
/// clear error. Torch-free (fuzzed on its own).
///
///     auto graph = unpickle(zip.view(*dataPkl), path);
///     if (!graph) return graph.error();
///     describePickleNode(*graph, graph->root);   // "dict (1 items)"

#include "base/expected.h"
#include "model/checkpoint/picklegraph.h"

#include <cstdint>
#include <span>
#include <string>

namespace mplug2::model {

struct UnpickleLimits {
    std::uint64_t maxOps = 1ull << 27;
    std::uint64_t maxNodes = 1ull << 21;
    std::uint64_t maxStack = 1ull << 21;
    std::uint64_t maxMemo = 1ull << 21;
    std::uint64_t maxMarks = 4096;
    std::uint64_t maxStringBytes = 256ull << 20;
    std::uint64_t maxLineBytes = 4096;
    std::uint32_t maxTensorDims = 64;

    static UnpickleLimits defaultLimits() { return {}; }
};

/// Parses one pickle. `displayName` names the file in error messages. The
/// graph's Bytes nodes view `data`, which must outlive it.
Expected<PickleGraph> unpickle(std::span<const std::uint8_t> data, const std::string &displayName,
    const UnpickleLimits &limits = UnpickleLimits::defaultLimits());

} // namespace mplug2::model
