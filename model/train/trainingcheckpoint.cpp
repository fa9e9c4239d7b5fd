#include "model/train/trainingcheckpoint.h"

#include "model/checkpoint/safetensorswriter.h"
#include "model/checkpoint/statedict.h"

#include <fstream>
#include <torch/torch.h>

namespace mplug2::model::train {

namespace fs = std::filesystem;

namespace {

const char *const kCheckpoint = "checkpoint.safetensors";
const char *const kState = "state.json";

Expected<void> writeTextAtomically(const fs::path &file, const std::string &text)
{
    const fs::path part = file.string() + ".part";
    {
        std::ofstream out(part, std::ios::trunc);
        out << text << '\n';
        if (!out.flush())
            return makeError(ErrorCode::Io, "cannot write " + part.string());
    }
    std::error_code ec;
    fs::rename(part, file, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot rename " + part.string() + ": " + ec.message());
    return {};
}

} // namespace

Expected<TrainingState> resumeTraining(
    const fs::path &work, json::View recipe, Mplug2ModelImpl &network, AdamW &optimizer)
{
    if (!fs::exists(work / kCheckpoint))
        return TrainingState {};
    Expected<json::Json> state = json::parseFile((work / kState).string());
    if (!state)
        return makeError(
            ErrorCode::Format, "cannot resume from " + work.string() + ": " + state.error().message);
    if (json::View(*state)["recipe"].dump() != recipe.dump())
        return makeError(ErrorCode::InvalidArgument,
            work.string()
                + " holds a training run with other settings; use another output folder "
                  "or delete it to start over");
    StateDictOptions options;
    options.normalizeKeys = false;
    options.mapFile = false;
    Expected<StateDict> tensors = loadStateDict((work / kCheckpoint).string(), options);
    if (!tensors)
        return tensors.error();
    torch::NoGradGuard noGrad;
    StateDict optim;
    for (const auto &[name, tensor] : *tensors)
        if (name.starts_with("optim."))
            optim[name.substr(6)] = tensor;
    for (auto &[name, p] : namedUniqueParameters(network)) {
        const auto it = tensors->find("model." + name);
        if (it == tensors->end() || it->second.sizes() != p.sizes())
            return makeError(ErrorCode::Format,
                "the checkpoint in " + work.string() + " does not fit the model at " + name);
        p.copy_(it->second);
    }
    if (auto ok = optimizer.setState(optim); !ok)
        return ok.error();
    const auto seconds = tensors->find("training.seconds");
    return TrainingState {
        optimizer.steps(), seconds != tensors->end() ? seconds->second.to(at::kDouble).item<double>() : 0.0};
}

Expected<void> saveTrainingCheckpoint(const fs::path &work, Mplug2ModelImpl &network, const AdamW &optimizer,
    const TrainingState &state, json::View recipe)
{
    StateDict tensors;
    for (auto &[name, p] : namedUniqueParameters(network))
        tensors["model." + name] = p.detach();
    for (auto &[name, t] : optimizer.state())
        tensors["optim." + name] = t;
    tensors["training.step"] = torch::tensor(state.step, at::kLong);
    tensors["training.seconds"] = torch::tensor(state.seconds, at::kDouble);
    if (auto ok = writeSafetensors(tensors, (work / kCheckpoint).string()); !ok)
        return ok;
    json::Json doc = json::Json::object();
    doc["step"] = state.step;
    doc["seconds"] = state.seconds;
    doc["recipe"] = recipe.toJson();
    return writeTextAtomically(work / kState, json::dump(doc, 2));
}

Expected<void> saveModelWeights(const fs::path &file, Mplug2ModelImpl &network, json::View recipe)
{
    StateDict tensors;
    for (const auto &item : network.named_parameters(true))
        tensors[item.key()] = item.value().detach().to(at::kFloat);
    for (const auto &item : network.named_buffers(true))
        tensors[item.key()] = item.value().detach();
    SafetensorsWriteOptions options;
    options.metadata = {{"format", "pt"}, {"producer", "mplug2 train-demo"}, {"recipe", recipe.dump()}};
    return writeSafetensors(tensors, file.string(), options);
}

} // namespace mplug2::model::train
