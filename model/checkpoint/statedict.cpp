#include "model/checkpoint/statedict.h"

#include "model/checkpoint/positionalembedding.h"
#include "model/checkpoint/tensormaterializer.h"
#include "model/checkpoint/weightselection.h"

#include <torch/torch.h>

namespace mplug2::model {

namespace {

constexpr const char *kVisualPositionalEmbedding = "visual_encoder.visual.positional_embedding";

Expected<StateDict> materialize(
    const CheckpointIndex &index, const std::vector<SelectedTensor> &selected, bool mapFile, bool populate)
{
    TensorMaterializer materializer(
        index, mapFile ? TensorMaterializer::Mode::AliasFile : TensorMaterializer::Mode::Copy);
    StateDict dict;
    for (const SelectedTensor &s : selected) {
        auto tensor = materializer.materialize(s.tensor);
        if (!tensor)
            return tensor.error();
        dict.insert_or_assign(s.name, std::move(*tensor));
    }
    // All reads were queued while materialising; "loaded" means in memory, unless told otherwise.
    if (populate)
        materializer.waitUntilResident();
    return dict;
}

} // namespace

Expected<StateDict> loadStateDict(const CheckpointIndex &index, const StateDictOptions &options)
{
    auto selection = selectModelWeights(index, options.normalizeKeys);
    if (!selection)
        return selection.error();
    auto dict = materialize(index, selection->kept, options.mapFile, options.populate);
    if (!dict || !options.visualGridSide)
        return dict;
    const auto it = dict->find(kVisualPositionalEmbedding);
    if (it == dict->end())
        return makeError(ErrorCode::NotFound,
            "'" + index.displayName() + "' has no " + kVisualPositionalEmbedding + " to resize");
    auto resized = resizePositionalEmbedding(it->second, *options.visualGridSide);
    if (!resized)
        return makeError(resized.error().code, "'" + index.displayName() + "': " + resized.error().message);
    it->second = std::move(*resized);
    return dict;
}

Expected<StateDict> loadStateDictShapes(const CheckpointIndex &index, const StateDictOptions &options)
{
    auto selection = selectModelWeights(index, options.normalizeKeys);
    if (!selection)
        return selection.error();
    StateDict dict;
    try {
        for (const SelectedTensor &s : selection->kept) {
            const StoredTensor &t = index.tensors()[s.tensor];
            std::vector<std::int64_t> shape = t.shape;
            if (options.visualGridSide && s.name == kVisualPositionalEmbedding && shape.size() == 2)
                shape[0] = 1 + std::int64_t {*options.visualGridSide} * *options.visualGridSide;
            dict.insert_or_assign(
                s.name, at::empty(shape, at::TensorOptions().dtype(toScalarType(t.type)).device(at::kMeta)));
        }
    } catch (const c10::Error &e) {
        return makeError(ErrorCode::Internal, "'" + index.displayName() + "': " + e.what_without_backtrace());
    }
    return dict;
}

Expected<StateDict> loadStateDict(const std::string &path, const StateDictOptions &options)
{
    auto index = CheckpointIndex::open(path);
    if (!index)
        return index.error();
    return loadStateDict(*index, options);
}

Expected<StateDict> loadTensorDict(const std::string &path)
{
    auto index = CheckpointIndex::open(path);
    if (!index)
        return index.error();
    auto selection = selectModelWeights(*index, false);
    if (!selection)
        return selection.error();
    return materialize(*index, selection->kept, true, true);
}

} // namespace mplug2::model
