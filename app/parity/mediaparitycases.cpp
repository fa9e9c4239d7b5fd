#include "app/parity/mediaparitycases.h"

#include "media/image/imagereader.h"
#include "media/preprocess/testtransforms.h"
#include "media/sampling/framesampler.h"
#include "media/video/videoreader.h"
#include "model/checkpoint/statedict.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mplug2::app {

namespace {

// Collects the comparisons of one case.
class Comparison {
public:
    explicit Comparison(const ToleranceLookup &tolerance)
        : m_tolerance(tolerance)
    { }

    void values(const std::string &key, const float *ours, const at::Tensor &expected, size_t count)
    {
        if (!shapeOk(key, expected, count, at::kFloat))
            return;
        const at::Tensor e = expected.contiguous();
        const float *want = e.data_ptr<float>();
        double worst = 0;
        for (size_t i = 0; i < count; ++i)
            worst = std::max(worst, static_cast<double>(std::fabs(ours[i] - want[i])));
        record(key, worst, m_tolerance(key));
    }

    void bytes(const std::string &key, const uint8_t *ours, const at::Tensor &expected, size_t count)
    {
        if (!shapeOk(key, expected, count, at::kByte))
            return;
        const at::Tensor e = expected.contiguous();
        const uint8_t *want = e.data_ptr<uint8_t>();
        int worst = 0;
        for (size_t i = 0; i < count; ++i)
            worst = std::max(worst, std::abs(int(ours[i]) - int(want[i])));
        record(key, worst, 0.0); // decoded pixels must be identical
    }

    void require(bool ok, const std::string &what)
    {
        ++m_result.checks;
        if (!ok)
            fail(what);
    }

    void fail(const std::string &what) { m_result.message += (m_result.message.empty() ? "" : "; ") + what; }

    MediaCaseResult finish(const std::string &id)
    {
        m_result.id = id;
        m_result.passed = m_result.message.empty() && m_result.checks > 0;
        if (m_result.checks == 0 && m_result.message.empty())
            m_result.message = "nothing was compared";
        return m_result;
    }

private:
    bool shapeOk(const std::string &key, const at::Tensor &expected, size_t count, at::ScalarType type)
    {
        ++m_result.checks;
        if (expected.scalar_type() != type || static_cast<size_t>(expected.numel()) != count) {
            fail(key + ": expected " + std::to_string(expected.numel())
                + " values of another type or shape, we have " + std::to_string(count));
            return false;
        }
        return true;
    }

    void record(const std::string &key, double diff, double atol)
    {
        if (diff >= m_result.worstDiff) {
            m_result.worstDiff = diff;
            m_result.worstKey = key;
        }
        if (!(diff <= atol)) {
            char text[96];
            std::snprintf(text, sizeof text, ": max-abs-diff %.3g > %.3g", diff, atol);
            fail(key + text);
        }
    }

    const ToleranceLookup &m_tolerance;
    MediaCaseResult m_result;
};

std::string join(const std::string &dir, const std::string &relative)
{
    return relative.empty() || relative.front() == '/' ? relative : dir + "/" + relative;
}

MediaCaseResult frameIndicesCase(const std::string &dir, json::View entry, Comparison &check)
{
    auto table = json::parseFile(join(dir, entry["file"].asString()));
    if (!table) {
        check.fail(table.error().message);
        return check.finish(entry["id"].asString());
    }
    const std::string key
        = entry["json_key"].asString().empty() ? "frame_indices" : entry["json_key"].asString();
    const auto &rows = json::View(*table)[key].items();
    check.require(!rows.empty(), "no " + key + " rows");
    if (entry.contains("count"))
        check.require(static_cast<int64_t>(rows.size()) == entry["count"].asInt(),
            key + ": row count differs from the case");
    for (json::View row : rows) {
        const int numFrames = static_cast<int>(row["num_frames"].asInt());
        const int64_t vlen = row["vlen"].asInt();
        std::vector<int64_t> expected;
        for (json::View v : row["indices"].items())
            expected.push_back(v.asInt());
        const std::string sample = row["sample"].asString();
        check.require(sample == "middle", "sample rule '" + sample + "' is not supported");
        check.require(media::middleFrameIndices(numFrames, vlen) == expected,
            "indices for num_frames " + std::to_string(numFrames) + ", vlen " + std::to_string(vlen));
    }
    return check.finish(entry["id"].asString());
}

// Every `outputs` entry: an expected (1, 3, T, R, R) tensor; R from its shape.
void checkOutputs(json::View entry, const model::StateDict &expected, Comparison &check,
    const std::function<Expected<media::PixelBatch>(int)> &transform)
{
    for (const auto &[name, keyValue] : entry["outputs"].members()) {
        const std::string key = keyValue.asString();
        const auto it = expected.find(key);
        if (it == expected.end()) {
            check.fail(key + ": not in the expected file");
            continue;
        }
        const int res = static_cast<int>(it->second.size(-1));
        auto pixels = transform(res);
        if (!pixels) {
            check.fail(key + ": " + pixels.error().message);
            continue;
        }
        check.values(key, pixels->data.data(), it->second, pixels->data.size());
    }
}

MediaCaseResult videoTransformCase(const std::string &dir, json::View entry, Comparison &check)
{
    const std::string id = entry["id"].asString();
    json::View input = entry["input"];
    auto expected = model::loadTensorDict(join(dir, entry["expected"].asString()));
    if (!expected) {
        check.fail(expected.error().message);
        return check.finish(id);
    }
    auto reader = media::VideoReader::open(join(dir, input["video"].asString()));
    if (!reader) {
        check.fail(reader.error().message);
        return check.finish(id);
    }
    const int numFrames = static_cast<int>(input["num_frames"].asInt());
    const std::vector<int64_t> indices = media::middleFrameIndices(numFrames, reader->info().frameCount);
    if (input.contains("frame_indices")) {
        std::vector<int64_t> listed;
        for (json::View v : input["frame_indices"].items())
            listed.push_back(v.asInt());
        check.require(listed == indices, "sampled frame indices differ from the case's");
    }
    auto batch = reader->readFrames(indices);
    if (!batch || !batch->missing.empty()) {
        check.fail(batch ? batch->warning : batch.error().message);
        return check.finish(id);
    }
    const std::vector<media::RgbImage> frames = [&] {
        std::vector<media::RgbImage> images;
        for (const media::VideoFrame &f : batch->frames)
            images.push_back(f.image);
        return images;
    }();
    const std::string decodedKey = input["decoded_frames_key"].asString();
    if (const auto it = expected->find(decodedKey); it != expected->end()) {
        std::vector<uint8_t> all;
        for (const media::RgbImage &f : frames)
            all.insert(all.end(), f.pixels.begin(), f.pixels.end());
        check.bytes(decodedKey, all.data(), it->second, all.size());
    }
    checkOutputs(entry, *expected, check, [&](int res) { return media::videoTestTransform(frames, res); });
    return check.finish(id);
}

MediaCaseResult imageTransformCase(const std::string &dir, json::View entry, Comparison &check)
{
    const std::string id = entry["id"].asString();
    json::View input = entry["input"];
    auto expected = model::loadTensorDict(join(dir, entry["expected"].asString()));
    if (!expected) {
        check.fail(expected.error().message);
        return check.finish(id);
    }
    // The official code opens pictures with PIL, which ignores EXIF orientation.
    auto picture = media::readImage(join(dir, input["image"].asString()), media::MediaLimits::defaults(),
        media::ImageReadOptions {false});
    if (!picture) {
        check.fail(picture.error().message);
        return check.finish(id);
    }
    const std::string decodedKey = input["decoded_key"].asString();
    if (const auto it = expected->find(decodedKey); it != expected->end())
        check.bytes(decodedKey, picture->image.pixels.data(), it->second, picture->image.pixels.size());
    checkOutputs(
        entry, *expected, check, [&](int res) { return media::imageTestTransform(picture->image, res); });
    return check.finish(id);
}

} // namespace

bool isMediaParityKind(const std::string &kind)
{
    return kind == "frame_indices" || kind == "video_transform" || kind == "image_transform";
}

MediaCaseResult runMediaParityCase(
    const std::string &fixtureDir, json::View entry, const ToleranceLookup &tolerance)
{
    Comparison check(tolerance);
    const std::string kind = entry["kind"].asString();
    try {
        if (kind == "frame_indices")
            return frameIndicesCase(fixtureDir, entry, check);
        if (kind == "video_transform")
            return videoTransformCase(fixtureDir, entry, check);
        if (kind == "image_transform")
            return imageTransformCase(fixtureDir, entry, check);
        check.fail("not a media case kind: " + kind);
    } catch (const std::exception &e) {
        check.fail(std::string("unexpected error: ") + e.what());
    }
    return check.finish(entry["id"].asString());
}

} // namespace mplug2::app
