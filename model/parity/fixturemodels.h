#pragma once
/// Models and expected tensors of a fixture folder, loaded once per run:
/// each case's model is built from cases.json configs.<name> (bert_config +
/// model_config; heads cannot be read from shapes), filled strictly from the
/// case's checkpoint, and moved to the requested device and precision.
/// Internal header of model/parity (torch types).

#include "model/checkpoint/statedict.h"
#include "model/modules/mplug2model.h"
#include "model/parity/parityrunner.h"

#include <map>
#include <memory>

namespace mplug2::model {

class FixtureModels {
public:
    /// Throws std::runtime_error naming the file and the problem.
    Mplug2Model model(
        const ParityCase &parityCase, const std::string &configName, const std::string &checkpoint);
    const StateDict &expected(const ParityCase &parityCase, const std::string &file);

private:
    std::map<std::string, Mplug2Model> m_models;
    std::map<std::string, StateDict> m_expected;
};

/// The tensor `key` of an expected file; throws when absent.
at::Tensor expectedTensor(const StateDict &expected, const std::string &key);

} // namespace mplug2::model
