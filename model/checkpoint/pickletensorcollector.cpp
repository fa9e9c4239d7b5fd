// Walks an unpickled torch.save object and names its tensors with dotted
// paths, the way state-dict keys read ("model.visual_encoder.visual.conv1.weight",
// "optimizer.state.3.exp_avg"). Each container is expanded once, so shared or
// cyclic references cannot blow up, the depth is capped, and so are the number
// of names and their total bytes: a list may still repeat one memoised tensor
// a million times under a long key.
#include "model/checkpoint/checkpointformats.h"

#include <unordered_set>

namespace mplug2::model::detail {

namespace {

constexpr int kMaxDepth = 64;

/// The text a dict key contributes to a name: strings and ints as they are,
/// anything else described in angle brackets.
std::string keyText(const PickleGraph &graph, PickleId key)
{
    const PickleNode &node = graph.node(key);
    if (node.kind == PickleKind::Int)
        return std::to_string(node.integer);
    std::string text = describePickleNode(graph, key);
    text.insert(text.begin(), '<'); // not "<" + text: GCC 12 warns falsely (bug 105651)
    text.push_back('>');
    return text;
}

class TensorCollector {
public:
    TensorCollector(const PickleGraph &graph, CheckpointContents &out)
        : m_graph(graph)
        , m_out(out)
        , m_expanded(graph.nodes.size(), false)
    { }

    /// Set once a limit was hit; the walk stops adding names from then on.
    const std::string &limitHit() const { return m_limitHit; }

    /// Walks one top-level entry; `key` names it (kNoPickleNode: the root itself).
    void collectEntry(PickleId key, PickleId value)
    {
        std::string name;
        if (key != kNoPickleNode && !join({}, key, name))
            return;
        const auto entry = static_cast<std::uint32_t>(m_out.entries.size());
        m_out.entries.push_back(TopLevelEntry {name, describePickleNode(m_graph, value), 0, 0});
        m_entry = entry;
        m_entryStorages.clear();
        m_prefixLength = name.empty() ? 0 : static_cast<std::uint32_t>(name.size() + 1);
        visit(name, value, 0);
    }

private:
    /// `prefix.key` into `out`, counted against the name budget (checked before
    /// anything is copied); false once the budget is spent.
    bool join(const std::string &prefix, PickleId key, std::string &out)
    {
        const PickleNode &node = m_graph.node(key);
        const std::string built = node.kind == PickleKind::String ? std::string() : keyText(m_graph, key);
        const std::string &text = node.kind == PickleKind::String ? node.text : built;
        return join(prefix, text, out);
    }

    bool join(const std::string &prefix, const std::string &key, std::string &out)
    {
        m_nameBytes += prefix.size() + 1 + key.size();
        if (m_nameBytes > kMaxTensorNameBytes) {
            m_limitHit = "tensor names of more than " + std::to_string(kMaxTensorNameBytes) + " bytes in all";
            return false;
        }
        out = prefix.empty() ? key : prefix + "." + key;
        return true;
    }

    void visitPairs(const std::string &prefix, const std::vector<PickleId> &items, int depth)
    {
        std::string name;
        for (std::size_t i = 0; i + 1 < items.size() && join(prefix, items[i], name); i += 2)
            visit(name, items[i + 1], depth + 1);
    }

    void visit(const std::string &name, PickleId id, int depth)
    {
        if (id >= m_graph.nodes.size() || depth > kMaxDepth || !m_limitHit.empty())
            return;
        const PickleNode &node = m_graph.node(id);
        if (node.kind == PickleKind::Tensor) {
            addTensor(name, m_graph.tensors[node.first]);
            return;
        }
        const bool container = node.kind == PickleKind::Dict || node.kind == PickleKind::List
            || node.kind == PickleKind::Tuple || node.kind == PickleKind::Object;
        if (!container || m_expanded[id])
            return;
        m_expanded[id] = true;
        switch (node.kind) {
        case PickleKind::Dict:
            visitPairs(name, node.items, depth);
            break;
        case PickleKind::List:
        case PickleKind::Tuple: {
            std::string item;
            for (std::size_t i = 0; i < node.items.size() && join(name, std::to_string(i), item); ++i)
                visit(item, node.items[i], depth + 1);
            break;
        }
        case PickleKind::Object:
            // A placeholder's SETITEM pairs (defaultdict) and BUILD state
            // (namespaces, configs) can hold tensors too.
            visitPairs(name, node.items, depth);
            if (node.third != kNoPickleNode)
                visit(name, node.third, depth + 1);
            break;
        default:
            break;
        }
    }

    void addTensor(const std::string &name, const PickledTensor &t)
    {
        if (m_out.tensors.size() >= kMaxTensorNames) {
            m_limitHit = "more than " + std::to_string(kMaxTensorNames) + " tensor names";
            return;
        }
        StoredTensor tensor;
        tensor.name = name;
        tensor.entry = m_entry;
        tensor.prefixLength = name.size() >= m_prefixLength ? m_prefixLength : 0;
        tensor.type = t.type;
        tensor.shape = t.sizes;
        tensor.strides = t.strides;
        tensor.storageOffset = t.storageOffset;
        tensor.storage = t.storage;
        TopLevelEntry &entry = m_out.entries[m_entry];
        ++entry.tensorCount;
        if (m_entryStorages.insert(t.storage).second && t.storage < m_out.storages.size())
            entry.tensorBytes += m_out.storages[t.storage].byteSize;
        m_out.tensors.push_back(std::move(tensor));
    }

    const PickleGraph &m_graph;
    CheckpointContents &m_out;
    std::vector<bool> m_expanded;
    std::string m_limitHit;
    std::uint64_t m_nameBytes = 0;
    std::unordered_set<std::uint32_t> m_entryStorages;
    std::uint32_t m_entry = 0;
    std::uint32_t m_prefixLength = 0;
};

} // namespace

Expected<CheckpointContents> collectPickleTensors(
    const PickleGraph &graph, std::vector<StoredStorage> storages, const std::string &name)
{
    CheckpointContents out;
    out.storages = std::move(storages);
    TensorCollector collector(graph, out);
    const PickleNode &root = graph.node(graph.root);
    if (root.kind == PickleKind::Dict) {
        for (std::size_t i = 0; i + 1 < root.items.size() && collector.limitHit().empty(); i += 2)
            collector.collectEntry(root.items[i], root.items[i + 1]);
    } else {
        collector.collectEntry(kNoPickleNode, graph.root);
    }
    if (!collector.limitHit().empty())
        return makeError(ErrorCode::LimitExceeded,
            "'" + name + "': " + collector.limitHit() + " (repeated references to one object?)");
    return out;
}

} // namespace mplug2::model::detail
