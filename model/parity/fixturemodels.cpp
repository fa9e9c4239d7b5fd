#include "model/parity/fixturemodels.h"

#include "model/config/configjson.h"
#include "model/modules/parameterfill.h"
#include "model/weights/weightmatch.h"

#include <stdexcept>
#include <torch/torch.h>

namespace mplug2::model {

Mplug2Model FixtureModels::model(
    const ParityCase &parityCase, const std::string &configName, const std::string &checkpoint)
{
    const std::string path = parityCase.path(checkpoint);
    if (const auto it = m_models.find(path); it != m_models.end())
        return it->second;
    json::View configs = parityCase.manifest["configs"][configName];
    auto config = configFromJson(configs["bert_config"], configs["model_config"]);
    if (!config)
        throw std::runtime_error("configs." + configName + ": " + config.error().message);
    auto weights = loadStateDict(path);
    if (!weights)
        throw std::runtime_error(weights.error().message);
    const ComputeTarget &target = parityCase.options.target;
    Mplug2Model model = [&] {
        ParameterScope unfilled(ParameterFill::Unfilled,
            at::TensorOptions().dtype(torchDtype(target.precision)).device(torchDevice(target)));
        return Mplug2Model(*config);
    }();
    model->to(torchDevice(target), torchDtype(target.precision));
    const WeightMatchReport report = loadWeights(*model, *weights);
    if (!report.ok())
        throw std::runtime_error(
            checkpoint + " does not fit configs." + configName + ": " + report.describe(5));
    model->eval();
    m_models.emplace(path, model);
    return model;
}

const StateDict &FixtureModels::expected(const ParityCase &parityCase, const std::string &file)
{
    const std::string path = parityCase.path(file);
    if (const auto it = m_expected.find(path); it != m_expected.end())
        return it->second;
    auto tensors = loadTensorDict(path);
    if (!tensors)
        throw std::runtime_error(tensors.error().message);
    return m_expected.emplace(path, std::move(*tensors)).first->second;
}

at::Tensor expectedTensor(const StateDict &expected, const std::string &key)
{
    const auto it = expected.find(key);
    if (it == expected.end())
        throw std::runtime_error("the expected file has no tensor '" + key + "'");
    return it->second;
}

} // namespace mplug2::model
