#include "model/checkpoint/safetensorswriter.h"

#include "base/json/json.h"
#include "model/checkpoint/bytesink.h"
#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/tensormaterializer.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <torch/torch.h>
#include <tuple>

namespace mplug2::model {

namespace {

at::Tensor prepared(const at::Tensor &tensor, const SafetensorsWriteOptions &options)
{
    at::Tensor t = tensor.cpu();
    if (options.floatingType && t.is_floating_point())
        t = t.to(toScalarType(*options.floatingType));
    return t.contiguous();
}

} // namespace

Expected<void> writeSafetensors(
    const StateDict &tensors, const std::string &path, const SafetensorsWriteOptions &options)
{
    const std::string partial = path + ".partial";
    try {
        if (options.floatingType && !isFloatingPoint(*options.floatingType))
            return makeError(
                ErrorCode::InvalidArgument, "the target type of a safetensors cast must be floating point");
        json::Json header = json::Json::object();
        // Tied weights: the same storage, offset, shape and strides as an earlier tensor.
        std::map<
            std::tuple<const void *, std::int64_t, std::vector<std::int64_t>, std::vector<std::int64_t>, int>,
            std::string>
            views;
        std::set<std::string> tied;
        json::Json metadata = json::Json::object();
        for (const auto &[key, value] : options.metadata)
            metadata[key] = json::Json(value);
        for (const auto &[name, tensor] : tensors) {
            const auto view = std::make_tuple(tensor.storage().data(), tensor.storage_offset(),
                tensor.sizes().vec(), tensor.strides().vec(), static_cast<int>(tensor.scalar_type()));
            const auto [it, first] = views.emplace(view, name);
            if (!first && tensor.numel() > 0) {
                metadata[std::string(kSafetensorsTiedPrefix) + name] = it->second;
                tied.insert(name);
            }
        }
        if (metadata.size() > 0)
            header["__metadata__"] = std::move(metadata);
        std::int64_t offset = 0;
        for (const auto &[name, tensor] : tensors) {
            if (tied.count(name))
                continue;
            const auto type = elementTypeOf(options.floatingType && tensor.is_floating_point()
                    ? toScalarType(*options.floatingType)
                    : tensor.scalar_type());
            if (!type)
                return makeError(
                    ErrorCode::Unsupported, "tensor '" + name + "' has a type safetensors cannot hold");
            json::Json shape = json::Json::array();
            for (const std::int64_t d : tensor.sizes())
                shape.push_back(json::Json(d));
            const std::int64_t bytes = tensor.numel() * elementSize(*type);
            json::Json offsets = json::Json::array();
            offsets.push_back(json::Json(offset));
            offsets.push_back(json::Json(offset + bytes));
            json::Json entry = json::Json::object();
            entry["dtype"] = json::Json(safetensorsName(*type));
            entry["shape"] = std::move(shape);
            entry["data_offsets"] = std::move(offsets);
            header[name] = std::move(entry);
            offset += bytes;
        }
        std::string text = header.dump();
        text.append((8 - text.size() % 8) % 8, ' ');

        auto sink = FileSink::create(partial);
        if (!sink)
            return sink.error();
        std::uint8_t length[8];
        for (int i = 0; i < 8; ++i)
            length[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(text.size()) >> (8 * i));
        (*sink)->write(length);
        (*sink)->write(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(text.data()), text.size()));
        std::size_t done = 0;
        for (const auto &[name, tensor] : tensors) {
            if (tied.count(name)) {
                ++done;
                continue;
            }
            const at::Tensor t = prepared(tensor, options);
            (*sink)->write(
                std::span<const std::uint8_t>(static_cast<const std::uint8_t *>(t.data_ptr()), t.nbytes()));
            if (options.progress && !options.progress(++done, tensors.size())) {
                sink->reset();
                std::remove(partial.c_str());
                return makeError(ErrorCode::Cancelled, "writing '" + path + "' was cancelled");
            }
        }
        if (auto finished = (*sink)->finish(); !finished) {
            std::remove(partial.c_str());
            return finished.error();
        }
        std::error_code ec;
        std::filesystem::rename(partial, path, ec);
        if (ec) {
            std::remove(partial.c_str());
            return makeError(
                ErrorCode::Io, "cannot rename '" + partial + "' to '" + path + "': " + ec.message());
        }
        return {};
    } catch (const c10::Error &e) {
        std::remove(partial.c_str());
        return makeError(ErrorCode::Internal, "writing '" + path + "' failed: " + e.what_without_backtrace());
    } catch (const std::bad_alloc &) {
        std::remove(partial.c_str());
        return makeError(ErrorCode::OutOfMemory, "out of memory while writing '" + path + "'");
    }
}

} // namespace mplug2::model
