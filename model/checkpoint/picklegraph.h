#pragma once
/// What the restricted unpickler builds: an arena of inert values that refer
/// to each other by index (so shared and even cyclic references cost nothing
/// and cannot leak), plus the storages and tensors that torch's pickles
/// describe. Nothing here was ever called: unknown classes and functions are
/// `Global` and `Object` placeholders that only remember their names and
/// arguments.
///
///     const PickleNode &root = graph.node(graph.root);
///     if (root.kind == PickleKind::Dict)
///         for (size_t i = 0; i + 1 < root.items.size(); i += 2) ...   // key, value

#include "model/checkpoint/elementtype.h"

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace mplug2::model {

using PickleId = std::uint32_t;
inline constexpr PickleId kNoPickleNode = std::numeric_limits<PickleId>::max();

enum class PickleKind : std::uint8_t {
    None,
    Bool,
    Int,
    BigInt, ///< an integer wider than 64 bits (value not kept)
    Float,
    String,
    Bytes,
    Tuple,
    List,
    Dict, ///< dict or OrderedDict; items = key, value, key, value, ...
    Set,
    Global, ///< a class or function named by the pickle (never imported)
    Object, ///< placeholder for a call, NEWOBJ or BUILD result (never run)
    Storage, ///< a torch storage (view); `first` indexes PickleGraph::storageViews
    Tensor, ///< a torch tensor; `first` indexes PickleGraph::tensors
};

/// Which of the globals that a state dict needs a Global node stands for.
enum class GlobalRole : std::uint8_t {
    Unknown,
    OrderedDict,
    RebuildTensor, ///< torch._utils._rebuild_tensor(_v2)
    RebuildParameter, ///< torch._utils._rebuild_parameter(_with_state)
    RebuildFromType, ///< torch._tensor._rebuild_from_type_v2
    StorageType, ///< torch.FloatStorage & co; `elementType` says which
};

struct PickleNode {
    PickleKind kind = PickleKind::None;
    GlobalRole role = GlobalRole::Unknown;
    ElementType elementType = ElementType::Float32;
    std::int64_t integer = 0; ///< Int, Bool
    double real = 0; ///< Float
    /// Object: the callable, its arguments and BUILD state; Tensor/Storage: index.
    PickleId first = kNoPickleNode;
    PickleId second = kNoPickleNode;
    PickleId third = kNoPickleNode;
    std::string text; ///< String; Global: "module.name"
    std::span<const std::uint8_t> bytes;
    /// Tuple/List/Set elements; Dict (and Object after SETITEM) key/value pairs.
    std::vector<PickleId> items;
};

/// One storage as torch.save names it ('storage', type, key, location, numel).
struct PickledStorage {
    std::string key;
    std::string location;
    ElementType type = ElementType::Float32;
    std::uint64_t numel = 0;
};

/// A window onto a storage (legacy files can pickle views of a root storage).
struct PickledStorageView {
    std::uint32_t storage = 0;
    std::uint64_t elementOffset = 0;
    std::uint64_t elementCount = 0;
};

struct PickledTensor {
    std::uint32_t storage = 0; ///< index into PickleGraph::storages
    std::uint64_t storageOffset = 0; ///< in elements, from the storage's start
    std::vector<std::int64_t> sizes;
    std::vector<std::int64_t> strides;
    /// Elements of the storage the tensor touches: max index + 1 (0 if empty).
    std::uint64_t extent = 0;
    ElementType type = ElementType::Float32;
};

struct PickleGraph {
    std::vector<PickleNode> nodes;
    std::vector<PickledStorage> storages;
    std::vector<PickledStorageView> storageViews;
    std::vector<PickledTensor> tensors;
    PickleId root = kNoPickleNode;
    /// Bytes the pickle took, STOP included (several pickles can follow each other).
    std::uint64_t byteLength = 0;

    const PickleNode &node(PickleId id) const { return nodes[id]; }
};

/// A short description of a value for people: "dict (12 items)", "int 3",
/// "argparse.Namespace (placeholder)", "tensor float16 [768, 3, 1, 14, 14]".
std::string describePickleNode(const PickleGraph &graph, PickleId id);

} // namespace mplug2::model
