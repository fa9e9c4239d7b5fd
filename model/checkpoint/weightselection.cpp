#include "model/checkpoint/weightselection.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace mplug2::model {

namespace {

/// Calls `f` on each dotted component of a key.
template<typename F> bool anyComponent(std::string_view key, F f)
{
    std::size_t start = 0;
    while (start <= key.size()) {
        const std::size_t end = std::min(key.find('.', start), key.size());
        if (f(key.substr(start, end - start)))
            return true;
        start = end + 1;
    }
    return false;
}

std::string replaceAll(std::string text, std::string_view from)
{
    for (std::size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos))
        text.erase(pos, from.size());
    return text;
}

constexpr const char *kModelEntries[] = {"model", "module", "state_dict"};

} // namespace

bool isMomentumKey(std::string_view key)
{
    return anyComponent(
        key, [](std::string_view c) { return c.size() > 2 && c.substr(c.size() - 2) == "_m"; });
}

bool isQueueKey(std::string_view key)
{
    return anyComponent(key, [](std::string_view c) { return c.find("queue") != std::string_view::npos; });
}

std::string stripDdpPrefix(std::string_view key)
{
    while (key.substr(0, 7) == "module.")
        key.remove_prefix(7);
    return std::string(key);
}

std::string renamePretrainKey(std::string_view key)
{
    const bool applies
        = (key.find("fusion") != std::string_view::npos || key.find("bert") != std::string_view::npos)
        && key.find("decode") == std::string_view::npos;
    if (!applies)
        return std::string(key);
    // Python's key.replace('fusion.', '').replace('bert.', ''): all occurrences, in that order.
    return replaceAll(replaceAll(std::string(key), "fusion."), "bert.");
}

Expected<WeightSelection> selectModelWeights(const CheckpointIndex &index, bool normalize)
{
    WeightSelection selection;
    const auto &tensors = index.tensors();
    const auto &entries = index.entries();
    std::map<std::string, IgnoredTensors> ignored;
    auto ignore = [&](const std::string &reason, const StoredTensor &t) {
        IgnoredTensors &group = ignored[reason];
        group.reason = reason;
        ++group.count;
        group.bytes += t.byteSize();
    };

    // The source entry: the last one named 'model' (then 'module', 'state_dict')
    // that holds tensors, as Python's dict keeps the last duplicate key.
    std::int64_t source = -1;
    if (normalize) {
        for (const char *wanted : kModelEntries) {
            for (std::size_t e = 0; e < entries.size(); ++e) {
                if (entries[e].name == wanted && entries[e].tensorCount > 0)
                    source = static_cast<std::int64_t>(e);
            }
            if (source >= 0)
                break;
        }
        const bool bare = source < 0;
        if (bare) {
            bool anyTopLevelTensor = false;
            for (const StoredTensor &t : tensors)
                anyTopLevelTensor = anyTopLevelTensor || t.prefixLength == 0;
            if (!anyTopLevelTensor) {
                std::string names;
                for (const TopLevelEntry &e : entries)
                    names += (names.empty() ? "" : ", ") + ("'" + e.name + "'");
                return makeError(ErrorCode::NotFound,
                    "'" + index.displayName()
                        + "' holds no model weights: expected a 'model' or "
                          "'module' entry or a bare state dict; top-level entries: "
                        + (names.empty() ? std::string("none") : names));
            }
        } else {
            selection.sourceEntry = entries[static_cast<std::size_t>(source)].name;
        }
    }

    std::unordered_map<std::string, std::size_t> position; // name -> index in kept
    std::vector<bool> keptWasRenamed;
    for (std::uint32_t i = 0; i < tensors.size(); ++i) {
        const StoredTensor &t = tensors[i];
        std::string name;
        bool renamedNow = false;
        if (!normalize) {
            name = t.name;
        } else if (source >= 0 && t.entry != static_cast<std::uint32_t>(source)) {
            ignore("entry '" + entries[t.entry].name + "'", t);
            continue;
        } else if (source < 0 && t.prefixLength != 0) {
            ignore("entry '" + entries[t.entry].name + "'", t);
            continue;
        } else {
            const std::string_view raw = t.nameInEntry();
            name = stripDdpPrefix(raw);
            if (name.size() != raw.size())
                ++selection.strippedDdpPrefixes;
            if (isMomentumKey(name)) {
                ignore("momentum copy (*_m)", t);
                continue;
            }
            if (isQueueKey(name)) {
                ignore("queue", t);
                continue;
            }
            std::string renamed = renamePretrainKey(name);
            if (renamed != name) {
                ++selection.renamedPretrainKeys;
                name = std::move(renamed);
                renamedNow = true;
            }
        }
        const auto [it, inserted] = position.emplace(name, selection.kept.size());
        if (inserted) {
            selection.kept.push_back(SelectedTensor {std::move(name), i});
            keptWasRenamed.push_back(renamedNow);
        } else if (renamedNow || !keptWasRenamed[it->second]) {
            // The official loop assigns renamed keys over whatever is there;
            // a key that was not renamed never replaces a renamed one.
            ignore("replaced by another tensor of the same name", tensors[selection.kept[it->second].tensor]);
            selection.kept[it->second].tensor = i;
            keptWasRenamed[it->second] = renamedNow;
        } else {
            ignore("replaced by another tensor of the same name", t);
        }
    }
    for (auto &[reason, group] : ignored)
        selection.ignored.push_back(std::move(group));
    return selection;
}

} // namespace mplug2::model
