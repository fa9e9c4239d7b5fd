#pragma once
/// The InferenceBackend that runs mPLUG-2 bundles with the model/ and media/
/// layers: it loads checkpoints, decodes and samples media, keeps the visual
/// embedding cache, and turns model outputs into EngineResult values.
/// Lives on the engine's worker thread (see Engine).

#include "app/engine/inferencebackend.h"

#include <memory>

namespace mplug2::app {

class Mplug2Backend : public InferenceBackend {
public:
    Mplug2Backend();
    ~Mplug2Backend() override;

    Expected<ModelInfo> load(
        const ModelBundle &bundle, const DeviceChoice &device, RequestContext &context) override;
    void unload() override;
    Expected<EngineResult> run(const EngineRequest &request, RequestContext &context) override;
    void setVisualCacheCapacity(qint64 bytes) override;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace mplug2::app
