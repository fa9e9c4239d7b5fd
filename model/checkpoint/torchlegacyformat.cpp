// torch.save's legacy format (PyTorch < 1.6, or _use_new_zipfile_serialization
// =False): five pickles back to back (magic number, protocol version, system
// info, the object, the sorted storage keys), then each storage as an int64
// element count followed by its raw bytes, in key order.
#include "model/checkpoint/bytereader.h"
#include "model/checkpoint/checkpointformats.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace mplug2::model::detail {

namespace {

// pickle.dumps(0x1950a86a20f9469cfc6c) after the PROTO opcode.
constexpr std::array<std::uint8_t, 13> kMagicPickle
    = {0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e};
constexpr std::int64_t kProtocolVersion = 1001;

Error legacyFormatError(const std::string &name, const std::string &what)
{
    return makeError(ErrorCode::Format, "'" + name + "' (legacy torch format): " + what);
}

bool isLittleEndian(const PickleGraph &sysInfo)
{
    const PickleNode &root = sysInfo.node(sysInfo.root);
    if (root.kind != PickleKind::Dict)
        return true;
    for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
        const PickleNode &key = sysInfo.node(root.items[i]);
        const PickleNode &value = sysInfo.node(root.items[i + 1]);
        if (key.kind == PickleKind::String && key.text == "little_endian")
            return value.kind != PickleKind::Bool || value.integer != 0;
    }
    return true;
}

} // namespace

Expected<CheckpointContents> readTorchLegacy(
    std::span<const std::uint8_t> bytes, const std::string &name, const UnpickleLimits &limits)
{
    if (bytes.size() < 2 + kMagicPickle.size()
        || !std::equal(kMagicPickle.begin(), kMagicPickle.end(), bytes.begin() + 2))
        return makeError(ErrorCode::Format,
            "'" + name
                + "' starts with a pickle but not with torch.save's magic "
                  "number: not a torch checkpoint");
    std::uint64_t offset = 2 + kMagicPickle.size();

    auto next = [&](const char *what) -> Expected<PickleGraph> {
        auto graph
            = unpickle(bytes.subspan(static_cast<std::size_t>(offset)), name + " (" + what + ")", limits);
        if (graph)
            offset += graph->byteLength;
        return graph;
    };
    auto version = next("protocol version");
    if (!version)
        return version.error();
    const PickleNode &versionNode = version->node(version->root);
    if (versionNode.kind != PickleKind::Int || versionNode.integer != kProtocolVersion)
        return makeError(
            ErrorCode::Unsupported, "'" + name + "' uses a legacy torch protocol other than 1001");
    auto sysInfo = next("system info");
    if (!sysInfo)
        return sysInfo.error();
    if (!isLittleEndian(*sysInfo))
        return makeError(ErrorCode::Unsupported, "'" + name + "' was saved on a big-endian machine");
    auto graph = next("object");
    if (!graph)
        return graph.error();
    auto keys = next("storage keys");
    if (!keys)
        return keys.error();
    const PickleNode &keyList = keys->node(keys->root);
    if (keyList.kind != PickleKind::List)
        return legacyFormatError(name, "the storage key list is missing");

    std::unordered_map<std::string, std::uint32_t> storageByKey;
    for (std::uint32_t i = 0; i < graph->storages.size(); ++i)
        storageByKey.emplace(graph->storages[i].key, i);
    std::vector<StoredStorage> storages(graph->storages.size());
    std::vector<bool> found(graph->storages.size(), false);
    ByteReader reader(bytes, offset);
    for (const PickleId keyId : keyList.items) {
        const PickleNode &key = keys->node(keyId);
        if (key.kind != PickleKind::String)
            return legacyFormatError(name, "a storage key is not a string");
        const auto it = storageByKey.find(key.text);
        if (it == storageByKey.end() || found[it->second])
            return legacyFormatError(name, "storage key '" + key.text + "' is unknown or listed twice");
        const PickledStorage &s = graph->storages[it->second];
        std::uint64_t numel = 0, byteSize = 0;
        if (!reader.readU64(numel))
            return legacyFormatError(name, "the data of storage '" + key.text + "' is missing (truncated?)");
        if (numel != s.numel
            || !multiplyWithinLimit(numel, static_cast<std::uint64_t>(elementSize(s.type)), byteSize)
            || byteSize > reader.remaining())
            return legacyFormatError(name,
                "storage '" + key.text + "' claims " + std::to_string(numel) + " elements ("
                    + std::to_string(s.numel) + " in the pickle), but " + std::to_string(reader.remaining())
                    + " bytes remain (truncated?)");
        storages[it->second] = StoredStorage {s.key, s.type, s.numel, reader.position(), byteSize};
        found[it->second] = true;
        reader.skip(byteSize);
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (!found[i])
            return legacyFormatError(name, "storage '" + graph->storages[i].key + "' has no data");
    }
    return collectPickleTensors(*graph, std::move(storages), name);
}

} // namespace mplug2::model::detail
