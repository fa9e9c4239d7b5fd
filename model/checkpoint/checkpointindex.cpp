#include "model/checkpoint/checkpointindex.h"

#include "model/checkpoint/bytereader.h"
#include "model/checkpoint/checkpointformats.h"
#include "model/checkpoint/ziparchive.h"

#include <new>

namespace mplug2::model {

const char *checkpointFormatName(CheckpointFormat format)
{
    switch (format) {
    case CheckpointFormat::TorchZip:
        return "torch zip";
    case CheckpointFormat::TorchLegacy:
        return "torch legacy";
    case CheckpointFormat::Safetensors:
        return "safetensors";
    }
    return "unknown";
}

std::uint64_t StoredTensor::numel() const
{
    std::uint64_t n = 1;
    for (const std::int64_t s : shape)
        n *= static_cast<std::uint64_t>(s); // bounded when the index was built
    return n;
}

namespace {

bool looksLikePickle(std::span<const std::uint8_t> bytes)
{
    return bytes.size() >= 2 && bytes[0] == 0x80 && bytes[1] >= 2 && bytes[1] <= 5;
}

/// safetensors: an 8-byte little-endian header length, then a JSON object.
bool looksLikeSafetensors(std::span<const std::uint8_t> bytes)
{
    ByteReader r(bytes);
    std::uint64_t headerLength = 0;
    std::uint8_t first = 0;
    return r.readU64(headerLength) && headerLength >= 2 && r.readU8(first) && first == '{';
}

} // namespace

Expected<CheckpointIndex> CheckpointIndex::parse(
    std::span<const std::uint8_t> bytes, const std::string &displayName, const UnpickleLimits &limits)
{
    CheckpointIndex index;
    index.m_displayName = displayName;
    index.m_bytes = bytes;
    try {
        Expected<CheckpointContents> contents = makeError(ErrorCode::Internal, "unset");
        if (ZipArchive::looksLikeZip(bytes)) {
            index.m_format = CheckpointFormat::TorchZip;
            contents = detail::readTorchZip(bytes, displayName, limits);
        } else if (looksLikePickle(bytes)) {
            index.m_format = CheckpointFormat::TorchLegacy;
            contents = detail::readTorchLegacy(bytes, displayName, limits);
        } else if (looksLikeSafetensors(bytes)) {
            index.m_format = CheckpointFormat::Safetensors;
            contents = detail::readSafetensors(bytes, displayName);
        } else {
            return makeError(ErrorCode::Format,
                "'" + displayName
                    + "' is not a checkpoint this program reads (expected a torch.save .pth "
                      "file or a .safetensors file)");
        }
        if (!contents)
            return contents.error();
        index.m_contents = std::move(*contents);
    } catch (const std::bad_alloc &) {
        return makeError(
            ErrorCode::OutOfMemory, "'" + displayName + "': out of memory while reading its index");
    }
    return index;
}

Expected<CheckpointIndex> CheckpointIndex::open(const std::string &path, const UnpickleLimits &limits)
{
    auto file = MappedFile::open(path);
    if (!file)
        return file.error();
    // Reading the index touches the pickle and one header per zip entry,
    // scattered across the file, and tensors are read by explicit read-ahead
    // of exactly their storages (TensorMaterializer): page faults must not
    // pull in the default read-around window of skipped tensors' bytes.
    (*file)->adviseRandomAccess(true);
    auto index = parse((*file)->bytes(), path, limits);
    if (!index)
        return index.error();
    index->m_file = std::move(*file);
    return index;
}

} // namespace mplug2::model
