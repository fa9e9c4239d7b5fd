#include "app/engine/engineresult.h"

namespace mplug2::app {

EngineResult windowResult(const EngineResult &dense, int index)
{
    EngineResult r;
    r.id = dense.id;
    r.task = TaskKind::Caption;
    r.media = dense.media;
    r.device = dense.device;
    r.precision = dense.precision;
    r.modelId = dense.modelId;
    if (index < 0 || index >= dense.segments.size())
        return r;
    const CaptionSegment &segment = dense.segments.at(index);
    r.mediaInput = dense.mediaInput;
    r.mediaInput.startSeconds = segment.startSeconds;
    r.mediaInput.endSeconds = segment.endSeconds;
    r.items = {segment.caption};
    r.attention = segment.attention;
    r.geometry = segment.geometry;
    return r;
}

} // namespace mplug2::app
