#pragma once
/// Turns the tensors of a CheckpointIndex into at::Tensors, reading only the
/// storages asked for. Tensors that share a storage in the file (tied
/// weights) share one at::Storage. By default storages alias the mapped file
/// (zero-copy; copy-on-write, so in-place changes never reach the file);
/// `Mode::Copy` reads them into memory instead (for files that may change
/// while in use). Not thread-safe: one materializer per loading thread.
///
///     TensorMaterializer m(*index);
///     auto tensor = m.materialize(3);   // index into index->tensors()

#include "base/expected.h"
#include "model/checkpoint/checkpointindex.h"

#include <ATen/core/Tensor.h>
#include <memory>
#include <optional>
#include <vector>

namespace mplug2::model {

class TensorMaterializer {
public:
    enum class Mode { AliasFile, Copy };

    explicit TensorMaterializer(const CheckpointIndex &index, Mode mode = Mode::AliasFile);
    ~TensorMaterializer();
    TensorMaterializer(const TensorMaterializer &) = delete;
    TensorMaterializer &operator=(const TensorMaterializer &) = delete;

    Expected<at::Tensor> materialize(std::uint32_t tensorIndex);

    /// Blocks until every storage made so far that aliases the file is in
    /// memory (their reads were started when they were made).
    void waitUntilResident() const;

    /// Bytes of storages made so far (each shared storage counted once).
    std::uint64_t storageBytes() const { return m_storageBytes; }

private:
    struct StorageCache;

    const CheckpointIndex &m_index;
    Mode m_mode;
    std::unique_ptr<StorageCache> m_cache;
    std::uint64_t m_storageBytes = 0;
};

/// at::ScalarType of an element type (for code that builds tensors itself).
/// Once a tensor's bytes have been copied out (into a model's parameters),
/// hands the pages of its file-mapped storage back to the system, so that a
/// load never holds the checkpoint and the model in memory at once. Touched
/// again, the pages are read from the file anew (changes made to them in
/// memory are dropped). Does nothing to tensors that do not alias a file;
/// true when pages were handed back.
bool releaseFilePages(const at::Tensor &tensor);
/// Reads the pages of a tensor's file-mapped storage in one go (before
/// copying it out), instead of one page fault at a time. Does nothing to
/// tensors that do not alias a file.
void populateFilePages(const at::Tensor &tensor);

c10::ScalarType toScalarType(ElementType type);
/// The element type of a scalar type; nothing for types checkpoints do not store.
std::optional<ElementType> elementTypeOf(c10::ScalarType type);

} // namespace mplug2::model
