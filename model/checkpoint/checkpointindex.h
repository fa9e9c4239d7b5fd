#pragma once
/// What a checkpoint file holds, read without touching tensor data: its
/// format, top-level entries, and every tensor with dtype, shape, strides and
/// where its bytes lie in the file. Works on torch.save zip archives, the
/// legacy (pre-1.6) torch.save format and safetensors; every offset and size
/// has been checked against the file. Torch-free; the file stays mapped while
/// the index lives (tensors built from it alias the mapping).
///
///     auto index = CheckpointIndex::open("mPLUG2_MSRVTT_Caption.pth");
///     if (!index) { std::cerr << index.error().message; return 1; }
///     for (const StoredTensor &t : index->tensors())
///         std::cout << t.name << ' ' << elementTypeName(t.type) << '\n';

#include "base/expected.h"
#include "model/checkpoint/elementtype.h"
#include "model/checkpoint/mappedfile.h"
#include "model/checkpoint/unpickler.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mplug2::model {

enum class CheckpointFormat { TorchZip, TorchLegacy, Safetensors };

/// safetensors cannot share bytes between tensors: our writer stores a tied
/// tensor once and adds "__metadata__" {"mplug2.tied.<name>": "<stored name>"},
/// which the reader turns back into a tensor sharing the stored one's storage.
inline constexpr const char *kSafetensorsTiedPrefix = "mplug2.tied.";

/// "torch zip", "torch legacy", "safetensors".
const char *checkpointFormatName(CheckpointFormat format);

/// One run of bytes in the file that tensors view (a torch storage, or a
/// safetensors tensor's data).
struct StoredStorage {
    std::string key;
    ElementType type = ElementType::Float32;
    std::uint64_t numel = 0;
    std::uint64_t fileOffset = 0;
    std::uint64_t byteSize = 0;
};

struct StoredTensor {
    /// Full dotted path: "model.text_encoder.embeddings.word_embeddings.weight",
    /// or the key itself for tensors at the top level.
    std::string name;
    std::uint32_t entry = 0; ///< index into CheckpointIndex::entries()
    std::uint32_t prefixLength = 0; ///< length of "<entry>." in name (0 at the top level)
    ElementType type = ElementType::Float32;
    std::vector<std::int64_t> shape;
    std::vector<std::int64_t> strides;
    std::uint64_t storageOffset = 0; ///< in elements
    std::uint32_t storage = 0; ///< index into CheckpointIndex::storages()

    std::string_view nameInEntry() const { return std::string_view(name).substr(prefixLength); }
    std::uint64_t numel() const;
    std::uint64_t byteSize() const { return numel() * static_cast<std::uint64_t>(elementSize(type)); }
};

/// A top-level item of the saved object ('model', 'optimizer', 'epoch', ...).
struct TopLevelEntry {
    std::string name;
    std::string description; ///< "dict (359 items)", "int 3", "argparse.Namespace (placeholder, not run)"
    std::size_t tensorCount = 0;
    std::uint64_t tensorBytes = 0; ///< bytes of the storages its tensors use, each counted once
};

/// The parsed part of an index, as each format's reader produces it.
struct CheckpointContents {
    std::vector<TopLevelEntry> entries;
    std::vector<StoredTensor> tensors;
    std::vector<StoredStorage> storages;
    std::vector<std::pair<std::string, std::string>> metadata;
};

class CheckpointIndex {
public:
    static Expected<CheckpointIndex> open(
        const std::string &path, const UnpickleLimits &limits = UnpickleLimits::defaultLimits());
    /// Parses bytes in memory (tests, fuzzers); they must outlive the index.
    static Expected<CheckpointIndex> parse(std::span<const std::uint8_t> bytes,
        const std::string &displayName, const UnpickleLimits &limits = UnpickleLimits::defaultLimits());

    CheckpointFormat format() const { return m_format; }
    const std::string &displayName() const { return m_displayName; }
    const std::vector<TopLevelEntry> &entries() const { return m_contents.entries; }
    const std::vector<StoredTensor> &tensors() const { return m_contents.tensors; }
    const std::vector<StoredStorage> &storages() const { return m_contents.storages; }
    /// The mapped file (null when parsed from memory) and the bytes parsed.
    const std::shared_ptr<MappedFile> &file() const { return m_file; }
    std::span<const std::uint8_t> bytes() const { return m_bytes; }
    /// safetensors' "__metadata__" (string pairs); empty for torch files.
    const std::vector<std::pair<std::string, std::string>> &metadata() const { return m_contents.metadata; }

private:
    CheckpointFormat m_format = CheckpointFormat::TorchZip;
    std::string m_displayName;
    std::shared_ptr<MappedFile> m_file;
    std::span<const std::uint8_t> m_bytes;
    CheckpointContents m_contents;
};

} // namespace mplug2::model
