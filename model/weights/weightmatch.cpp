#include "model/weights/weightmatch.h"

#include "model/checkpoint/tensormaterializer.h"
#include "model/modules/mplug2model.h"

#include <map>
#include <sstream>
#include <torch/torch.h>
#include <unordered_map>

namespace mplug2::model {

namespace {

std::vector<int64_t> shapeOf(const at::Tensor &t)
{
    return t.sizes().vec();
}

std::string shapeText(const std::vector<int64_t> &shape)
{
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The model's tensors by state-dict name: parameters and buffers.
std::map<std::string, at::Tensor> modelTensors(const Mplug2ModelImpl &model)
{
    std::map<std::string, at::Tensor> all;
    for (const auto &item : model.named_parameters(true))
        all.emplace(item.key(), item.value());
    for (const auto &item : model.named_buffers(true))
        all.emplace(item.key(), item.value());
    return all;
}

std::string kindProblem(const at::Tensor &target, const at::Tensor &source)
{
    const bool targetFloat = at::isFloatingType(target.scalar_type());
    const bool sourceFloat = at::isFloatingType(source.scalar_type());
    const bool sourceInt = at::isIntegralType(source.scalar_type(), false);
    if (targetFloat && !sourceFloat)
        return std::string("dtype ") + c10::toString(source.scalar_type())
            + " cannot fill a floating-point tensor";
    if (!targetFloat && !sourceInt)
        return std::string("dtype ") + c10::toString(source.scalar_type()) + " cannot fill an integer tensor";
    return {};
}

} // namespace

bool isUnusedByDesign(const std::string &key)
{
    if (key.find(".intermediate_vision.") != std::string::npos
        || key.find(".output_vision.") != std::string::npos)
        return true;
    if (key.rfind("text_decoder.", 0) == 0 && endsWith(key, ".latents"))
        return true;
    // 0, 1, 2, ...: positions are computed, not read.
    if (endsWith(key, "embeddings.position_ids"))
        return true;
    const std::string head = key.substr(0, key.find('.'));
    return endsWith(head, "_m") || head.find("queue") != std::string::npos;
}

bool WeightMatchReport::ok(bool allowUnexpected) const
{
    return missing.empty() && misshaped.empty() && tiedConflicts.empty()
        && (allowUnexpected || unexpected.empty());
}

std::string WeightMatchReport::describe(std::size_t maxListed) const
{
    std::ostringstream out;
    out << matched << " tensors matched, " << missing.size() << " missing, " << unexpected.size()
        << " unexpected, " << misshaped.size() << " mis-shaped, " << tiedConflicts.size()
        << " tied conflicts, " << unusedByDesign.size() << " unused by design\n";
    const auto list = [&](const char *title, const std::vector<WeightIssue> &issues) {
        for (size_t i = 0; i < issues.size() && i < maxListed; ++i) {
            const WeightIssue &w = issues[i];
            out << "  " << title << ": " << w.name;
            if (!w.expectedShape.empty())
                out << " model " << shapeText(w.expectedShape);
            if (!w.foundShape.empty())
                out << " checkpoint " << shapeText(w.foundShape);
            if (!w.detail.empty())
                out << " (" << w.detail << ')';
            out << '\n';
        }
        if (issues.size() > maxListed)
            out << "  ... and " << issues.size() - maxListed << " more " << title << '\n';
    };
    list("missing", missing);
    list("unexpected", unexpected);
    list("mis-shaped", misshaped);
    list("tied conflict", tiedConflicts);
    return out.str();
}

WeightMatchReport matchWeights(const Mplug2ModelImpl &model, const StateDict &weights)
{
    WeightMatchReport report;
    const auto tensors = modelTensors(model);
    std::unordered_map<const void *, std::string> filledBy;
    for (const auto &[key, source] : weights) {
        const auto it = tensors.find(key);
        if (it == tensors.end()) {
            if (isUnusedByDesign(key))
                report.unusedByDesign.push_back(key);
            else
                report.unexpected.push_back({key, {}, shapeOf(source), {}});
            continue;
        }
        const at::Tensor &target = it->second;
        if (!source.defined() || target.sizes() != source.sizes()) {
            report.misshaped.push_back(
                {key, shapeOf(target), source.defined() ? shapeOf(source) : std::vector<int64_t> {}, {}});
            continue;
        }
        if (const auto problem = kindProblem(target, source); !problem.empty()) {
            report.misshaped.push_back({key, shapeOf(target), shapeOf(source), problem});
            continue;
        }
        const void *impl = target.unsafeGetTensorImpl();
        const auto [tied, fresh] = filledBy.emplace(impl, key);
        if (!fresh) {
            const at::Tensor &first = weights.at(tied->second);
            if (!torch::equal(first.to(at::kFloat), source.to(at::kFloat)))
                report.tiedConflicts.push_back({key, shapeOf(target), shapeOf(source),
                    "tied to " + tied->second + " but holds other values"});
        }
        ++report.matched;
    }
    for (const auto &[name, tensor] : tensors) {
        if (weights.count(name) || filledBy.count(tensor.unsafeGetTensorImpl()))
            continue;
        report.missing.push_back({name, shapeOf(tensor), {}, {}});
    }
    return report;
}

WeightMatchReport loadWeights(Mplug2ModelImpl &model, const StateDict &weights, bool allowUnexpected)
{
    WeightMatchReport report = matchWeights(model, weights);
    if (!report.ok(allowUnexpected))
        return report;
    const auto tensors = modelTensors(model);
    torch::NoGradGuard noGrad;
    for (const auto &[key, source] : weights) {
        const auto it = tensors.find(key);
        if (it != tensors.end()) {
            populateFilePages(source); // in bulk, not a page fault at a time
            it->second.copy_(source);
            releaseFilePages(source); // the checkpoint and the model never both in memory
        }
    }
    return report;
}

} // namespace mplug2::model
