#include "model/checkpoint/picklegraph.h"

namespace mplug2::model {

namespace {

std::string shapeText(const std::vector<std::int64_t> &sizes)
{
    std::string out = "[";
    for (std::size_t i = 0; i < sizes.size(); ++i)
        out += (i ? ", " : "") + std::to_string(sizes[i]);
    return out + "]";
}

std::string countText(const PickleNode &node, const char *what, std::size_t divisor = 1)
{
    return std::string(what) + " (" + std::to_string(node.items.size() / divisor) + " items)";
}

} // namespace

std::string describePickleNode(const PickleGraph &graph, PickleId id)
{
    if (id >= graph.nodes.size())
        return "nothing";
    const PickleNode &node = graph.node(id);
    switch (node.kind) {
    case PickleKind::None:
        return "None";
    case PickleKind::Bool:
        return node.integer ? "True" : "False";
    case PickleKind::Int:
        return "int " + std::to_string(node.integer);
    case PickleKind::BigInt:
        return "int (wider than 64 bits)";
    case PickleKind::Float:
        return "float " + std::to_string(node.real);
    case PickleKind::String:
        return node.text.size() <= 40 ? "str '" + node.text + "'"
                                      : "str (" + std::to_string(node.text.size()) + " bytes)";
    case PickleKind::Bytes:
        return "bytes (" + std::to_string(node.bytes.size()) + ")";
    case PickleKind::Tuple:
        return countText(node, "tuple");
    case PickleKind::List:
        return countText(node, "list");
    case PickleKind::Dict:
        return countText(node, "dict", 2);
    case PickleKind::Set:
        return countText(node, "set");
    case PickleKind::Global:
        return node.text + " (class or function, not loaded)";
    case PickleKind::Object: {
        std::string type = "object";
        if (node.first < graph.nodes.size() && graph.node(node.first).kind == PickleKind::Global)
            type = graph.node(node.first).text;
        return type + " (placeholder, not run)";
    }
    case PickleKind::Storage:
        return "storage";
    case PickleKind::Tensor: {
        const PickledTensor &t = graph.tensors[node.first];
        return std::string("tensor ") + elementTypeName(t.type) + " " + shapeText(t.sizes);
    }
    }
    return "unknown";
}

} // namespace mplug2::model
