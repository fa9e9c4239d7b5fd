// torch.save's zip format (PyTorch >= 1.6): <archive>/data.pkl holds the
// pickled object, <archive>/data/<key> the raw bytes of each storage.
#include "model/checkpoint/bytereader.h"
#include "model/checkpoint/checkpointformats.h"
#include "model/checkpoint/ziparchive.h"

namespace mplug2::model::detail {

namespace {

Error formatError(const std::string &name, const std::string &what)
{
    return makeError(ErrorCode::Format, "'" + name + "': " + what);
}

/// The archive's folder: torch writes every record under one top folder.
Expected<std::string> findArchivePrefix(const ZipArchive &zip, const std::string &name)
{
    std::string prefix;
    for (const ZipEntry &entry : zip.entries()) {
        const auto slash = entry.name.find('/');
        if (slash == std::string::npos || entry.name.compare(slash + 1, std::string::npos, "data.pkl") != 0)
            continue;
        if (!prefix.empty())
            return formatError(name, "the archive holds more than one data.pkl");
        prefix = entry.name.substr(0, slash + 1);
    }
    if (prefix.empty())
        return formatError(name, "a zip archive without a data.pkl record: not a torch.save checkpoint");
    return prefix;
}

} // namespace

Expected<CheckpointContents> readTorchZip(
    std::span<const std::uint8_t> bytes, const std::string &name, const UnpickleLimits &limits)
{
    auto zip = ZipArchive::parse(bytes, name);
    if (!zip)
        return zip.error();
    auto prefix = findArchivePrefix(*zip, name);
    if (!prefix)
        return prefix.error();
    if (const ZipEntry *order = zip->find(*prefix + "byteorder")) {
        const auto view = zip->view(*order);
        if (std::string_view(reinterpret_cast<const char *>(view.data()), view.size()) != "little")
            return makeError(ErrorCode::Unsupported, "'" + name + "' was saved on a big-endian machine");
    }
    auto graph = unpickle(zip->view(*zip->find(*prefix + "data.pkl")), name, limits);
    if (!graph)
        return graph.error();

    std::vector<StoredStorage> storages;
    storages.reserve(graph->storages.size());
    for (const PickledStorage &s : graph->storages) {
        const ZipEntry *record = zip->find(*prefix + "data/" + s.key);
        if (!record)
            return formatError(name, "storage '" + s.key + "' has no data record in the archive");
        std::uint64_t needed = 0;
        if (!multiplyWithinLimit(s.numel, static_cast<std::uint64_t>(elementSize(s.type)), needed)
            || needed > record->size)
            return formatError(name,
                "storage '" + s.key + "' claims " + std::to_string(s.numel) + " " + elementTypeName(s.type)
                    + " elements but its record holds only " + std::to_string(record->size) + " bytes");
        storages.push_back(StoredStorage {s.key, s.type, s.numel, record->dataOffset, needed});
    }
    return collectPickleTensors(*graph, std::move(storages), name);
}

} // namespace mplug2::model::detail
