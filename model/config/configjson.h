#pragma once
/// Builds an Mplug2Config from the official configuration files: the BERT
/// config (config_bert*.json) and the model config (the yaml's keys; the
/// fixtures store it as config.json with the clip_* sizes added). Heads come
/// from the files, which is the only way to know them for models that do
/// not use 64-wide heads.
///
///     auto bert = json::parseFile(dir + "/config_bert.json");
///     auto model = json::parseFile(dir + "/config.json");
///     Expected<Mplug2Config> config = configFromJson(*bert, *model);

#include "base/expected.h"
#include "base/json/json.h"
#include "model/config/mplug2config.h"

namespace mplug2::model {

/// Missing optional keys keep the official defaults; missing required ones
/// (hidden_size, num_attention_heads, vision_width, ...) are errors.
Expected<Mplug2Config> configFromJson(json::View bertConfig, json::View modelConfig);

} // namespace mplug2::model
