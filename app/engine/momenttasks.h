#pragma once
/// Moments of a video on the engine's worker thread (issue 22): one forward
/// pass over the video at the analysis rate finds the shots (media's
/// ShotDetector). EmbedMedia embeds every moment from the analysed frames it
/// holds, so the video is decoded once however many moments it has; dense
/// captions by shot caption each moment. Internal to app/engine.
///
///     auto spans = momentSpans(path, request.moments, context);   // [start, end) per moment
///     embedMoments(model, request, context, result);              // result.moments

#include "app/engine/engineresult.h"
#include "app/engine/loadedmodel.h"
#include "media/video/shotdetection.h"

#include <vector>

namespace mplug2::app {

/// The moments of the video at `path`. Progress goes to `context`
/// (EngineStage::DecodingMedia, in seconds of video); cancel stops it.
Expected<std::vector<media::MomentSpan>> momentSpans(
    const QString &path, const MomentOptions &options, RequestContext &context);

/// EmbedMedia's moments: every moment of the video embedded into
/// result.moments (nothing for a picture).
Expected<void> embedMoments(
    LoadedModel &model, const EngineRequest &request, RequestContext &context, EngineResult &result);

} // namespace mplug2::app
