#pragma once
/// EngineResult as JSON: the object the CLI prints per media item with
/// --json, the JSON/JSONL exporters write and the HTML report embeds.
///
///     {"media": "clip.mp4", "task": "caption", "model": "demo", "device": "cpu",
///      "precision": "fp32", "results": [{"text": "a red circle moves left",
///      "score": -0.41, "token_ids": [101, ...], "tokens": ["[CLS]", ...]}],
///      "timings_ms": {"decode": 12.1, "visual": 40.3, ..., "total": 95.0}, ...}
///
/// Always present: media, task, results, device, timings_ms. Present when
/// they apply: question, template and method (classify: the text each label
/// was scored as, and "likelihood" or "clip"), segments (dense captions:
/// start, end, text, score, token_ids), frames (indices and times of the
/// sampled frames), embedding, text_embeddings, attention.

#include "app/engine/engineresult.h"

#include <QJsonObject>

namespace mplug2::app {

struct ResultJsonOptions {
    /// Include embedding vectors (EmbedMedia / EmbedTexts).
    bool embeddings = true;
    /// Include the attention maps: tokens, geometry and, per token, the
    /// mean-over-layers-and-heads cross-attention grid (and Grad-CAM).
    bool attention = false;
};

QJsonObject resultItemToJson(const ResultItem &item);
QJsonObject resultToJson(const EngineResult &result, const ResultJsonOptions &options = {});

} // namespace mplug2::app
