#include "model/checkpoint/safetensorswriter.h"

#include "model/json/jsonvalue.h"

#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace mplug2::model {

namespace {

const char *dtypeName(at::ScalarType type)
{
    switch (type) {
    case at::kFloat: return "F32";
    case at::kHalf: return "F16";
    case at::kBFloat16: return "BF16";
    case at::kDouble: return "F64";
    case at::kLong: return "I64";
    case at::kInt: return "I32";
    case at::kShort: return "I16";
    case at::kChar: return "I8";
    case at::kByte: return "U8";
    case at::kBool: return "BOOL";
    default: return nullptr;
    }
}

} // namespace

Expected<void> saveSafetensors(const std::string &path, const StateDict &tensors,
                               const std::map<std::string, std::string> &metadata)
{
    JsonValue header = JsonValue::object();
    if (!metadata.empty()) {
        JsonValue meta = JsonValue::object();
        for (const auto &[key, value] : metadata)
            meta.set(key, JsonValue(value));
        header.set("__metadata__", std::move(meta));
    }
    std::vector<at::Tensor> data;
    std::int64_t offset = 0;
    for (const auto &[name, tensor] : tensors) {
        if (!tensor.defined())
            return makeError(ErrorCode::InvalidArgument, "cannot save the undefined tensor '" + name + "'");
        const char *dtype = dtypeName(tensor.scalar_type());
        if (!dtype)
            return makeError(ErrorCode::Unsupported, "cannot save '" + name + "': safetensors has no "
                                                         + std::string(c10::toString(tensor.scalar_type())));
        const at::Tensor cpu = tensor.detach().to(at::kCPU).contiguous();
        const auto bytes = static_cast<std::int64_t>(cpu.nbytes());
        JsonValue shape = JsonValue::array();
        for (const std::int64_t d : cpu.sizes())
            shape.append(JsonValue(d));
        JsonValue offsets = JsonValue::array();
        offsets.append(JsonValue(offset));
        offsets.append(JsonValue(offset + bytes));
        JsonValue entry = JsonValue::object();
        entry.set("dtype", JsonValue(dtype));
        entry.set("shape", std::move(shape));
        entry.set("data_offsets", std::move(offsets));
        header.set(name, std::move(entry));
        data.push_back(cpu);
        offset += bytes;
    }
    std::string text = header.dump();
    // The data buffer starts 8-byte aligned, as the reference writer pads it.
    text.append((8 - text.size() % 8) % 8, ' ');

    const std::string part = path + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out)
            return makeError(ErrorCode::Io, "cannot write " + part);
        std::uint64_t size = text.size();
        unsigned char length[8];
        for (int i = 0; i < 8; ++i)
            length[i] = static_cast<unsigned char>(size >> (8 * i));
        out.write(reinterpret_cast<const char *>(length), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const at::Tensor &t : data)
            out.write(static_cast<const char *>(t.data_ptr()), static_cast<std::streamsize>(t.nbytes()));
        out.flush();
        if (!out) {
            out.close();
            std::remove(part.c_str());
            return makeError(ErrorCode::Io, "writing " + part + " failed (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(part, path, ec);
    if (ec) {
        std::remove(part.c_str());
        return makeError(ErrorCode::Io, "cannot rename " + part + " to " + path + ": " + ec.message());
    }
    return {};
}

} // namespace mplug2::model
